namespace Monitor.Core.Meetings;

/// <summary>What was done with a "minder gewerkt" answer, recorded in a later meeting.</summary>
public sealed record ReflectionFollowUp(long MeetingId, DateOnly MeetingHeldOn, string Text, DateTimeOffset RecordedAt, string RecordedBy);
