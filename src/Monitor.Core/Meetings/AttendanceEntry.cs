namespace Monitor.Core.Meetings;

/// <summary>A member expected at a meeting and their attendance (null = not recorded yet).</summary>
public sealed record AttendanceEntry(long MemberId, string RoleLabel, string Organisation, AttendanceStatus? Status);
