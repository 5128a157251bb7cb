namespace Monitor.Core.Learning;

/// <summary>The eventful timeline of a project: its events in date order, the phases as bands, and its groups (for the filter).</summary>
public sealed record ProjectTimeline
{
    public required long ProjectId { get; init; }
    public required IReadOnlyList<TimelineEvent> Events { get; init; }
    public required IReadOnlyList<TimelinePhase> Phases { get; init; }
    public required IReadOnlyList<TimelineGroup> Groups { get; init; }

    /// <summary>The group the events were filtered to; null for all groups.</summary>
    public long? GroupId { get; init; }
}
