namespace Monitor.Core.Learning;

/// <summary>
/// Where an agenda entry's source lives, for a link: the meeting it belongs to (a meeting itself, the meeting of a
/// reflection or action item; none for a finding), that meeting's day and group, and a short text to show.
/// </summary>
public sealed record LearningSourceTarget(LearningSource Source, long? MeetingId, DateOnly? HeldOn, string? GroupName, string Label);
