using System.Globalization;
using System.Xml.Linq;
using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

public sealed class SvgChartRendererStackedTests
{
    private const string Well = "#2e7d4f";
    private const string Less = "#b35900";

    private static readonly SvgChartRenderer _renderer = new();

    /// <summary>Three meetings: wel gewerkt 3, 2, 1; minder gewerkt 3, 0, 6; totals 6, 2, 7.</summary>
    private static readonly StackedBarChartSpec _answers = Spec(["6 jan", "27 jan", "17 feb"], [3, 2, 1], [3, 0, 6]);

    private static StackedBarChartSpec Spec(string[] categories, double[] well, double[] less) => new()
    {
        Id = "reflecties",
        Title = "Antwoorden per bijeenkomst",
        Description = "Aantal antwoorden 'wel gewerkt' en 'minder gewerkt' per bijeenkomst.",
        Categories = categories,
        Series = [new("wel gewerkt", Well, well), new("minder gewerkt", Less, less)],
    };

    private static StackedBarChartSpec Meetings(int count) =>
        Spec([.. Enumerable.Range(1, count).Select(i => $"Bijeenkomst {i}")], [.. Enumerable.Repeat(2.0, count)], [.. Enumerable.Repeat(1.0, count)]);

    private static XElement Render(StackedBarChartSpec spec) => ChartSvg.Parse(_renderer.Render(spec));

    private static double Bottom(XElement bar) => bar.Number("y") + bar.Number("height");

    public sealed class Columns
    {
        [Test]
        public void DrawsOneSegmentPerNonZeroValue()
        {
            var bars = Render(_answers).Bars();

            Assert.That(bars.Select(bar => (bar.Text("data-category"), bar.Text("data-series"), bar.Text("data-value"))), Is.EqualTo(new[]
            {
                ("6 jan", "wel gewerkt", "3"),
                ("6 jan", "minder gewerkt", "3"),
                ("27 jan", "wel gewerkt", "2"),
                ("17 feb", "wel gewerkt", "1"),
                ("17 feb", "minder gewerkt", "6"),
            }));
        }

        [Test]
        public void MakesSegmentHeightsProportionalToTheValues()
        {
            var bars = Render(_answers).Bars();
            var perAnswer = bars[0].Number("height") / 3;

            Assert.That(perAnswer, Is.GreaterThan(0));
            Assert.That(bars.Select(bar => bar.Number("height") / perAnswer), Is.EqualTo(new[] { 3, 3, 2, 1, 6 }).Within(0.01));
        }

        [Test]
        public void StacksTheSeriesBottomUpInTheirOrderOnOneBaseline()
        {
            var bars = Render(_answers).Bars();
            var baseline = Bottom(bars[0]);

            Assert.That(new[] { bars[0], bars[2], bars[3] }.Select(Bottom), Has.All.EqualTo(baseline).Within(0.01), "wel gewerkt at the bottom");
            Assert.That(Bottom(bars[1]), Is.EqualTo(bars[0].Number("y")).Within(0.01), "minder gewerkt on top of wel gewerkt");
            Assert.That(Bottom(bars[4]), Is.EqualTo(bars[3].Number("y")).Within(0.01));
            Assert.That(bars.Select(bar => bar.Text("fill")), Is.EqualTo(new[] { Well, Less, Well, Well, Less }));
        }

        [Test]
        public void PlacesTheColumnsLeftToRightWithTheSegmentsOfAColumnAligned()
        {
            var bars = Render(_answers).Bars();
            var columns = bars.GroupBy(bar => bar.Text("data-index")).Select(column => column.Select(bar => bar.Number("x")).ToList()).ToList();

            Assert.That(columns.Select(column => column.Distinct().Count()), Has.All.EqualTo(1));
            Assert.That(columns.Select(column => column[0]), Is.Ordered.Ascending.And.Unique);
        }

        [Test]
        public void ScalesTheTallestColumnToTheRoundedTopOfTheAxis()
        {
            var svg = Render(_answers);
            var labels = svg.WithClass("text", "y-label");

            // Totals 6, 2, 7: steps of 2 up to 8.
            Assert.That(labels.Select(label => label.Shown()), Is.EqualTo(new[] { "0", "2", "4", "6", "8" }));
            var zero = labels[0].Number("y");
            var eight = labels[^1].Number("y");
            var tallest = svg.Bars().Where(bar => bar.Text("data-index") == "2").Min(bar => bar.Number("y"));
            Assert.That((Bottom(svg.Bars()[0]) - tallest) / (zero - eight), Is.EqualTo(7.0 / 8).Within(0.001));
        }

