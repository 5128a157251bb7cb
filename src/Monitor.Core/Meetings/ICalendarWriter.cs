using System.Globalization;
using System.Text;

namespace Monitor.Core.Meetings;

/// <summary>
/// Writes meetings as an iCalendar feed (RFC 5545) that calendar apps can subscribe to: CRLF line endings,
/// TEXT values escaped, content lines folded at 75 octets of UTF-8, start times in Europe/Amsterdam with the
/// time zone defined in the feed itself, invariant notation throughout.
/// </summary>
public static class ICalendarWriter
{
    /// <summary>The TZID of the event start times.</summary>
    public const string TimeZoneId = "Europe/Amsterdam";

    private const int MaxLineOctets = 75;
    private const string LineBreak = "\r\n";

    // The EU rules since 1996: summer time from the last Sunday of March 02:00 CET to the last Sunday of
    // October 03:00 CEST. Defined in the feed because clients do not all know IANA names.
    private static readonly string[] _timeZone =
    [
        "BEGIN:VTIMEZONE",
        $"TZID:{TimeZoneId}",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];

    /// <summary>
    /// The calendar <paramref name="calendarName"/> with one VEVENT per event, in the given order.
    /// <paramref name="stamp"/> (when the feed was made) becomes the DTSTAMP of every event.
    /// </summary>
    /// <exception cref="ArgumentException">An event has an empty UID or a negative duration.</exception>
    public static string Write(string calendarName, IEnumerable<CalendarEvent> events, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(events);
        var calendar = new StringBuilder();
        Line(calendar, "BEGIN:VCALENDAR");
        Line(calendar, "VERSION:2.0");
        Line(calendar, "PRODID:-//ImplementatieMonitor//NL");
        Line(calendar, "CALSCALE:GREGORIAN");
        Line(calendar, "METHOD:PUBLISH");
        Line(calendar, "X-WR-CALNAME:" + Escape(calendarName));
        Line(calendar, "X-WR-TIMEZONE:" + TimeZoneId);
        foreach (var line in _timeZone)
        {
            Line(calendar, line);
        }

        var dtStamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var item in events)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(events));
            if (string.IsNullOrWhiteSpace(item.Uid))
            {
                throw new ArgumentException($"The event '{item.Summary}' has no UID.", nameof(events));
            }

            if (item.DurationMinutes < 0)
            {
                throw new ArgumentException($"The event '{item.Uid}' has a negative duration ({item.DurationMinutes} minutes).", nameof(events));
            }

            Line(calendar, "BEGIN:VEVENT");
            Line(calendar, "UID:" + Escape(item.Uid));
            Line(calendar, "DTSTAMP:" + dtStamp);
            Line(calendar, $"DTSTART;TZID={TimeZoneId}:" + item.LocalStart.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
            Line(calendar, "DURATION:" + Duration(item.DurationMinutes));
            Line(calendar, "SUMMARY:" + Escape(item.Summary));
            if (!string.IsNullOrEmpty(item.Description))
            {
                Line(calendar, "DESCRIPTION:" + Escape(item.Description));
            }

            if (!string.IsNullOrEmpty(item.Location))
            {
                Line(calendar, "LOCATION:" + Escape(item.Location));
            }

            Line(calendar, item.Cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
            Line(calendar, "END:VEVENT");
        }

        Line(calendar, "END:VCALENDAR");
        return calendar.ToString();
    }

    /// <summary>A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n, other control characters dropped.</summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    escaped.Append(@"\\");
                    break;
                case ';':
                    escaped.Append(@"\;");
                    break;
                case ',':
                    escaped.Append(@"\,");
                    break;
                case '\r':
                    escaped.Append(@"\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    escaped.Append(@"\n");
                    break;
                case '\t':
                    escaped.Append(c);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    private static string Duration(int minutes)
    {
        var (hours, rest) = Math.DivRem(minutes, 60);
        return hours switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"PT{rest}M"),
            _ when rest == 0 => string.Create(CultureInfo.InvariantCulture, $"PT{hours}H"),
            _ => string.Create(CultureInfo.InvariantCulture, $"PT{hours}H{rest}M"),
        };
    }

    /// <summary>Appends a content line folded at 75 octets; a continuation line starts with a space, which counts among its octets.</summary>
    private static void Line(StringBuilder calendar, string line)
    {
        Span<char> buffer = stackalloc char[2];
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var length = rune.Utf8SequenceLength;
            if (octets + length > MaxLineOctets)
            {
                calendar.Append(LineBreak).Append(' ');
                octets = 1;
            }

            calendar.Append(buffer[..rune.EncodeToUtf16(buffer)]);
            octets += length;
        }

        calendar.Append(LineBreak);
    }
}
