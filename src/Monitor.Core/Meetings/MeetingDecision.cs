namespace Monitor.Core.Meetings;

/// <summary>A decision taken in a meeting.</summary>
public sealed record MeetingDecision(long Id, string Text);
