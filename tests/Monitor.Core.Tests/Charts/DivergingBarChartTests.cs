using System.Globalization;
using System.Xml.Linq;
using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

public sealed class DivergingBarChartTests
{
    private const string Red = "#b3261e";
    private const string Green = "#2e7d4f";

    private static readonly SvgChartRenderer _renderer = new();

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

    private static XElement Render(DivergingBarChartSpec spec) => ChartSvg.Parse(_renderer.Render(spec));

    private static XElement Bar(XElement root, string label, string side) =>
        root.Bars().Single(bar => bar.Text("data-label") == label && bar.Text("data-side") == side);

    private static double ZeroAxis(XElement root) => root.WithClass("line", "zero-axis").Single().Number("x1");

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

    public sealed class Bars
    {
        [Test]
        public void DrawsOneBarPerNonZeroCountWithItsSideAsDataAttribute()
        {
            var bars = Render(_determinants).Bars();

            Assert.That(bars.Select(bar => (bar.Text("data-label"), bar.Text("data-side"), bar.Text("data-value"))), Is.EqualTo(new[]
            {
                ("Kennis van de interventie", "left", "4"),
                ("Kennis van de interventie", "right", "1"),
                ("Motivatie", "left", "2"),
                ("Motivatie", "right", "3"),
                ("Tijd en middelen", "right", "2"),
                ("Leiderschap", "left", "1"),
            }));
            Assert.That(bars.Select(bar => bar.Text("data-group")).Distinct(), Is.EqualTo(new[] { "Gebruiker", "Organisatie" }));
        }

        [Test]
        public void DrawsBarriersLeftOfTheZeroAxisInRedAndFacilitatorsRightOfItInGreen()
        {
            var root = Render(_determinants);
            var axis = ZeroAxis(root);

            foreach (var bar in root.Bars())
            {
                var left = bar.Text("data-side") == "left";
                Assert.That(left ? bar.Number("x") + bar.Number("width") : bar.Number("x"), Is.EqualTo(axis).Within(0.01), bar.ToString());
                Assert.That(bar.Text("fill"), Is.EqualTo(left ? Red : Green));
            }
        }

        [Test]
        public void MakesBarWidthsProportionalToTheCountsOnOneScaleForBothSides()
        {
            var root = Render(_determinants);
            var four = Bar(root, "Kennis van de interventie", "left").Number("width");

            Assert.That(four, Is.GreaterThan(0));
            Assert.That(Bar(root, "Motivatie", "left").Number("width"), Is.EqualTo(four / 2).Within(0.01));
            Assert.That(Bar(root, "Tijd en middelen", "right").Number("width"), Is.EqualTo(four / 2).Within(0.01), "a right bar of 2 as wide as a left bar of 2");
            Assert.That(Bar(root, "Motivatie", "right").Number("width"), Is.EqualTo(four * 3 / 4).Within(0.01));
        }

        [Test]
        public void ScalesToTheLargestCountOnEitherSide()
        {
            var small = Render(Spec(new DivergingBarItem("A", "G", 2, 0), new("B", "G", 0, 1)));
            var large = Render(Spec(new DivergingBarItem("A", "G", 2, 0), new("B", "G", 0, 4)));

            Assert.That(Bar(large, "A", "left").Number("width"), Is.EqualTo(Bar(small, "A", "left").Number("width") / 2).Within(0.01));
            Assert.That(Bar(large, "B", "right").Number("width"), Is.EqualTo(Bar(small, "A", "left").Number("width")).Within(0.01));
        }

        [Test]
        public void PlacesTheRowsTopToBottomInTheGivenOrderWithBothBarsOfARowLevel()
        {
            var root = Render(_determinants);
            var rows = root.Bars().GroupBy(bar => bar.Text("data-index")).ToList();

            Assert.That(rows.Select(row => row.Key), Is.EqualTo(new[] { "0", "1", "2", "3" }));
            Assert.That(rows.Select(row => row.Select(bar => bar.Number("y")).Distinct().Count()), Has.All.EqualTo(1));
            Assert.That(rows.Select(row => row.First().Number("y")), Is.Ordered.Ascending.And.Unique);
        }

