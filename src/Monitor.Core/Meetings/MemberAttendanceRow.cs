namespace Monitor.Core.Meetings;

/// <summary>
/// A member's attendance over the held meetings of a group: <paramref name="Meetings"/> with an attendance row
/// for the member, <paramref name="Present"/> of them attended; <paramref name="Rate"/> is null without meetings.
/// </summary>
public sealed record MemberAttendanceRow(long MemberId, int Meetings, int Present, double? Rate);
