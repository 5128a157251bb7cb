using System.Globalization;
using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

/// <summary>What a reader sees in the bar, grouped/stacked and timeline charts: labels, values, legend entries.</summary>
public sealed class ScottPlotChartRendererTests
{
    private static readonly ScottPlotChartRenderer _renderer = new();

    private static List<string> Render(ChartSpec spec) => ChartSvg.Parse(_renderer.Render(spec)).Labels();

    public sealed class BarChart
    {
        private static BarChartSpec Progress(BarOrientation orientation = BarOrientation.Horizontal) => new()
        {
            Id = "voortgang",
            Title = "Aandeel gereed per fase",
            Description = "Per fase het aandeel gereed.",
            Orientation = orientation,
            Max = 1,
            ValueFormat = "0%",
            ValueLabel = "Aandeel activiteiten gereed",
            Items = [new("1 Ontwikkelen", 1, "#2e7d4f"), new("2 Uitproberen", 0.5), new("3 Invoeren – één", 0.25)],
        };

        [TestCase(BarOrientation.Horizontal)]
        [TestCase(BarOrientation.Vertical)]
        public void LabelsEveryBarWithItsCategoryAndItsValueInTheGivenOrder(BarOrientation orientation)
        {
            var labels = Render(Progress(orientation));

            Assert.That(labels.Where(label => label.Contains(' ', StringComparison.Ordinal) && char.IsDigit(label[0]) && !label.EndsWith('%')),
                Is.EqualTo(new[] { "1 Ontwikkelen", "2 Uitproberen", "3 Invoeren – één" }));
            Assert.That(labels, Does.Contain("100%").And.Contain("50%").And.Contain("25%"));
            Assert.That(labels, Does.Contain("Aandeel activiteiten gereed"));
        }

        [Test]
        public void WritesValuesInTheValueFormatWithDutchNotation()
        {
            var labels = Render(Progress() with { ValueFormat = "0.0", Max = null, Items = [new("Gemiddeld", 2.25), new("Laag", 0.5)] });

            Assert.That(labels, Does.Contain("2,3").And.Contain("0,5"));
        }

        [Test]
        public void WritesValuesInTheGivenCulture()
        {
            var labels = Render(Progress() with { ValueFormat = "0.0", Max = null, Culture = CultureInfo.InvariantCulture, Items = [new("Gemiddeld", 2.25)] });

            Assert.That(labels, Does.Contain("2.3"));
        }

        [Test]
        public void LabelsAValueAboveTheMaxTruly()
        {
            var labels = Render(Progress() with { Items = [new("Over", 1.2)] });

            Assert.That(labels, Does.Contain("120%"));
        }

        [Test]
        public void PutsRoundTicksOnTheValueAxis()
        {
            var labels = Render(Progress());

            Assert.That(labels, Is.SupersetOf(new[] { "0%", "25%", "75%" }));
        }

        [Test]
        public void SaysGeenGegevensWithoutItems() =>
            Assert.That(Render(Progress() with { Items = [] }), Is.EqualTo(new[] { "Geen gegevens" }));

        [TestCase(-1)]
        [TestCase(double.NaN)]
        [TestCase(double.PositiveInfinity)]
        public void RefusesNegativeOrNonFiniteValues(double value) =>
            Assert.That(() => _renderer.Render(Progress() with { Items = [new("Fase", value)] }), Throws.ArgumentException.With.Message.Contains("'Fase'"));

        [TestCase(0)]
        [TestCase(-1)]
        public void RefusesAMaxThatIsNotPositive(double max) =>
            Assert.That(() => _renderer.Render(Progress() with { Max = max }), Throws.ArgumentException);

        [TestCase("red")]
        [TestCase("url(#x)")]
        public void RefusesABarColourThatIsNotHex(string colour) =>
            Assert.That(() => _renderer.Render(Progress() with { Items = [new("Fase", 1, colour)] }), Throws.ArgumentException.With.Message.Contains("#rgb"));
    }

    public sealed class SeriesBars
    {
        private static StackedBarChartSpec Answers(SeriesLayout layout) => new()
        {
            Id = "reflecties",
            Title = "Antwoorden op de slotvraag per bijeenkomst",
            Description = "Wel en minder gewerkt.",
            Layout = layout,
            ValueLabel = "Aantal antwoorden",
            Categories = ["6 jan 26", "27 jan 26", "17 feb 26"],
            Series = [new("Wel gewerkt", "#2e7d4f", [3, 2, 1]), new("Minder gewerkt", "#f4b183", [4, 0, 6])],
        };