        [Test]
        public void WritesBothCountsAtTheEndsOfTheBars()
        {
            var root = Render(_determinants);
            var labels = root.WithClass("text", "value-label");
            var left = labels.Where(label => label.Text("data-side") == "left").ToList();
            var right = labels.Where(label => label.Text("data-side") == "right").ToList();

            Assert.That(left.Select(label => label.Shown()), Is.EqualTo(new[] { "4", "2", "0", "1" }));
            Assert.That(right.Select(label => label.Shown()), Is.EqualTo(new[] { "1", "3", "2", "0" }));
            var four = Bar(root, "Kennis van de interventie", "left");
            Assert.That(left[0].Number("x"), Is.EqualTo(four.Number("x") - 5).Within(0.01));
            Assert.That(left[0].Text("text-anchor"), Is.EqualTo("end"));
            var three = Bar(root, "Motivatie", "right");
            Assert.That(right[1].Number("x"), Is.EqualTo(three.Number("x") + three.Number("width") + 5).Within(0.01));
            Assert.That(right[1].Text("text-anchor"), Is.EqualTo("start"));
            Assert.That(left[2].Number("x"), Is.EqualTo(ZeroAxis(root) - 5).Within(0.01), "a 0 sits beside the axis");
        }

        [Test]
        public void GivesEachBarATooltipWithLabelSideAndCount() =>
            Assert.That(Bar(Render(_determinants), "Motivatie", "right").Tooltip(), Is.EqualTo("Motivatie – bevorderend: 3"));

        [Test]
        public void DrawsTheZeroAxisFromTheFirstToTheLastRow()
        {
            var root = Render(_determinants);
            var axis = root.WithClass("line", "zero-axis").Single();
            var bars = root.Bars();

            Assert.That(axis.Number("x2"), Is.EqualTo(axis.Number("x1")));
            Assert.That(axis.Number("y1"), Is.LessThan(bars.Min(bar => bar.Number("y"))));
            Assert.That(axis.Number("y2"), Is.GreaterThan(bars.Max(bar => bar.Number("y") + bar.Number("height"))));
            Assert.That(axis.Number("x1"), Is.GreaterThan(root.Number("width") / 3).And.LessThan(root.Number("width")));
        }

        [Test]
        public void DrawsNoBarsButTheCountsWhenAllCountsAreZero()
        {
            var svg = _renderer.Render(Spec(new DivergingBarItem("A", "G", 0, 0), new("B", "G", 0, 0)));
            var root = ChartSvg.Parse(svg);

            Assert.That(root.Bars(), Is.Empty);
            Assert.That(root.WithClass("text", "value-label").Select(label => label.Shown()), Is.EqualTo(new[] { "0", "0", "0", "0" }));
            Assert.That(svg, Does.Not.Contain("NaN").And.Not.Contain("Infinity"));
        }
    }

    public sealed class GroupsAndLabels
    {
        [Test]
        public void PutsAHeadingAboveTheFirstItemOfEachGroup()
        {
            var root = Render(_determinants);
            var headings = root.WithClass("text", "group-heading");
            var labels = root.WithClass("text", "category-label");

            Assert.That(headings.Select(heading => heading.Shown()), Is.EqualTo(new[] { "Gebruiker", "Organisatie" }));
            Assert.That(headings.Select(heading => heading.Text("font-weight")), Has.All.EqualTo("bold"));
            Assert.That(headings[0].Number("y"), Is.LessThan(labels[0].Number("y")));
            Assert.That(headings[1].Number("y"), Is.GreaterThan(labels[1].Number("y")).And.LessThan(labels[2].Number("y")));
        }

        [Test]
        public void StartsANewHeadingWheneverTheGroupChangesEvenToAnEarlierGroup()
        {
            var root = Render(Spec(new DivergingBarItem("A", "Gebruiker", 1, 1), new("B", "Organisatie", 1, 1), new("C", "Gebruiker", 1, 1), new("D", "Gebruiker", 1, 1)));

            Assert.That(root.WithClass("text", "group-heading").Select(heading => heading.Shown()), Is.EqualTo(new[] { "Gebruiker", "Organisatie", "Gebruiker" }));
        }

