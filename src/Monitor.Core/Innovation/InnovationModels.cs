namespace Monitor.Core.Innovation;

/// <summary>A built-in framework of core elements (Arnhem's 7 steps, the three-talk model, methodisch werken), read-only and versioned.</summary>
public sealed record CoreElementFramework
{
    public required string Code { get; init; }
    public required string TitleNl { get; init; }
    public required string TitleEn { get; init; }
    public required string Version { get; init; }
    public required string Citation { get; init; }
    public required string Note { get; init; }
    public required IReadOnlyList<CoreElementTemplate> Items { get; init; }
}

/// <summary>One step or core point (kernpunt) of a built-in framework.</summary>
public sealed record CoreElementTemplate(int Number, CoreElementTemplateKind Kind, string NameNl, string NameEn, string DescriptionNl, string DescriptionEn);

/// <summary>A step of a method, or a core point that holds for every step (stored as stap, kernpunt).</summary>
public enum CoreElementTemplateKind
{
    Stap,
    Kernpunt,
}

/// <summary>A core element (kernelement) of the project's innovation, with what counts as delivered.</summary>
public sealed record CoreElement
{
    public required long Id { get; init; }
    public required long ProjectId { get; init; }
    public required int Position { get; init; }
    public required string Name { get; init; }
    public required string DeliveredWhen { get; init; }
    public string? FrameworkCode { get; init; }
    public int? FrameworkNumber { get; init; }
}

/// <summary>Who filled in a fidelity checklist: the professional about their own conversation, or an observer (stored as zelfrapportage, observatie).</summary>
public enum ChecklistKind
{
    Zelfrapportage,
    Observatie,
}

/// <summary>What a professional or observer ticks after one conversation.</summary>
public sealed record ChecklistDraft
{
    public required string Team { get; init; }
    public required DateOnly ConversationOn { get; init; }
    public required ChecklistKind Kind { get; init; }
    /// <summary>The project's core element ids that happened; the project's other elements count as not delivered.</summary>
    public required IReadOnlyList<long> Delivered { get; init; }
    public string Note { get; init; } = "";
}

/// <summary>A stored checklist with, per core element of the project at the time, whether it happened.</summary>
public sealed record Checklist
{
    public required long Id { get; init; }
    public required string Team { get; init; }
    public required DateOnly ConversationOn { get; init; }
    public required ChecklistKind Kind { get; init; }
    public long? UserId { get; init; }
    public long? LinkId { get; init; }
    public required string Note { get; init; }
    public required IReadOnlyDictionary<long, bool> Elements { get; init; }
}

/// <summary>A personal checklist link of one professional (the token itself is only shown when made).</summary>
public sealed record FidelityLink(long Id, string Label, string Team, DateTimeOffset CreatedAt, bool Revoked);

/// <summary>What a checklist link opens: the project and the professional's team, with the project's core elements.</summary>
public sealed record FidelityLinkContext(long LinkId, long ProjectId, string ProjectName, string Label, string Team, IReadOnlyList<CoreElement> Elements);

/// <summary>One month of reach and adoption counts of one team, as a projectleider enters them.</summary>
public sealed record ReachCount
{
    public required string Team { get; init; }
    /// <summary>The first day of the month counted.</summary>
    public required DateOnly Month { get; init; }
    /// <summary>Professionals in the team who could use the innovation.</summary>
    public required int Professionals { get; init; }
    /// <summary>Of them, trained so far.</summary>
    public required int Trained { get; init; }
    /// <summary>Of them, used the innovation at least once (adoption).</summary>
    public required int Users { get; init; }
    /// <summary>Clients in the target group of the team.</summary>
    public required int TargetClients { get; init; }
    /// <summary>Clients with whom the innovation was used this month (reach).</summary>
    public required int ClientsReached { get; init; }
}
