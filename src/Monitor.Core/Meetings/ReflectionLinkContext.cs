namespace Monitor.Core.Meetings;

/// <summary>What the reflection page behind a link may show: the meeting and the members who can answer.</summary>
public sealed record ReflectionLinkContext
{
    public required long ProjectId { get; init; }
    public required long MeetingId { get; init; }
    public required string MeetingTitle { get; init; }
    public required DateOnly HeldOn { get; init; }
    public required string GroupName { get; init; }
    public required bool Anonymous { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Members recorded present (or, before attendance is recorded, active on the date) who may answer.</summary>
    public required IReadOnlyList<AttendanceEntry> Respondents { get; init; }
}
