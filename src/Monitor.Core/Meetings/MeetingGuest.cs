namespace Monitor.Core.Meetings;

/// <summary>Someone at a meeting who is not a member of the group.</summary>
public sealed record MeetingGuest(long Id, string Name, string Organisation);
