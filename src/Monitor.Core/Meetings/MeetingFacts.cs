namespace Monitor.Core.Meetings;

/// <summary>What the metrics need to know about one meeting of a group.</summary>
public sealed record MeetingFacts
{
    public required long MeetingId { get; init; }
    public required DateOnly HeldOn { get; init; }
    public required MeetingStatus Status { get; init; }
    public IReadOnlyList<AttendanceFact> Attendance { get; init; } = [];
    public IReadOnlyList<ReflectionFact> Reflections { get; init; } = [];
}
