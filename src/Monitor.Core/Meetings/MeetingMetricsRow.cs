namespace Monitor.Core.Meetings;

/// <summary>
/// The metrics of one held meeting. <paramref name="Expected"/> is the number of members with an attendance
/// row, <paramref name="Present"/> those who were there; <paramref name="Responses"/> counts the present members
/// who answered the closing reflection question. <paramref name="WellCount"/> and <paramref name="LessCount"/>
/// count answers (guests included) with a "wel gewerkt" and a "minder gewerkt" part; of the latter,
/// <paramref name="LessDue"/> should have been followed up by now and <paramref name="LessClosed"/> were followed
/// up in time. Rates are null when their denominator is zero.
/// </summary>
public sealed record MeetingMetricsRow(
    long MeetingId,
    DateOnly HeldOn,
    int Expected,
    int Present,
    double? AttendanceRate,
    int Responses,
    double? ResponseRate,
    int WellCount,
    int LessCount,
    int LessDue,
    int LessClosed);