        [TestCase(SeriesLayout.Stacked)]
        [TestCase(SeriesLayout.SideBySide)]
        public void LabelsTheCategoriesTheSeriesInTheLegendAndEveryNonZeroValue(SeriesLayout layout)
        {
            var labels = Render(Answers(layout));

            Assert.That(labels, Is.SupersetOf(new[] { "6 jan 26", "27 jan 26", "17 feb 26" }));
            Assert.That(labels.TakeLast(2), Is.EqualTo(new[] { "Wel gewerkt", "Minder gewerkt" }));
            Assert.That(labels, Is.SupersetOf(new[] { "3", "1", "6", "Aantal antwoorden" }));
        }

        [Test]
        public void DrawsSideBySideOneBarPerSeriesAndCategory()
        {
            var root = ChartSvg.Parse(_renderer.Render(Answers(SeriesLayout.SideBySide)));

            // a bar per non-zero value (3 and 2), plus one legend swatch per series
            Assert.That(root.Fills().Count(fill => fill == "#2e7d4f"), Is.EqualTo(4));
            Assert.That(root.Fills().Count(fill => fill == "#f4b183"), Is.EqualTo(3));
        }

        [Test]
        public void TablesATotalOnlyWhenTheSeriesAreStacked()
        {
            Assert.That(Answers(SeriesLayout.Stacked).ToTable().Headers, Is.EqualTo(new[] { "Categorie", "Wel gewerkt", "Minder gewerkt", "Totaal" }));
            Assert.That(Answers(SeriesLayout.SideBySide).ToTable().Headers, Is.EqualTo(new[] { "Categorie", "Wel gewerkt", "Minder gewerkt" }));
            Assert.That(Answers(SeriesLayout.SideBySide).ToTable().Rows[0], Is.EqualTo(new[] { "6 jan 26", "3", "4" }));
        }

        [Test]
        public void ThinsOutCategoryLabelsAndLeavesOutValuesWithManyCategories()
        {
            var months = Enumerable.Range(0, 36).Select(i => new DateOnly(2024, 1, 1).AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
            var spec = Answers(SeriesLayout.SideBySide) with
            {
                Categories = months,
                Series = [new("Bijeenkomsten", "#0b5cad", [.. months.Select(_ => 7.0)]), new("Slotreflecties", "#8fd3a8", [.. months.Select(_ => 9.0)])],
            };

            var labels = Render(spec);

            Assert.That(labels.Count(label => label.StartsWith("202", StringComparison.Ordinal)), Is.InRange(12, 24));
            Assert.That(labels, Does.Contain("2024-01").And.Not.Contain("7"));
        }

        [Test]
        public void SaysNogGeenGegevensWithoutCategoriesOrSeries()
        {
            Assert.That(Render(Answers(SeriesLayout.Stacked) with { Categories = [], Series = [] }), Is.EqualTo(new[] { "Nog geen gegevens" }));
            Assert.That(Render(Answers(SeriesLayout.Stacked) with { Series = [] }), Is.EqualTo(new[] { "Nog geen gegevens" }));
        }

        [Test]
        public void RefusesASeriesWithoutOneValuePerCategory() =>
            Assert.That(() => _renderer.Render(Answers(SeriesLayout.Stacked) with { Series = [new("Wel", "#2e7d4f", [1])] }), Throws.ArgumentException.With.Message.Contains("'Wel'"));

        [Test]
        public void RefusesASeriesColourThatIsNotHex() =>
            Assert.That(() => _renderer.Render(Answers(SeriesLayout.Stacked) with { Series = [new("Wel", "groen", [1, 2, 3])] }), Throws.ArgumentException.With.Message.Contains("'Wel'"));
    }

    public sealed class Timeline
    {
        private static readonly DateOnly _start = new(2026, 1, 1);

        private static TimelineChartSpec Plan(params TimelineBar[] extra) => new()
        {
            Id = "tijdlijn",
            Title = "Activiteiten in de tijd",
            Description = "Eén balk per activiteit.",
            Today = new DateOnly(2026, 6, 10),
            Bars =
            [
                new("1 · Kick-off", _start, _start.AddDays(20), "gereed", 1),
                new("1 · Behoeftepeiling bij cliënten en medewerkers in alle teams van de organisatie", _start.AddDays(10), _start.AddDays(60), "gereed", 1),
                new("2 · Pilot", _start.AddDays(60), _start.AddDays(150), "bezig", 2),
                new("2 · Evaluatie", _start.AddDays(150), _start.AddDays(180), "gepland", 2),
                new("3 · Borging", _start.AddDays(180), _start.AddDays(300), "vervallen", 3),
                .. extra,
            ],
            Bands = [new("1 Ontwikkelen", _start, _start.AddDays(60)), new("2 Uitproberen", _start.AddDays(60), _start.AddDays(180)), new("3 Invoeren", _start.AddDays(180), _start.AddDays(300))],
        };

