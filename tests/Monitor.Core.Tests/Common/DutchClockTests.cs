using Monitor.Core.Common;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Common;

public sealed class DutchClockTests
{
    [Description("issue #13: the plan page (server-local) and the portfolio (UTC) disagreed about today just after midnight")]
    [TestCase("2026-03-14T23:30:00Z", "2026-03-15")] // 00:30 in winter time (UTC+1)
    [TestCase("2026-07-14T22:30:00Z", "2026-07-15")] // 00:30 in summer time (UTC+2)
    [TestCase("2026-07-14T21:30:00Z", "2026-07-14")] // 23:30 in summer time
    [TestCase("2026-12-31T23:00:00Z", "2027-01-01")] // midnight on new year's eve
    public void TodayIsTheDateInTheNetherlands(string utc, string today)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(DutchClock.Today(time), Is.EqualTo(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void NowCarriesTheDutchOffsetOfTheMoment()
    {
        var winter = DutchClock.Now(new FakeTimeProvider(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero)));
        var summer = DutchClock.Now(new FakeTimeProvider(new DateTimeOffset(2026, 7, 10, 12, 0, 0, TimeSpan.Zero)));

        Assert.That((winter.Offset, winter.Hour), Is.EqualTo((TimeSpan.FromHours(1), 13)));
        Assert.That((summer.Offset, summer.Hour), Is.EqualTo((TimeSpan.FromHours(2), 14)));
    }
}
