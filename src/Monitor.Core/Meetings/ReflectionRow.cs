namespace Monitor.Core.Meetings;

/// <summary>A reflection with the group and meeting it belongs to, for exports.</summary>
public sealed record ReflectionRow(string GroupName, DateOnly HeldOn, string MeetingTitle, Reflection Reflection);