        [Test]
        public void LabelsEveryActivityTopToBottomInTheGivenOrderWrappingLongLabels()
        {
            var labels = Render(Plan());

            Assert.That(labels.Where(label => label.Contains(" · ", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "1 · Kick-off", "1 · Behoeftepeiling bij cliënten en medewerkers in alle teams van…", "2 · Pilot", "2 · Evaluatie", "3 · Borging",
            }));
        }

        [Test]
        public void LabelsTheMonthsInDutchWithTheYearAtTheFirstAndAtJanuary()
        {
            var labels = Render(Plan());

            Assert.That(labels, Is.SupersetOf(new[] { "jan 2026", "mrt", "mei", "jul", "sep", "nov" }));
        }

        [Test]
        public void NamesTheStatusesAndTodayInTheLegendAndMarksToday()
        {
            var labels = Render(Plan());

            Assert.That(labels, Is.SupersetOf(new[] { "gepland", "bezig", "gereed", "vervallen", "vandaag (10 jun 2026)", "vandaag" }));
        }

        [Test]
        public void SaysInTheLegendWhenTodayLiesOutsideThePeriod()
        {
            var labels = Render(Plan() with { Today = new DateOnly(2031, 12, 3) });

            Assert.That(labels, Does.Contain("vandaag (3 dec 2031) ligt na deze periode").And.Not.Contain("vandaag"));
        }

        [Test]
        public void NamesEveryPhaseBandInFullInTheBandOrInTheLegendNeverCutOff()
        {
            var labels = Render(Plan());
            var shown = string.Join(" | ", labels);

            foreach (var band in new[] { "1 Ontwikkelen", "2 Uitproberen", "3 Invoeren" })
            {
                Assert.That(shown, Does.Contain(band));
            }

            Assert.That(labels, Has.None.Match(@"^\d [A-Z]$"), "no phase name cut to its first letter");
        }

        [Test]
        public void KeepsTheAxisOnTheBulkWhenOneActivityIsFarOffAndMarksItAtTheEdge()
        {
            var labels = Render(Plan(new TimelineBar("4 · Verre toekomst", new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 31), "gepland", 4)));

            Assert.That(labels.Where(label => !label.StartsWith('→')), Has.None.Contain("2031"), "no 2031 on the axis");
            Assert.That(labels, Does.Contain("→ 1 mrt 2031 – 31 mrt 2031"));
            Assert.That(labels, Does.Contain("4 · Verre toekomst"));
            Assert.That(labels, Does.Contain("mei").And.Contain("jul"), "the months of the bulk still labelled");
        }

        [Test]
        public void MarksAnActivityThatEndsFarLaterWithItsEndDate()
        {
            var labels = Render(Plan(new TimelineBar("3 · Lange nazorg", new DateOnly(2026, 9, 1), new DateOnly(2032, 6, 30), "gepland", 3)));

            Assert.That(labels, Does.Contain("→ tot 30 jun 2032"));
        }

        [Test]
        public void LabelsFewerMonthsOnALongAxis()
        {
            var spec = Plan() with { Bars = [new("Lang", new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31), "bezig")], Bands = [], Today = null };

            var months = Render(spec).Where(label => label.Length >= 3 && ChartMonths.Contains(label[..3])).ToList();

            Assert.That(months, Has.Count.InRange(4, 13));
            Assert.That(months[0], Is.EqualTo("jan 2024"));
        }

        [Test]
        public void SaysGeenGegevensWithoutActivities() =>
            Assert.That(Render(Plan() with { Bars = [] }), Is.EqualTo(new[] { "Geen gegevens" }));

        [Test]
        public void RefusesABarThatEndsBeforeItStarts() =>
            Assert.That(() => _renderer.Render(Plan(new TimelineBar("Terug", _start.AddDays(5), _start, "gepland"))), Throws.ArgumentException.With.Message.Contains("'Terug'"));

        [Test]
        public void RefusesABandThatEndsBeforeItStarts() =>
            Assert.That(() => _renderer.Render(Plan() with { Bands = [new("Fase", _start.AddDays(5), _start)] }), Throws.ArgumentException.With.Message.Contains("'Fase'"));

        [Test]
        public void RefusesACategoryWithoutStyle() =>
            Assert.That(() => _renderer.Render(Plan(new TimelineBar("Raar", _start, _start, "onbekend"))), Throws.ArgumentException.With.Message.Contains("'onbekend'"));

        [Test]
        public void RefusesCategoryColoursThatAreNotHex() =>
            Assert.That(() => _renderer.Render(Plan() with { Categories = new Dictionary<string, CategoryStyle> { ["gereed"] = new("green") } }), Throws.ArgumentException.With.Message.Contains("#rgb"));

        private static readonly HashSet<string> ChartMonths = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
    }
}
