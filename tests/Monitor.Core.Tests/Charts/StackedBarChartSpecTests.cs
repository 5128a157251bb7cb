using System.Globalization;
using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

public sealed class StackedBarChartSpecTests
{
    private static StackedBarChartSpec Answers(params (string Name, double[] Values)[] series) => new()
    {
        Id = "reflecties",
        Title = "Antwoorden per bijeenkomst",
        Description = "Wel en minder gewerkt per bijeenkomst.",
        Categories = ["6 jan", "27 jan", "17 feb"],
        Series = [.. series.Select(s => new StackedBarSeries(s.Name, "#2e7d4f", s.Values))],
    };

    [Test]
    public void ListsOneRowPerCategoryWithAColumnPerSeriesAndTheTotal()
    {
        var table = Answers(("wel gewerkt", [3, 2, 1]), ("minder gewerkt", [3, 2, 2])).ToTable();

        Assert.That(table.Caption, Is.EqualTo("Antwoorden per bijeenkomst"));
        Assert.That(table.Headers, Is.EqualTo(new[] { "Categorie", "wel gewerkt", "minder gewerkt", "Totaal" }));
        Assert.That(table.Rows, Is.EqualTo(new[]
        {
            new[] { "6 jan", "3", "3", "6" },
            new[] { "27 jan", "2", "2", "4" },
            new[] { "17 feb", "1", "2", "3" },
        }));
    }

    [Test]
    public void FormatsTableValuesInTheValueFormatWithDutchNotation()
    {
        var table = Answers(("gemiddeld", [1.5, 0, 2.25])) with { ValueFormat = "0.##" };

        Assert.That(table.ToTable().Rows.Select(row => row[1]), Is.EqualTo(new[] { "1,5", "0", "2,25" }));
    }

    [Test]
    public void FormatsTableValuesInTheGivenCulture()
    {
        var table = Answers(("gemiddeld", [1.5, 0, 2.25])) with { ValueFormat = "0.##", Culture = CultureInfo.InvariantCulture };

        Assert.That(table.ToTable().Rows.Select(row => row[^1]), Is.EqualTo(new[] { "1.5", "0", "2.25" }));
    }

    [Test]
    public void CleansLineBreaksFromCategoryAndSeriesNames()
    {
        var spec = Answers(("wel\ngewerkt", [1, 1, 1])) with { Categories = ["6\r\njan", "b", "c"] };

        Assert.That(spec.ToTable().Headers[1], Is.EqualTo("wel gewerkt"));
        Assert.That(spec.ToTable().Rows[0][0], Is.EqualTo("6 jan"));
    }

    [Test]
    public void HasOnlyHeadingsWithoutCategories()
    {
        var table = (Answers(("wel gewerkt", [])) with { Categories = [] }).ToTable();

        Assert.That(table.Headers, Is.EqualTo(new[] { "Categorie", "wel gewerkt", "Totaal" }));
        Assert.That(table.Rows, Is.Empty);
    }

    [TestCase(2)]
    [TestCase(4)]
    public void RefusesASeriesWithoutOneValuePerCategory(int count) =>
        Assert.That(() => Answers(("wel gewerkt", new double[count])).ToTable(),
            Throws.ArgumentException.With.Message.Contains("'wel gewerkt'"));
}
