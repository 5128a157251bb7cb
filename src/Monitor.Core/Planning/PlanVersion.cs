namespace Monitor.Core.Planning;

/// <summary>
/// A named, frozen version of a project's plan (<see cref="Snapshot"/>), saved on <see cref="SavedOn"/>, with the
/// steps it went through (who reviewed it, who decided, when, at which group or meeting).
/// </summary>
public sealed record PlanVersion(
    long Id, long ProjectId, int Number, string Name, string Note, PlanVersionStatus Status, DateOnly SavedOn, string CreatedBy,
    PlanSnapshot Snapshot, IReadOnlyList<PlanVersionStep> Steps)
{
    /// <summary>The day it was vastgesteld, or null when it never was.</summary>
    public DateOnly? AdoptedOn => Steps.LastOrDefault(s => s.Status == PlanVersionStatus.Vastgesteld)?.HappenedOn;

    /// <summary>The day it was vervangen, or null.</summary>
    public DateOnly? SupersededOn => Steps.LastOrDefault(s => s.Status == PlanVersionStatus.Vervangen)?.HappenedOn;

    /// <summary>Whether it was the baseline at the end of <paramref name="date"/>: vastgesteld by then and not yet vervangen.</summary>
    public bool WasBaselineOn(DateOnly date) => AdoptedOn is { } adopted && adopted <= date && (SupersededOn is not { } superseded || superseded > date);

    /// <summary>"planversie 'Definitief' (vastgesteld 12-03-2026)": how reports name the version they measured against.</summary>
    public string BaselineLabel => $"planversie ‘{Name}’" + (AdoptedOn is { } on ? $" (vastgesteld {on.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture)})" : "");
}

/// <summary>
/// One step of a version: the status it reached on <see cref="HappenedOn"/>; for 'ter bespreking' the group (and
/// meeting) where it was discussed and who reviewed it, for 'vastgesteld' who decided.
/// </summary>
public sealed record PlanVersionStep(
    PlanVersionStatus Status, DateOnly HappenedOn, long? GroupId, string? GroupName, long? MeetingId, DateOnly? MeetingOn, string Who, string Note, string RecordedBy);

/// <summary>What the projectleider records when a version changes status.</summary>
public sealed record PlanVersionStepDraft
{
    public const int MaxWhoLength = 200;
    public const int MaxNoteLength = 2000;

    public required PlanVersionStatus Status { get; init; }
    public required DateOnly HappenedOn { get; init; }
    public long? GroupId { get; init; }
    public long? MeetingId { get; init; }

    /// <summary>A role, never a name: "lid MT", "Veranderteam", "Projectleider".</summary>
    public string Who { get; init; } = "";
    public string Note { get; init; } = "";
}
