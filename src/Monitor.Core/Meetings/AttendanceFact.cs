namespace Monitor.Core.Meetings;

/// <summary>The attendance of one member at one meeting, as the metrics need it.</summary>
public sealed record AttendanceFact(long MemberId, AttendanceStatus Status);
