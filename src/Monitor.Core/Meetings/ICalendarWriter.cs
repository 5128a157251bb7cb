using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Monitor.Core.Meetings;

/// <summary>
/// Writes meetings as an iCalendar feed (RFC 5545) that calendar apps can subscribe to, with Ical.Net: start times
/// in Europe/Amsterdam with the time zone defined in the feed itself (VTIMEZONE, because clients do not all know
/// IANA names), stable UIDs, SEQUENCE for changed meetings, cancelled ones as STATUS:CANCELLED. Ical.Net escapes
/// TEXT values, folds lines at 75 octets and ends them with CRLF.
/// </summary>
public static class ICalendarWriter
{
    /// <summary>The TZID of the event start times.</summary>
    public const string TimeZoneId = "Europe/Amsterdam";

    // The EU summer-time rules hold since 1996; from then on the time zone is the same two observances (CET and
    // CEST with yearly rules), whatever the dates of the events. (Ical.Net refuses a start after today.)
    private static readonly DateTime _rulesSince = new(1996, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>
    /// The calendar <paramref name="calendarName"/> with one VEVENT per event, in the given order.
    /// <paramref name="stamp"/> (when the feed was made) becomes the DTSTAMP of every event.
    /// </summary>
    /// <exception cref="ArgumentException">An event has an empty UID or a negative duration.</exception>
    public static string Write(string calendarName, IEnumerable<CalendarEvent> events, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(events);
        var items = events.ToList();
        foreach (var item in items)
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
        }

        var calendar = new Calendar { ProductId = "-//ImplementatieMonitor//NL", Scale = "GREGORIAN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName ?? "");
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId, _rulesSince, includeHistoricalData: false));

        var dtStamp = new CalDateTime(stamp.UtcDateTime, true);
        foreach (var item in items)
        {
            calendar.Events.Add(new Ical.Net.CalendarComponents.CalendarEvent
            {
                Uid = item.Uid,
                DtStamp = dtStamp,
                DtStart = new CalDateTime(DateTime.SpecifyKind(item.LocalStart, DateTimeKind.Unspecified), TimeZoneId, true),
                Duration = Duration(item.DurationMinutes),
                Summary = item.Summary,
                Description = string.IsNullOrEmpty(item.Description) ? null : item.Description,
                Location = string.IsNullOrEmpty(item.Location) ? null : item.Location,
                Status = item.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Sequence = item.Sequence,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>In hours and minutes as people write it (PT1H30M), not in minutes only.</summary>
    private static Duration Duration(int minutes)
    {
        var (hours, rest) = Math.DivRem(minutes, 60);
        return new Duration(null, null, hours == 0 ? null : hours, rest == 0 && hours > 0 ? null : rest, null);
    }
}
