using Monitor.Core.Reports;

namespace Monitor.Core.Tests.Reports;

public sealed class ReportPeriodsTests
{
    [TestCase("2020-10-01", "2020-12-31", "2020-07-01", "2020-09-30", "2021-01-01", "2021-03-31")]
    [TestCase("2026-10-01", "2026-10-31", "2026-09-01", "2026-09-30", "2026-11-01", "2026-11-30")]
    [TestCase("2021-06-01", "2021-08-31", "2021-03-01", "2021-05-31", "2021-09-01", "2021-11-30")]
    [TestCase("2024-02-01", "2024-02-29", "2024-01-01", "2024-01-31", "2024-03-01", "2024-03-31")]
    [TestCase("2021-06-10", "2021-06-19", "2021-05-31", "2021-06-09", "2021-06-20", "2021-06-29")]
    public void ThePeriodsBeforeAndAfterHaveTheSameLengthInWholeMonthsOrDays(string from, string to, string previousFrom, string previousTo, string nextFrom, string nextTo)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(ReportPeriods.Previous(D(from), D(to)), Is.EqualTo((D(previousFrom), D(previousTo))));
        Assert.That(ReportPeriods.Next(D(from), D(to)), Is.EqualTo((D(nextFrom), D(nextTo))));
    }
}