        [TestCase(new[] { 1.0 }, new[] { "0", "1" })]
        [TestCase(new[] { 3.0 }, new[] { "0", "1", "2", "3" })]
        [TestCase(new[] { 4.0 }, new[] { "0", "1", "2", "3", "4" })]
        [TestCase(new[] { 13.0 }, new[] { "0", "5", "10", "15" })]
        [TestCase(new[] { 40.0 }, new[] { "0", "10", "20", "30", "40" })]
        public void PutsAFewWholeTicksOnTheAxisForCounts(double[] values, string[] ticks)
        {
            var spec = Spec(["a"], values, [0]);

            Assert.That(Render(spec).WithClass("text", "y-label").Select(label => label.Shown()), Is.EqualTo(ticks));
        }

        [Test]
        public void WritesTheTotalAboveEachColumn()
        {
            var svg = Render(_answers);
            var totals = svg.WithClass("text", "total-label");

            Assert.That(totals.Select(total => total.Shown()), Is.EqualTo(new[] { "6", "2", "7" }));
            Assert.That(totals[2].Number("y"), Is.LessThan(svg.Bars()[4].Number("y")));
        }

        [Test]
        public void GivesEachSegmentATooltipWithCategorySeriesAndValue() =>
            Assert.That(Render(_answers).Bars()[1].Tooltip(), Is.EqualTo("6 jan – minder gewerkt: 3"));

        [Test]
        public void DrawsNoSegmentsButAnAxisWhenAllValuesAreZero()
        {
            var svg = _renderer.Render(Spec(["a", "b"], [0, 0], [0, 0]));
            var root = ChartSvg.Parse(svg);

            Assert.That(root.Bars(), Is.Empty);
            Assert.That(root.WithClass("text", "y-label").Select(label => label.Shown()), Is.EqualTo(new[] { "0", "1" }));
            Assert.That(root.WithClass("text", "total-label").Select(label => label.Shown()), Is.EqualTo(new[] { "0", "0" }));
            Assert.That(svg, Does.Not.Contain("NaN").And.Not.Contain("Infinity"));
        }
    }

    public sealed class LegendAndLabels
    {
        [Test]
        public void ShowsALegendEntryPerSeriesInTheirOrder()
        {
            var svg = Render(_answers);

            Assert.That(svg.WithClass("rect", "legend-swatch").Select(swatch => (swatch.Text("data-series"), swatch.Text("fill"))),
                Is.EqualTo(new[] { ("wel gewerkt", Well), ("minder gewerkt", Less) }));
            Assert.That(svg.WithClass("text", "legend-label").Select(label => label.Shown()), Is.EqualTo(new[] { "wel gewerkt", "minder gewerkt" }));
        }

        [Test]
        public void LabelsEveryColumnUprightUnderItWithUpToTwentyColumns()
        {
            var spec = Meetings(20) with { Categories = [.. Enumerable.Range(1, 20).Select(i => $"{i} mrt")] };
            var svg = Render(spec);
            var labels = svg.WithClass("text", "category-label");
            var baseline = Bottom(svg.Bars()[0]);

            Assert.That(labels.Select(label => label.Text("data-index")), Is.EqualTo(Enumerable.Range(0, 20).Select(i => i.ToString(CultureInfo.InvariantCulture))));
            Assert.That(labels.Select(label => label.Attribute("transform")), Has.All.Null);
            Assert.That(labels.Select(label => label.Tooltip()), Has.All.Null, "nothing was cut off");
            Assert.That(labels.Select(label => label.Number("y")), Has.All.GreaterThan(baseline));
        }

        [Test]
        public void TurnsTheLabelsWhenOneWouldNotFitUprightUnderItsColumn()
        {
            var svg = Render(Meetings(20));
            var labels = svg.WithClass("text", "category-label");

            Assert.That(labels, Has.Count.EqualTo(20));
            Assert.That(labels.Select(label => label.Text("transform")), Has.All.StartWith("rotate(-45 "));
            Assert.That(labels[0].Shown(), Is.EqualTo("Bijeenkomst 1"));
            Assert.That(svg.WithClass("text", "total-label"), Has.Count.EqualTo(20), "totals are still shown");
        }

        [Test]
        public void CentresEachLabelUnderItsColumn()
        {
            var svg = Render(_answers);
            var labels = svg.WithClass("text", "category-label");
            var firstOfColumn = svg.Bars().GroupBy(bar => bar.Text("data-index")).Select(column => column.First()).ToList();

            Assert.That(labels.Select(label => label.Shown()), Is.EqualTo(new[] { "6 jan", "27 jan", "17 feb" }));
            Assert.That(labels.Select(label => label.Number("x")),
                Is.EqualTo(firstOfColumn.Select(bar => bar.Number("x") + (bar.Number("width") / 2))).Within(0.02));
        }

