using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

public sealed class TimelineChartSpecTests
{
    [Test]
    public void ListsTheActivitiesAsATableWithDutchHeadingsAndDates()
    {
        var spec = new TimelineChartSpec
        {
            Id = "plan",
            Title = "Implementatieplan",
            Description = "Activiteiten per maand.",
            Bars =
            [
                new("Kick-off", new(2021, 1, 11), new(2021, 1, 29), "gereed", 1),
                new("Uitrol", new(2021, 10, 1), new(2021, 12, 31), "vervallen"),
            ],
        };

        var table = spec.ToTable();

        Assert.That(table.Caption, Is.EqualTo("Implementatieplan"));
        Assert.That(table.Headers, Is.EqualTo(new[] { "Activiteit", "Start", "Einde", "Status" }));
        Assert.That(table.Rows, Is.EqualTo(new[]
        {
            new[] { "Kick-off", "11 jan 2021", "29 jan 2021", "gereed" },
            new[] { "Uitrol", "1 okt 2021", "31 dec 2021", "vervallen" },
        }));
    }

    [TestCase("extern", "Externe partij")]
    [TestCase("intern", "intern")]
    public void ShowsTheCategoryLabelAsStatusOrElseTheKey(string category, string status)
    {
        var spec = new TimelineChartSpec
        {
            Id = "plan",
            Title = "Plan",
            Description = "Plan.",
            Bars = [new("Overleg", new(2021, 1, 1), new(2021, 1, 31), category)],
            Categories = new Dictionary<string, CategoryStyle>
            {
                ["extern"] = new("#7a3e9d", Label: "Externe partij"),
                ["intern"] = new("#0b5cad"),
            },
        };

        Assert.That(spec.ToTable().Rows.Single()[3], Is.EqualTo(status));
    }

    [Test]
    public void GivesAnEmptyTableWithoutActivities()
    {
        var table = new TimelineChartSpec { Id = "plan", Title = "Plan", Description = "Plan." }.ToTable();

        Assert.That(table.Rows, Is.Empty);
        Assert.That(table.Headers, Has.Count.EqualTo(4));
    }
}
