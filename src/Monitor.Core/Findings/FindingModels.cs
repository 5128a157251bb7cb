namespace Monitor.Core.Findings;

public enum FindingKind
{
    Succesfactor,
    Les,
    Advies,
}

public enum FindingStatus
{
    Concept,
    Besproken,
    Vastgesteld,
}

public enum EvidenceKind
{
    Codering,
    Reflectie,
    Bijeenkomst,
    Activiteit,
}

/// <summary>What a researcher writes: the finding itself, without status or evidence.</summary>
public sealed record FindingDraft
{
    public required FindingKind Kind { get; init; }
    public string Heading { get; init; } = "";
    public required string Title { get; init; }
    public string Explanation { get; init; } = "";
    public IReadOnlyList<int> Determinants { get; init; } = [];
    public IReadOnlyList<int> BowenAreas { get; init; } = [];
    public int? Phase { get; init; }
}

/// <summary>The joint session in which a finding was discussed (besproken).</summary>
public sealed record FindingSession(DateOnly HeldOn, string Participants, string Changes);

/// <summary>A piece of evidence as the report shows it: a quote (or a description) and where it comes from.</summary>
public sealed record Evidence
{
    public required long Id { get; init; }
    public required EvidenceKind Kind { get; init; }
    public required long TargetId { get; init; }
    /// <summary>The quoted text: the coded fragment, the reflection's answers, the meeting title, the activity title.</summary>
    public required string Quote { get; init; }
    /// <summary>Where it comes from, e.g. "Verslag Ontwikkelteam 6-6-2019" or "Activiteit fase 2".</summary>
    public required string Source { get; init; }
    public long? MeetingId { get; init; }
    /// <summary>The group whose meeting the evidence comes from, when it comes from one.</summary>
    public string? GroupName { get; init; }
    public DateOnly? Date { get; init; }
    public string? CodeName { get; init; }
    public string? Valence { get; init; }
    public string Note { get; init; } = "";
}

public sealed record Finding
{
    public required long Id { get; init; }
    public required long ProjectId { get; init; }
    public required FindingDraft Fields { get; init; }
    public required FindingStatus Status { get; init; }
    public required int Position { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public IReadOnlyList<FindingSession> Sessions { get; init; } = [];
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}

public sealed record FindingHistoryEntry(DateTimeOffset At, string By, string Action, string Snapshot);

/// <summary>A candidate finding the tool proposes from the coded data, always with its evidence.</summary>
public sealed record FindingSuggestion
{
    /// <summary>Stable key, e.g. "succesfactor:midi-23", used to dismiss it.</summary>
    public required string Key { get; init; }
    public required FindingKind Kind { get; init; }
    public required string Title { get; init; }
    public required string Reason { get; init; }
    public int? Determinant { get; init; }
    public long CodeId { get; init; }
    public required int Facilitators { get; init; }
    public required int Barriers { get; init; }
    public required int Meetings { get; init; }
    public required IReadOnlyList<Coding.Fragment> Fragments { get; init; }
    /// <summary>Findings that already name this determinant or already hold some of these fragments.</summary>
    public IReadOnlyList<(long Id, string Title)> RelatedFindings { get; init; } = [];
}