        [Test]
        public void TurnsTheLabelsAndLeavesOutTheTotalsWithMoreThanTwentyColumns()
        {
            var svg = Render(Spec([.. Enumerable.Range(1, 21).Select(i => $"{i}")], new double[21], new double[21]));
            var labels = svg.WithClass("text", "category-label");

            Assert.That(labels, Has.Count.EqualTo(21));
            Assert.That(labels.Select(label => label.Text("transform")), Has.All.StartWith("rotate(-45 "));
            Assert.That(svg.WithClass("text", "total-label"), Is.Empty);
        }

        [Test]
        public void ThinsOutTurnedLabelsSoTheyDoNotOverlap()
        {
            var svg = Render(Meetings(120));
            var labels = svg.WithClass("text", "category-label");
            var xs = labels.Select(label => label.Number("x")).ToList();

            Assert.That(svg.Bars(), Has.Count.EqualTo(240));
            Assert.That(labels, Has.Count.LessThan(120).And.Count.GreaterThan(10));
            Assert.That(labels[0].Text("data-index"), Is.EqualTo("0"));
            Assert.That(xs.Zip(xs.Skip(1), (a, b) => b - a), Has.All.GreaterThanOrEqualTo(13));
        }

        [TestCase(10, 640)]
        [TestCase(40, 640)]
        [TestCase(60, 904)]
        [TestCase(120, 960)]
        public void WidensTheChartForManyColumnsUpToTheWidthOfATimeline(int meetings, double width)
        {
            var svg = Render(Meetings(meetings));
            var xs = svg.Bars().Where(bar => bar.Text("data-series") == "wel gewerkt").Select(bar => bar.Number("x")).ToList();

            Assert.That(svg.Number("width"), Is.EqualTo(width));
            Assert.That(xs, Has.Count.EqualTo(meetings));
            Assert.That(xs[^1], Is.LessThan(width - 8));
        }

        [Test]
        public void ShortensLongTurnedLabelsAndKeepsTheFullLabelAsTooltip()
        {
            var spec = Meetings(25) with { Categories = [.. Enumerable.Range(1, 25).Select(i => $"Bijeenkomst nummer {i} in het voorjaar")] };
            var label = Render(spec).WithClass("text", "category-label")[0];

            Assert.That(label.Shown(), Does.EndWith("…"));
            Assert.That(label.Tooltip(), Is.EqualTo("Bijeenkomst nummer 1 in het voorjaar"));
        }
    }

    public sealed class EmptyAndInvalid
    {
        [Test]
        public void SaysNogGeenGegevensWithoutCategories()
        {
            var svg = _renderer.Render(Spec([], [], []));
            var root = ChartSvg.Parse(svg);

            Assert.That(root.WithClass("text", "no-data").Single().Shown(), Is.EqualTo("Nog geen gegevens"));
            Assert.That(root.Bars(), Is.Empty);
            Assert.That(root.Element(ChartSvg.Svg + "title")!.Value, Is.EqualTo("Antwoorden per bijeenkomst"));
            Assert.That(svg, Does.Not.Contain("NaN").And.Not.Contain("Infinity"));
        }

        [Test]
        public void SaysNogGeenGegevensWithoutSeries()
        {
            var root = Render(_answers with { Series = [] });

            Assert.That(root.WithClass("text", "no-data").Single().Shown(), Is.EqualTo("Nog geen gegevens"));
            Assert.That(root.Bars(), Is.Empty);
        }

        [TestCase(2)]
        [TestCase(4)]
        public void RefusesASeriesWithoutOneValuePerCategory(int count) =>
            Assert.That(() => _renderer.Render(Spec(["a", "b", "c"], [1, 2, 3], new double[count])),
                Throws.ArgumentException.With.Message.Contains("'minder gewerkt'"));

        [TestCase(-1)]
        [TestCase(double.NaN)]
        [TestCase(double.PositiveInfinity)]
        public void RefusesNegativeOrNonFiniteValues(double value) =>
            Assert.That(() => _renderer.Render(Spec(["a"], [value], [1])), Throws.ArgumentException);

        [TestCase("url(#x)")]
        [TestCase("green")]
        [TestCase("#fff\" onload=\"x")]
        public void RefusesASeriesColourThatIsNotHex(string colour) =>
            Assert.That(() => _renderer.Render(_answers with { Series = [new("wel gewerkt", colour, [1, 2, 3])] }), Throws.ArgumentException);
    }

