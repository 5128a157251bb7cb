using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

public sealed class DivergingBarChartTests
{
    /// <summary>Two MIDI groups; barriers 4, 2, 0, 1 and facilitators 1, 3, 2, 0.</summary>
    private static readonly DivergingBarChartSpec _determinants = Spec(
        new("Kennis van de interventie", "Gebruiker", 4, 1),
        new("Motivatie", "Gebruiker", 2, 3),
        new("Tijd en middelen", "Organisatie", 0, 2),
        new("Leiderschap", "Organisatie", 1, 0));

    private static DivergingBarChartSpec Spec(params DivergingBarItem[] items) => new()
    {
        Id = "determinanten",
        Title = "Determinanten per MIDI-groep",
        Description = "Aantal keer belemmerend en bevorderend gecodeerd per determinant.",
        Items = items,
    };

    public sealed class Table
    {
        [Test]
        public void ListsOneRowPerItemWithItsGroupAndBothCounts()
        {
            var table = _determinants.ToTable();

            Assert.That(table.Caption, Is.EqualTo("Determinanten per MIDI-groep"));
            Assert.That(table.Headers, Is.EqualTo(new[] { "Groep", "Categorie", "belemmerend", "bevorderend" }));
            Assert.That(table.Rows, Is.EqualTo(new[]
            {
                new[] { "Gebruiker", "Kennis van de interventie", "4", "1" },
                new[] { "Gebruiker", "Motivatie", "2", "3" },
                new[] { "Organisatie", "Tijd en middelen", "0", "2" },
                new[] { "Organisatie", "Leiderschap", "1", "0" },
            }));
        }

        [Test]
        public void HeadsTheCountColumnsWithTheSideLabelsAndWritesThousandsTheDutchWay()
        {
            var spec = Spec(new DivergingBarItem("Draagvlak", "Organisatie", 1234, 0)) with { LeftLabel = "tegen", RightLabel = "voor" };
            var table = spec.ToTable();

            Assert.That(table.Headers, Is.EqualTo(new[] { "Groep", "Categorie", "tegen", "voor" }));
            Assert.That(table.Rows.Single(), Is.EqualTo(new[] { "Organisatie", "Draagvlak", "1.234", "0" }));
        }

        [Test]
        public void HasOnlyHeadingsWithoutItems()
        {
            var table = Spec().ToTable();

            Assert.That(table.Headers, Has.Count.EqualTo(4));
            Assert.That(table.Rows, Is.Empty);
        }

        [Test]
        public void RefusesANegativeCount() =>
            Assert.That(() => Spec(new DivergingBarItem("Motivatie", "Gebruiker", -1, 0)).ToTable(), Throws.ArgumentException.With.Message.Contains("'Motivatie'"));
    }

    public sealed class Drawing
    {
        [Test]
        public void LabelsEachRowInTheGivenOrderWithAHeadingPerGroup()
        {
            var labels = Render(_determinants);

            Assert.That(labels.Where(label => label is "Gebruiker" or "Organisatie"), Is.EqualTo(new[] { "Gebruiker", "Organisatie" }));
            Assert.That(labels.Where(label => label.Length > 8 && label is not ("Organisatie" or "Gebruiker") && !label.Contains('→') && !label.Contains('←')),
                Is.EqualTo(new[] { "Kennis van de interventie", "Motivatie", "Tijd en middelen", "Leiderschap" }));
        }

        [Test]
        public void StartsANewHeadingWheneverTheGroupChangesEvenToAnEarlierGroup()
        {
            var labels = Render(Spec(new("A", "Gebruiker", 1, 0), new("B", "Organisatie", 1, 0), new("C", "Gebruiker", 0, 1)));

            Assert.That(labels.Count(label => label == "Gebruiker"), Is.EqualTo(2));
            Assert.That(labels.Count(label => label == "Organisatie"), Is.EqualTo(1));
        }

        [Test]
        public void WritesEveryNonZeroCountAtItsBarAndLeavesOutZeroes()
        {
            var labels = Render(_determinants);

            // barriers 4, 2, 1 and facilitators 1, 3, 2; the axis repeats some numbers, so count the ones only bars write
            Assert.That(labels, Does.Contain("4").And.Contain("3"));
            Assert.That(labels.Count(label => label == "2"), Is.GreaterThanOrEqualTo(2));
        }

        [Test]
        public void SaysWhichSideIsWhichInTheLegendWithArrows()
        {
            var labels = Render(_determinants with { LeftLabel = "tegen", RightLabel = "voor" });

            Assert.That(labels, Does.Contain("← tegen").And.Contain("voor →"));
        }

        [Test]
        public void DrawsBarriersInDarkRedAndFacilitatorsInLightGreenThatDifferInGreyPrint()
        {
            var fills = ChartSvg.Parse(new ScottPlotChartRenderer().Render(_determinants)).Fills();

            // three barrier bars and three facilitator bars, each plus its legend swatch
            Assert.That(fills.Count(fill => fill == "#b3261e"), Is.EqualTo(4));
            Assert.That(fills.Count(fill => fill == "#8fd3a8"), Is.EqualTo(4));
            Assert.That(ChartSvg.Luminance("#8fd3a8") - ChartSvg.Luminance("#b3261e"), Is.GreaterThan(0.4));
        }

        [Test]
        public void ShortensALabelTooLongForTheRowAndKeepsItInTheTable()
        {
            var label = "Toegankelijkheid van informatie over het gebruik van de innovatie binnen de organisatie";
            var spec = Spec(new DivergingBarItem(label, "Organisatie", 1, 2));

            Assert.That(Render(spec).Single(shown => shown.StartsWith("Toegankelijkheid", StringComparison.Ordinal)), Does.EndWith("…").And.Length.LessThanOrEqualTo(40));
            Assert.That(spec.ToTable().Rows.Single()[1], Is.EqualTo(label));
        }

        [Test]
        public void SaysNogGeenGegevensWithoutCounts()
        {
            Assert.That(Render(Spec()), Is.EqualTo(new[] { "Nog geen gegevens" }));
            Assert.That(Render(Spec(new DivergingBarItem("Motivatie", "Gebruiker", 0, 0))), Is.EqualTo(new[] { "Nog geen gegevens" }));
        }

        [Test]
        public void RefusesANegativeCount() =>
            Assert.That(() => new ScottPlotChartRenderer().Render(Spec(new DivergingBarItem("Motivatie", "Gebruiker", 0, -2))), Throws.ArgumentException.With.Message.Contains("'Motivatie'"));
    }

    private static List<string> Render(ChartSpec spec) => ChartSvg.Parse(new ScottPlotChartRenderer().Render(spec)).Labels();
}
