using System.Globalization;
using System.Text;
using Monitor.Core.Meetings;
using Calendar = Ical.Net.Calendar;
using CalendarEvent = Monitor.Core.Meetings.CalendarEvent;

namespace Monitor.Core.Tests.Meetings;

/// <summary>The feed as a calendar app sees it: read back by Ical.Net's own parser (Calendar.Load).</summary>
public sealed class ICalendarWriterTests
{
    private static readonly DateTimeOffset _stamp = new(2025, 3, 30, 14, 5, 9, TimeSpan.FromHours(2));

    private static readonly CalendarEvent _meeting = new(
        Uid: "meeting-42@implementatiemonitor",
        Summary: "Ontwikkelgroep Werkfit",
        Description: "Agenda: terugblik, casus, reflectie",
        Location: "Stadhuis, zaal 3",
        LocalStart: new DateTime(2025, 4, 7, 14, 30, 0),
        DurationMinutes: 90,
        Cancelled: false);

    private static string Write(params CalendarEvent[] events) => ICalendarWriter.Write("Werkfit – bijeenkomsten", events, _stamp);

    private static Calendar Load(string ics) => Calendar.Load(ics) ?? throw new AssertionException("Ical.Net could not read the feed");

    [Test]
    public void IcalNetReadsBackEveryEventWithItsUidTimesStatusAndSequence()
    {
        var ics = Write(
            _meeting,
            _meeting with { Uid = "meeting-43@implementatiemonitor", LocalStart = new DateTime(2025, 1, 13, 10, 0, 0), DurationMinutes = 120, Cancelled = true, Sequence = 3 },
            _meeting with { Uid = "meeting-44@implementatiemonitor", LocalStart = new DateTime(2025, 10, 26, 9, 0, 0), DurationMinutes = 45 });

        var events = Load(ics).Events.ToList();

        Assert.That(events.Select(e => e.Uid), Is.EqualTo(new[] { "meeting-42@implementatiemonitor", "meeting-43@implementatiemonitor", "meeting-44@implementatiemonitor" }));
        Assert.That(events.Select(e => e.DtStart!.TzId), Has.All.EqualTo("Europe/Amsterdam"));
        // Summer time (CEST, +2), winter time (CET, +1), and the Sunday the clocks go back (CET from 03:00).
        Assert.That(events.Select(e => e.DtStart!.AsUtc), Is.EqualTo(new[]
        {
            new DateTime(2025, 4, 7, 12, 30, 0, DateTimeKind.Utc),
            new DateTime(2025, 1, 13, 9, 0, 0, DateTimeKind.Utc),
            new DateTime(2025, 10, 26, 8, 0, 0, DateTimeKind.Utc),
        }));
        Assert.That(events.Select(e => e.Duration!.Value.ToTimeSpanUnspecified()), Is.EqualTo(new[] { TimeSpan.FromMinutes(90), TimeSpan.FromHours(2), TimeSpan.FromMinutes(45) }));
        Assert.That(events.Select(e => e.Status), Is.EqualTo(new[] { "CONFIRMED", "CANCELLED", "CONFIRMED" }));
        Assert.That(events.Select(e => e.Sequence), Is.EqualTo(new[] { 0, 3, 0 }));
        Assert.That(events.Select(e => e.DtStamp!.AsUtc), Has.All.EqualTo(new DateTime(2025, 3, 30, 12, 5, 9, DateTimeKind.Utc)));
    }

    [Test]
    public void DefinesTheAmsterdamTimeZoneWithSummerAndWinterTimeInTheFeed()
    {
        var calendar = Load(Write(_meeting));

        var zone = calendar.TimeZones.Single();
        Assert.That(zone.TzId, Is.EqualTo("Europe/Amsterdam"));
        var offsets = zone.TimeZoneInfos.Select(info => (info.Name, From: info.OffsetFrom!.ToString(), To: info.OffsetTo!.ToString())).ToList();
        Assert.That(offsets, Does.Contain(("DAYLIGHT", "+0100", "+0200")).And.Contain(("STANDARD", "+0200", "+0100")));
        Assert.That(calendar.Properties["X-WR-CALNAME"]?.Value, Is.EqualTo("Werkfit – bijeenkomsten"));
        Assert.That((calendar.Method, calendar.Version), Is.EqualTo(("PUBLISH", "2.0")));
    }

    [Test]
    public void TextWithSeparatorsLineBreaksAccentsAndEmojiComesBackExactly()
    {
        var summary = string.Concat(Enumerable.Repeat("Reëel overleg; café, 😀 \\ Één ", 8));
        var ics = Write(_meeting with { Summary = summary, Description = "regel een\nregel twee", Location = "Zaal 1, Arnhem; ingang B" });

        var item = Load(ics).Events.Single();

        Assert.That((item.Summary, item.Description, item.Location), Is.EqualTo((summary, "regel een\nregel twee", "Zaal 1, Arnhem; ingang B")));
        var physical = ics.Split("\r\n");
        Assert.That(physical[^1], Is.Empty, "the feed ends with CRLF");
        Assert.That(physical, Has.None.Contains('\n').And.None.Contains('\r'));
        Assert.That(physical.Select(line => Encoding.UTF8.GetByteCount(line)), Has.All.LessThanOrEqualTo(75), "lines are folded at 75 octets");
    }

    [Test]
    public void LeavesOutAnEmptyDescriptionAndLocation()
    {
        var ics = Write(_meeting with { Description = "", Location = null });

        Assert.That(ics.Split("\r\n"), Has.None.StartsWith("DESCRIPTION").And.None.StartsWith("LOCATION"));
        Assert.That(Load(ics).Events.Single().Summary, Is.EqualTo("Ontwikkelgroep Werkfit"));
    }

    [Test]
    public void AFeedWithoutEventsIsAValidCalendar()
    {
        var calendar = Load(Write());

        Assert.That(calendar.Events, Is.Empty);
        Assert.That(calendar.TimeZones.Single().TzId, Is.EqualTo("Europe/Amsterdam"));
    }

    [TestCase("nl-NL")]
    [TestCase("ar-SA")]
    [TestCase("th-TH")]
    public void WritesTheWallClockTimeWhateverTheCultureAndTheKindOfTheStart(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var ics = Write(_meeting with { LocalStart = DateTime.SpecifyKind(_meeting.LocalStart, DateTimeKind.Utc) });

            Assert.That(ics, Does.Contain("DTSTART;TZID=Europe/Amsterdam:20250407T143000\r\n"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [TestCase("")]
    [TestCase("  ")]
    public void RefusesAnEventWithoutUid(string uid) =>
        Assert.That(() => Write(_meeting with { Uid = uid }), Throws.ArgumentException);

    [Test]
    public void RefusesANegativeDuration() =>
        Assert.That(() => Write(_meeting with { DurationMinutes = -1 }), Throws.ArgumentException);
}
