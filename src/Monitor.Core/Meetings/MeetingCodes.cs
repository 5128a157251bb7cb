namespace Monitor.Core.Meetings;

/// <summary>The stored codes and Dutch labels of the meeting enums.</summary>
public static class MeetingCodes
{
    public static string Label(this MeetingStatus status) => status switch
    {
        MeetingStatus.Gepland => "gepland",
        MeetingStatus.Gehouden => "gehouden",
        _ => "geannuleerd",
    };

    public static string Label(this AttendanceStatus status) => status switch
    {
        AttendanceStatus.Aanwezig => "aanwezig",
        AttendanceStatus.Afgemeld => "afgemeld",
        _ => "afwezig",
    };

    public static string Label(this ActionItemStatus status) => status switch
    {
        ActionItemStatus.Open => "open",
        ActionItemStatus.Gedaan => "gedaan",
        _ => "vervallen",
    };
}
