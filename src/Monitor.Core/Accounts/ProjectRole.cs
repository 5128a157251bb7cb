namespace Monitor.Core.Accounts;

/// <summary>A user's role in one project (see README glossary); beheerder is a user-wide flag, not a project role.</summary>
public enum ProjectRole
{
    Projectleider,
    Onderzoeker,
    Management,
    Deelnemer,
}
