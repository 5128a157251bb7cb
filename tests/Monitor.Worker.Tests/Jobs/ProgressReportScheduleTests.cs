using Quartz;

namespace Monitor.Worker.Tests.Jobs;

/// <summary>The default monthly schedule in Europe/Amsterdam: first working day, 07:00 local time, across DST changes.</summary>
public sealed class ProgressReportScheduleTests
{
    private static DateTimeOffset Next(string afterUtc)
    {
        var cron = new CronExpression(new WorkerOptions().ProgressReportCron, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        return cron.GetNextValidTimeAfter(DateTimeOffset.Parse(afterUtc, System.Globalization.CultureInfo.InvariantCulture))!.Value;
    }

    [TestCase("2026-02-20T00:00:00Z", "2026-03-02T06:00:00Z", Description = "1 March 2026 is a Sunday: Monday the 2nd, 07:00 CET")]
    [TestCase("2026-03-20T00:00:00Z", "2026-04-01T05:00:00Z", Description = "after the switch to summer time: 07:00 CEST is 05:00 UTC")]
    [TestCase("2026-07-20T00:00:00Z", "2026-08-03T05:00:00Z", Description = "1 August 2026 is a Saturday: Monday the 3rd")]
    [TestCase("2026-10-20T00:00:00Z", "2026-11-02T06:00:00Z", Description = "after the switch back to winter time, and the 1st is a Sunday")]
    [TestCase("2026-11-20T00:00:00Z", "2026-12-01T06:00:00Z", Description = "1 December 2026 is a Tuesday")]
    public void TheMonthlyReportFiresOnTheFirstWorkingDayAtSevenLocalTime(string after, string expected)
    {
        Assert.That(Next(after), Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
