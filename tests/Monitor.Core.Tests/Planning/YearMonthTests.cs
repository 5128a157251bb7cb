using Monitor.Core.Planning;

namespace Monitor.Core.Tests.Planning;

public sealed class YearMonthTests
{
    [TestCase("2021-03", 2021, 3)]
    [TestCase("2021-3", 2021, 3)]
    [TestCase(" 2021-12 ", 2021, 12)]
    public void ParsesYearDashMonth(string text, int year, int month)
    {
        var parsed = YearMonth.TryParse(text, out var value);

        Assert.That(parsed, Is.True);
        Assert.That(value, Is.EqualTo(new YearMonth(year, month)));
    }

    [TestCase("2021-13")]
    [TestCase("2021-00")]
    [TestCase("maart")]
    [TestCase("2021/03")]
    [TestCase("03-2021")]
    [TestCase("2021-03-01")]
    [TestCase("")]
    [TestCase(null)]
    public void RefusesAnythingElse(string? text) => Assert.That(YearMonth.TryParse(text, out _), Is.False);

    [Test]
    public void WritesYearDashTwoDigitMonth() => Assert.That(new YearMonth(2021, 3).ToString(), Is.EqualTo("2021-03"));

    [TestCase(2021, 11, 2, 2022, 1)]
    [TestCase(2021, 12, 1, 2022, 1)]
    [TestCase(2022, 1, -1, 2021, 12)]
    [TestCase(2021, 3, -15, 2019, 12)]
    [TestCase(2021, 3, 0, 2021, 3)]
    public void AddsMonthsAcrossYearBoundaries(int year, int month, int months, int expectedYear, int expectedMonth) =>
        Assert.That(new YearMonth(year, month).AddMonths(months), Is.EqualTo(new YearMonth(expectedYear, expectedMonth)));

    [Test]
    public void OrdersByYearThenMonth() =>
        Assert.That(new YearMonth(2020, 12), Is.LessThan(new YearMonth(2021, 1)));
}
