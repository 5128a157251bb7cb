namespace Monitor.Core.Privacy;

/// <summary>
/// Who reads project data: the team that works with the raw material, or management, who see what was agreed and
/// aggregates only, never a person (README, role table).
/// </summary>
public enum Audience
{
    /// <summary>Researchers, projectleiders, deelnemers, beheerders: everything their role shows, as it is.</summary>
    Team,

    /// <summary>
    /// Management: only vastgestelde findings, evidence named by group and date with member labels and the pseudonym list
    /// replaced, finding history without snapshots; groups without member lists or attendance per person.
    /// </summary>
    Management,
}