    public sealed class Accessibility
    {
        private static IEnumerable<TestCaseData> Charts()
        {
            yield return new TestCaseData(_renderer.Render(_answers)).SetArgDisplayNames("three meetings");
            yield return new TestCaseData(_renderer.Render(Meetings(60))).SetArgDisplayNames("sixty meetings");
            yield return new TestCaseData(_renderer.Render(Spec([], [], []))).SetArgDisplayNames("empty");
        }

        [TestCaseSource(nameof(Charts))]
        public void StartsWithTitleAndDescriptionThatLabelTheImage(string svg)
        {
            var root = ChartSvg.Parse(svg);
            var first = root.Elements().Take(2).ToList();

            Assert.That(root.Text("role"), Is.EqualTo("img"));
            Assert.That(first.Select(element => element.Name.LocalName), Is.EqualTo(new[] { "title", "desc" }));
            Assert.That(root.Text("aria-labelledby"), Is.EqualTo($"{first[0].Text("id")} {first[1].Text("id")}"));
            Assert.That(first.Select(element => element.Text("id")), Is.EqualTo(new[] { "chart-reflecties-title", "chart-reflecties-desc" }));
            Assert.That(root.Text("class"), Is.EqualTo("chart chart-stacked-bar"));
        }

        [TestCaseSource(nameof(Charts))]
        public void UsesNoScriptsInlineStylesOrExternalReferences(string svg)
        {
            var root = ChartSvg.Parse(svg);
            var attributes = root.DescendantsAndSelf().Attributes().ToList();

            Assert.That(root.DescendantsAndSelf().Select(element => element.Name.LocalName).Distinct(),
                Is.SubsetOf(new[] { "svg", "title", "desc", "g", "rect", "line", "text", "tspan" }));
            Assert.That(attributes.Select(attribute => attribute.Name.LocalName), Has.None.EqualTo("style").And.None.EqualTo("href").And.None.StartsWith("on"));
            Assert.That(attributes.Select(attribute => attribute.Value), Has.None.Contains("url("));
        }

        [TestCaseSource(nameof(Charts))]
        public void WritesTextInColoursWithEnoughContrastOnWhite(string svg)
        {
            foreach (var text in ChartSvg.Parse(svg).Descendants(ChartSvg.Svg + "text"))
            {
                Assert.That(Contrast(text.Text("fill"), "#ffffff"), Is.GreaterThanOrEqualTo(4.5), text.ToString());
            }
        }

        [Test]
        public void WritesUserTextAsTextNeverAsMarkup()
        {
            const string Hostile = "<script>alert('x')</script> & \"co\"";
            var spec = Spec([Hostile, "b"], [1, 2], [1, 0]) with
            {
                Title = Hostile,
                Series = [new(Hostile, Well, [1, 2]), new("minder gewerkt", Less, [1, 0])],
            };
            var svg = _renderer.Render(spec);
            var root = ChartSvg.Parse(svg);

            Assert.That(svg, Does.Not.Contain("<script"));
            Assert.That(root.Descendants().Select(element => element.Name.LocalName), Has.None.EqualTo("script"));
            Assert.That(root.Element(ChartSvg.Svg + "title")!.Value, Is.EqualTo(Hostile));
            Assert.That(root.WithClass("text", "category-label")[0].Tooltip() ?? root.WithClass("text", "category-label")[0].Shown(), Is.EqualTo(Hostile));
            Assert.That(root.Bars()[0].Text("data-category"), Is.EqualTo(Hostile));
            Assert.That(root.WithClass("text", "legend-label")[0].Shown(), Is.EqualTo(Hostile));
        }

        [Test]
        [SetCulture("nl-NL")]
        public void ProducesByteIdenticalOutputForEqualSpecsWhateverTheCulture()
        {
            var dutch = _renderer.Render(Meetings(30));
            var previous = CultureInfo.CurrentCulture;
            string invariant;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                invariant = _renderer.Render(Meetings(30));
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }

            Assert.That(dutch, Is.EqualTo(invariant));
            Assert.That(dutch, Is.EqualTo(_renderer.Render(Meetings(30))));
        }

        private static double Contrast(string foreground, string background)
        {
            var (light, dark) = (Luminance(foreground), Luminance(background)) is var (a, b) && a > b ? (a, b) : (b, a);
            return (light + 0.05) / (dark + 0.05);
        }

        private static double Luminance(string hex)
        {
            static double Channel(string hex, int at)
            {
                var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }

            return (0.2126 * Channel(hex, 1)) + (0.7152 * Channel(hex, 3)) + (0.0722 * Channel(hex, 5));
        }
    }
}