        [Test]
        public void LeavesOutTheHeadingForItemsWithoutAGroup()
        {
            var root = Render(Spec(new DivergingBarItem("A", "", 1, 1), new("B", " ", 1, 1), new("C", "Organisatie", 1, 1)));

            Assert.That(root.WithClass("text", "group-heading").Select(heading => heading.Shown()), Is.EqualTo(new[] { "Organisatie" }));
            Assert.That(root.WithClass("text", "category-label"), Has.Count.EqualTo(3));
        }

        [Test]
        public void LabelsEachRowOnTheLeftInTheGivenOrder()
        {
            var root = Render(_determinants);
            var labels = root.WithClass("text", "category-label");

            Assert.That(labels.Select(label => label.Shown()), Is.EqualTo(new[] { "Kennis van de interventie", "Motivatie", "Tijd en middelen", "Leiderschap" }));
            Assert.That(labels.Select(label => label.Number("x")), Has.All.LessThan(root.Bars().Min(bar => bar.Number("x"))));
            Assert.That(labels.Select(label => label.Tooltip()), Has.All.Null, "nothing was cut off");
        }

        [Test]
        public void WrapsALongLabelOverTwoLines()
        {
            const string Label = "Verwachte opbrengsten en nadelen van de vernieuwing voor de cliënt";
            var label = Render(Spec(new DivergingBarItem(Label, "Innovatie", 1, 2))).WithClass("text", "category-label").Single();

            Assert.That(label.Elements(ChartSvg.Svg + "tspan").Count(), Is.EqualTo(2));
            Assert.That(label.Shown(), Is.EqualTo(Label));
            Assert.That(label.Tooltip(), Is.Null);
        }

        [Test]
        public void ShortensALabelTooLongForTwoLinesAndKeepsTheFullLabelAsTooltip()
        {
            var text = string.Join(' ', Enumerable.Repeat("Verwachte opbrengsten en nadelen", 4));
            var label = Render(Spec(new DivergingBarItem(text, "Innovatie", 1, 2))).WithClass("text", "category-label").Single();

            Assert.That(label.Shown(), Does.EndWith("…"));
            Assert.That(label.Tooltip(), Is.EqualTo(text));
        }

        [Test]
        public void SaysWhichSideIsWhichInTheLegendWithArrows()
        {
            var root = Render(_determinants);

            Assert.That(root.WithClass("text", "legend-label").Select(label => label.Shown()), Is.EqualTo(new[] { "← belemmerend", "bevorderend →" }));
            Assert.That(root.WithClass("rect", "legend-swatch").Select(swatch => (swatch.Text("data-side"), swatch.Text("fill"))),
                Is.EqualTo(new[] { ("left", Red), ("right", Green) }));
        }

        [Test]
        public void UsesTheGivenSideLabelsInLegendAndTooltips()
        {
            var root = Render(Spec(new DivergingBarItem("Draagvlak", "Organisatie", 1, 2)) with { LeftLabel = "tegen", RightLabel = "voor" });

            Assert.That(root.WithClass("text", "legend-label").Select(label => label.Shown()), Is.EqualTo(new[] { "← tegen", "voor →" }));
            Assert.That(root.Bars().Select(bar => bar.Tooltip()), Is.EqualTo(new[] { "Draagvlak – tegen: 1", "Draagvlak – voor: 2" }));
        }
    }

    public sealed class EmptyAndInvalid
    {
        [Test]
        public void SaysNogGeenGegevensWithoutItems()
        {
            var root = Render(Spec());

            Assert.That(root.WithClass("text", "no-data").Single().Shown(), Is.EqualTo("Nog geen gegevens"));
            Assert.That(root.Bars(), Is.Empty);
            Assert.That(root.Element(ChartSvg.Svg + "title")!.Value, Is.EqualTo("Determinanten per MIDI-groep"));
            Assert.That(root.Text("class"), Is.EqualTo("chart chart-diverging-bar"));
        }

