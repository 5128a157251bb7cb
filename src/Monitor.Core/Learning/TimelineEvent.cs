namespace Monitor.Core.Learning;

/// <summary>
/// One thing on the project's timeline: a held meeting, a phase decision, a plan activity done (a milestone) or a high or
/// low point with its story. <see cref="SourceId"/> is the id of the meeting, decision, activity or moment.
/// </summary>
public sealed record TimelineEvent
{
    public required DateOnly On { get; init; }
    public required TimelineEventKind Kind { get; init; }
    public required long SourceId { get; init; }
    public required string Title { get; init; }
    public string Story { get; init; } = "";
    public long? GroupId { get; init; }
    public string? GroupName { get; init; }
    public bool Reconstructed { get; init; }
}
