using System.Text;
using Monitor.Core.Meetings;

namespace Monitor.Core.Tests.Meetings;

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

    private static List<ICalendarParser.ContentLine> OnlyEvent(string calendar) => ICalendarParser.Components(calendar, "VEVENT").Single();

    private static List<string> PhysicalLines(string calendar)
    {
        var lines = calendar.Split("\r\n").ToList();
        Assert.That(lines[^1], Is.Empty, "the calendar ends with CRLF");
        return lines[..^1];
    }

    private static string LongSummary()
    {
        var summary = new StringBuilder();
        string[] pieces = ["Reëel overleg ", "café ", "😀", "ë", "é", "a", "🎉 ", "Één ", "x"];
        for (var i = 0; summary.Length < 200; i++)
        {
            summary.Append(pieces[i % pieces.Length]);
        }

        // Cut at 200 UTF-16 units without leaving half an emoji.
        var text = summary.ToString(0, 200);
        return char.IsHighSurrogate(text[^1]) ? text[..^1] + "!" : text;
    }

    public sealed class Calendar
    {
        [Test]
        public void EndsEveryLineWithCrlfAndHasNoBareLineFeedsOrCarriageReturns()
        {
            var calendar = Write(_meeting, _meeting with { Uid = "2", Description = "regel een\nregel twee\r\nregel drie" });

            Assert.That(calendar, Does.EndWith("\r\n"));
            Assert.That(PhysicalLines(calendar), Has.None.Contains('\r').And.None.Contains('\n'));
        }

        [Test]
        public void StartsWithTheCalendarPropertiesAndDefinesTheAmsterdamTimeZone()
        {
            var lines = ICalendarParser.Parse(Write(_meeting));

            Assert.That(lines.Take(6).Select(line => $"{line.Name}:{line.Value}"), Is.EqualTo(new[]
            {
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//ImplementatieMonitor//NL",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                @"X-WR-CALNAME:Werkfit – bijeenkomsten",
            }));
            Assert.That($"{lines[^1].Name}:{lines[^1].Value}", Is.EqualTo("END:VCALENDAR"));
            Assert.That(ICalendarParser.Components(Write(_meeting), "VTIMEZONE").Single().Get("TZID").Value, Is.EqualTo("Europe/Amsterdam"));
        }

        [TestCase("DAYLIGHT", "+0100", "+0200", "CEST", "BYMONTH=3;BYDAY=-1SU")]
        [TestCase("STANDARD", "+0200", "+0100", "CET", "BYMONTH=10;BYDAY=-1SU")]
        public void SwitchesBetweenCetAndCestOnTheLastSundayOfMarchAndOctober(string component, string from, string to, string name, string rule)
        {
            var lines = ICalendarParser.Components(Write(), component).Single();

            Assert.That(lines.Get("TZOFFSETFROM").Value, Is.EqualTo(from));
            Assert.That(lines.Get("TZOFFSETTO").Value, Is.EqualTo(to));
            Assert.That(lines.Get("TZNAME").Value, Is.EqualTo(name));
            Assert.That(lines.Get("RRULE").Value, Is.EqualTo($"FREQ=YEARLY;{rule}"));
        }

        [Test]
        public void BalancesEveryBeginWithAnEnd()
        {
            var open = new Stack<string>();
            foreach (var line in ICalendarParser.Parse(Write(_meeting, _meeting with { Uid = "2" })))
            {
                if (line.Name == "BEGIN")
                {
                    open.Push(line.Value);
                }
                else if (line.Name == "END")
                {
                    Assert.That(open.Pop(), Is.EqualTo(line.Value));
                }
            }

            Assert.That(open, Is.Empty);
        }

        [Test]
        public void WritesAValidCalendarWithoutEvents()
        {
            var calendar = Write();
            var lines = ICalendarParser.Parse(calendar);

            Assert.That(ICalendarParser.Components(calendar, "VEVENT"), Is.Empty);
            Assert.That(ICalendarParser.Components(calendar, "VCALENDAR"), Has.Count.EqualTo(1));
            Assert.That(lines.Select(line => line.Name), Does.Contain("VERSION").And.Contain("PRODID"));
            Assert.That(PhysicalLines(calendar), Has.All.Not.Empty);
        }

        [Test]
        public void WritesOneEventPerMeetingInTheGivenOrder()
        {
            var events = ICalendarParser.Components(Write(_meeting with { Uid = "b" }, _meeting with { Uid = "a" }, _meeting with { Uid = "c" }), "VEVENT");

            Assert.That(events.Select(lines => lines.Get("UID").Text), Is.EqualTo(new[] { "b", "a", "c" }));
        }
    }

    public sealed class Events
    {
        [Test]
        public void RoundTripsUidStampStartAndTimeZone()
        {
            var lines = OnlyEvent(Write(_meeting));

            Assert.That(lines.Get("UID").Text, Is.EqualTo("meeting-42@implementatiemonitor"));
            Assert.That(lines.Get("DTSTAMP").Value, Is.EqualTo("20250330T120509Z"), "the stamp in UTC");
            Assert.That(lines.Get("DTSTART").Value, Is.EqualTo("20250407T143000"), "the Amsterdam wall-clock time, no Z");
            Assert.That(lines.Get("DTSTART").Parameters["TZID"], Is.EqualTo("Europe/Amsterdam"));
        }

        [Test]
        public void WritesTheWallClockTimeWhateverTheKindOfTheStart()
        {
            var utc = OnlyEvent(Write(_meeting with { LocalStart = new DateTime(2025, 10, 26, 2, 30, 0, DateTimeKind.Utc) }));
            var local = OnlyEvent(Write(_meeting with { LocalStart = new DateTime(2025, 10, 26, 2, 30, 0, DateTimeKind.Local) }));

            Assert.That(new[] { utc.Get("DTSTART").Value, local.Get("DTSTART").Value }, Is.All.EqualTo("20251026T023000"));
        }

        [TestCase(90, "PT1H30M")]
        [TestCase(60, "PT1H")]
        [TestCase(45, "PT45M")]
        [TestCase(150, "PT2H30M")]
        [TestCase(0, "PT0M")]
        public void WritesTheDurationInHoursAndMinutes(int minutes, string duration) =>
            Assert.That(OnlyEvent(Write(_meeting with { DurationMinutes = minutes })).Get("DURATION").Value, Is.EqualTo(duration));

        [Test]
        public void WritesSummaryDescriptionAndLocation()
        {
            var lines = OnlyEvent(Write(_meeting));

            Assert.That(lines.Get("SUMMARY").Text, Is.EqualTo("Ontwikkelgroep Werkfit"));
            Assert.That(lines.Get("DESCRIPTION").Text, Is.EqualTo("Agenda: terugblik, casus, reflectie"));
            Assert.That(lines.Get("LOCATION").Text, Is.EqualTo("Stadhuis, zaal 3"));
        }

        [TestCase(null)]
        [TestCase("")]
        public void LeavesOutAnEmptyDescriptionAndLocation(string? empty)
        {
            var lines = OnlyEvent(Write(_meeting with { Description = empty, Location = empty }));

            Assert.That(lines.Select(line => line.Name), Has.None.EqualTo("DESCRIPTION").And.None.EqualTo("LOCATION"));
        }

        [TestCase(false, "CONFIRMED")]
        [TestCase(true, "CANCELLED")]
        public void MarksTheStatusConfirmedOrCancelled(bool cancelled, string status) =>
            Assert.That(OnlyEvent(Write(_meeting with { Cancelled = cancelled })).Get("STATUS").Value, Is.EqualTo(status));

        [Test]
        [SetCulture("th-TH")]
        public void WritesGregorianDatesWhateverTheCurrentCulture()
        {
            var lines = OnlyEvent(Write(_meeting));

            Assert.That(lines.Get("DTSTART").Value, Is.EqualTo("20250407T143000"));
            Assert.That(lines.Get("DTSTAMP").Value, Is.EqualTo("20250330T120509Z"));
        }

        [TestCase("")]
        [TestCase("  ")]
        public void RefusesAnEventWithoutUid(string uid) =>
            Assert.That(() => Write(_meeting with { Uid = uid }), Throws.ArgumentException);

        [Test]
        public void RefusesANegativeDuration() =>
            Assert.That(() => Write(_meeting with { DurationMinutes = -1 }), Throws.ArgumentException);
    }

    public sealed class TextValues
    {
        [TestCase(@"a\b", @"a\\b")]
        [TestCase("a;b", @"a\;b")]
        [TestCase("a,b", @"a\,b")]
        [TestCase("a\nb", @"a\nb")]
        [TestCase("a\r\nb", @"a\nb")]
        [TestCase("a\rb", @"a\nb")]
        [TestCase("Dubbele punt: blijft", "Dubbele punt: blijft")]
        [TestCase("a\u0007b", "ab")]
        public void EscapesTextValues(string text, string escaped) =>
            Assert.That(OnlyEvent(Write(_meeting with { Summary = text })).Get("SUMMARY").Value, Is.EqualTo(escaped));

        [Test]
        public void RoundTripsEscapedTextWithLineBreaksNormalisedToLineFeeds()
        {
            const string Description = "Terugblik; casus, \"reflectie\"\\vervolg\r\nPunt 2: wat werkte?\nPunt 3";
            var lines = OnlyEvent(Write(_meeting with { Description = Description, Location = "Zaal 3; 2e verdieping, links" }));

            Assert.That(lines.Get("DESCRIPTION").Text, Is.EqualTo(Description.Replace("\r\n", "\n", StringComparison.Ordinal)));
            Assert.That(lines.Get("LOCATION").Text, Is.EqualTo("Zaal 3; 2e verdieping, links"));
        }

        [Test]
        public void EscapesTheCalendarName()
        {
            var name = ICalendarParser.Parse(ICalendarWriter.Write("Werkfit, Zaanstad; 2025", [], _stamp)).Get("X-WR-CALNAME");

            Assert.That(name.Value, Is.EqualTo(@"Werkfit\, Zaanstad\; 2025"));
            Assert.That(name.Text, Is.EqualTo("Werkfit, Zaanstad; 2025"));
        }
    }

    public sealed class Folding
    {
        [Test]
        public void KeepsEveryLineWithinSeventyFiveOctets()
        {
            var calendar = Write(_meeting with { Summary = LongSummary(), Description = new string('d', 500), Location = string.Concat(Enumerable.Repeat("ë😀", 80)) });

            Assert.That(PhysicalLines(calendar).Select(Encoding.UTF8.GetByteCount), Has.All.LessThanOrEqualTo(75));
        }

        [Test]
        public void FoldsAndUnfoldsALongSummaryWithAccentsAndEmojiExactly()
        {
            var summary = LongSummary();
            var calendar = Write(_meeting with { Summary = summary });
            var physical = PhysicalLines(calendar);
            var start = physical.FindIndex(line => line.StartsWith("SUMMARY:", StringComparison.Ordinal));
            var continuations = physical.Skip(start + 1).TakeWhile(line => line.StartsWith(' ')).ToList();

            Assert.That(summary, Has.Length.EqualTo(200).And.Contains("ë").And.Contains("é").And.Contains("😀"));
            Assert.That(continuations, Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(continuations, Has.All.Not.StartWith("  "), "one space, then content");
            Assert.That(OnlyEvent(calendar).Get("SUMMARY").Text, Is.EqualTo(summary));
        }

        [Test]
        public void NeverSplitsAMultiByteCharacterAcrossLines()
        {
            var bytes = Encoding.UTF8.GetBytes(Write(_meeting with { Summary = LongSummary(), Location = string.Concat(Enumerable.Repeat("é😀", 60)) }));
            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            var start = 0;
            var lines = 0;
            for (var i = 0; i + 1 < bytes.Length; i++)
            {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n')
                {
                    var line = bytes[start..i];
                    Assert.That(() => strict.GetString(line), Throws.Nothing, $"line {lines + 1} is valid UTF-8 on its own");
                    start = i + 2;
                    lines++;
                }
            }

            Assert.That(lines, Is.GreaterThan(20));
        }

        [Test]
        public void FillsFoldedLinesUpToTheLimitWithSingleByteText()
        {
            // "SUMMARY:" is 8 octets: 67 characters fill the first line, 74 each continuation after its space.
            var calendar = Write(_meeting with { Summary = new string('a', 67 + 74 + 10) });
            var physical = PhysicalLines(calendar);
            var start = physical.FindIndex(line => line.StartsWith("SUMMARY:", StringComparison.Ordinal));

            Assert.That(physical.Skip(start).Take(3).Select(line => line.Length), Is.EqualTo(new[] { 75, 75, 11 }));
        }

        [Test]
        public void LeavesALineOfExactlySeventyFiveOctetsUnfolded()
        {
            var physical = PhysicalLines(Write(_meeting with { Summary = new string('a', 67) }));
            var start = physical.FindIndex(line => line.StartsWith("SUMMARY:", StringComparison.Ordinal));

            Assert.That(physical[start], Has.Length.EqualTo(75));
            Assert.That(physical[start + 1], Does.Not.StartWith(" "));
        }

        [Test]
        public void MovesATwoByteCharacterThatWouldCrossTheLimitToTheNextLine()
        {
            // 66 + 8 = 74 octets, then "ë" (2 octets) would make 76.
            var physical = PhysicalLines(Write(_meeting with { Summary = new string('a', 66) + "ëb" }));
            var start = physical.FindIndex(line => line.StartsWith("SUMMARY:", StringComparison.Ordinal));

            Assert.That(physical[start], Is.EqualTo("SUMMARY:" + new string('a', 66)));
            Assert.That(physical[start + 1], Is.EqualTo(" ëb"));
        }
    }
}
