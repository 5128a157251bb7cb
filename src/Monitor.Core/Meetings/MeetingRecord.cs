using Monitor.Core.Projects;

namespace Monitor.Core.Meetings;

/// <summary>One meeting with its own fields (the minutes in Markdown).</summary>
public sealed record MeetingRecord
{
    public required long Id { get; init; }
    public required long GroupId { get; init; }
    public required string Title { get; init; }
    public required DateOnly HeldOn { get; init; }
    public required DatePrecision DatePrecision { get; init; }

    /// <summary>Wall-clock start in Europe/Amsterdam; null when unknown.</summary>
    public required TimeOnly? StartsAt { get; init; }
    public required int? DurationMinutes { get; init; }
    public required string Location { get; init; }
    public required MeetingStatus Status { get; init; }
    public required string Minutes { get; init; }
    public required bool MinutesApproved { get; init; }
    public required string Note { get; init; }
}
