namespace Monitor.Core.Meetings;

/// <summary>The stored codes and Dutch labels of the meeting enums.</summary>
public static class MeetingCodes
{
    public static string ToCode(this MeetingStatus status) => status.ToString().ToLowerInvariant();

    public static string ToCode(this AttendanceStatus status) => status.ToString().ToLowerInvariant();

    public static string ToCode(this ActionItemStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse<T>(string? code, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), code, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static T Parse<T>(string code)
        where T : struct, Enum =>
        TryParse<T>(code, out var value) ? value : throw new FormatException($"Unknown {typeof(T).Name} '{code}'.");

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
