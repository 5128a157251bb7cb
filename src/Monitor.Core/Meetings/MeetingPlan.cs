namespace Monitor.Core.Meetings;

/// <summary>The fields of a meeting as they are scheduled or changed.</summary>
public sealed record MeetingPlan
{
    public required DateOnly HeldOn { get; init; }
    public TimeOnly? StartsAt { get; init; }
    public int? DurationMinutes { get; init; }
    public string Location { get; init; } = "";
    public string Title { get; init; } = "";
    public MeetingStatus Status { get; init; } = MeetingStatus.Gepland;
}