        [TestCase(-1, 0)]
        [TestCase(0, -3)]
        public void RefusesANegativeCount(int left, int right) =>
            Assert.That(() => _renderer.Render(Spec(new DivergingBarItem("Motivatie", "Gebruiker", left, right))),
                Throws.ArgumentException.With.Message.Contains("'Motivatie'").And.Message.Contains("negative"));
    }

    public sealed class Accessibility
    {
        private static IEnumerable<TestCaseData> Charts()
        {
            yield return new TestCaseData(_renderer.Render(_determinants)).SetArgDisplayNames("determinants");
            yield return new TestCaseData(_renderer.Render(Spec())).SetArgDisplayNames("empty");
        }

        [TestCaseSource(nameof(Charts))]
        public void StartsWithTitleAndDescriptionThatLabelTheImage(string svg)
        {
            var root = ChartSvg.Parse(svg);
            var first = root.Elements().Take(2).ToList();

            Assert.That(root.Text("role"), Is.EqualTo("img"));
            Assert.That(first.Select(element => element.Name.LocalName), Is.EqualTo(new[] { "title", "desc" }));
            Assert.That(first.Select(element => element.Text("id")), Is.EqualTo(new[] { "chart-determinanten-title", "chart-determinanten-desc" }));
            Assert.That(root.Text("aria-labelledby"), Is.EqualTo("chart-determinanten-title chart-determinanten-desc"));
            Assert.That(first[1].Value, Is.EqualTo("Aantal keer belemmerend en bevorderend gecodeerd per determinant."));
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
        public void WritesTextWithEnoughContrastOnWhite(string svg)
        {
            foreach (var text in ChartSvg.Parse(svg).Descendants(ChartSvg.Svg + "text"))
            {
                Assert.That(Contrast(text.Text("fill"), "#ffffff"), Is.GreaterThanOrEqualTo(4.5), text.ToString());
            }
        }

        [Test]
        public void DrawsBarsThatStandOutFromTheBackground() =>
            Assert.That(Render(_determinants).Bars().Select(bar => Contrast(bar.Text("fill"), "#ffffff")), Has.All.GreaterThanOrEqualTo(3));

        [Test]
        public void WritesUserTextAsTextNeverAsMarkup()
        {
            const string Hostile = "<script>alert('x')</script> & \"co\"";
            var spec = Spec(new DivergingBarItem(Hostile, Hostile, 2, 1)) with { Title = Hostile, LeftLabel = Hostile };
            var svg = _renderer.Render(spec);
            var root = ChartSvg.Parse(svg);

            Assert.That(svg, Does.Not.Contain("<script"));
            Assert.That(root.Descendants().Select(element => element.Name.LocalName), Has.None.EqualTo("script"));
            Assert.That(root.Element(ChartSvg.Svg + "title")!.Value, Is.EqualTo(Hostile));
            Assert.That(root.WithClass("text", "category-label").Single().Shown(), Is.EqualTo(Hostile));
            Assert.That(root.WithClass("text", "group-heading").Single().Shown(), Is.EqualTo(Hostile));
            Assert.That(root.Bars()[0].Text("data-label"), Is.EqualTo(Hostile));
            Assert.That(root.Bars()[0].Tooltip(), Is.EqualTo($"{Hostile} – {Hostile}: 2"));
            Assert.That(spec.ToTable().Rows.Single()[1], Is.EqualTo(Hostile));
        }

        [Test]
        [SetCulture("nl-NL")]
        public void ProducesByteIdenticalOutputForEqualSpecsWhateverTheCulture()
        {
            var dutch = _renderer.Render(_determinants);
            var previous = CultureInfo.CurrentCulture;
            string invariant;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                invariant = _renderer.Render(_determinants);
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }

            Assert.That(dutch, Is.EqualTo(invariant));
            Assert.That(ChartSvg.Parse(dutch).Bars().Select(bar => bar.Text("width")), Has.None.Contains(","));
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
