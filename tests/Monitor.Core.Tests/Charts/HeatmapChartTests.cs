using System.Globalization;
using System.Xml.Linq;
using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

public sealed class HeatmapChartTests
{
    private static readonly SvgChartRenderer _renderer = new();

    /// <summary>Three determinants by three phases; two cells blank; values 0 to 6.</summary>
    private static readonly HeatmapChartSpec _phases = new()
    {
        Id = "determinant-fase",
        Title = "Determinanten per fase",
        Description = "Aantal coderingen per determinant en fase.",
        Rows = ["Kennis", "Motivatie", "Tijd en middelen"],
        Columns = ["Fase 1", "Fase 2", "Fase 3"],
        Cells =
        [
            new(0, 0, 1), new(0, 1, 3), new(0, 2, 6),
            new(1, 0, 0), new(1, 2, 2),
            new(2, 1, 4),
        ],
    };

    private static HeatmapChartSpec WithCells(params HeatmapCell[] cells) => _phases with { Cells = cells };

    private static XElement Render(HeatmapChartSpec spec) => ChartSvg.Parse(_renderer.Render(spec));

    private static List<XElement> Cells(XElement root) => root.WithClass("rect", "cell");

    /// <summary>The text written in a cell: the value-label beside its rect.</summary>
    private static XElement Label(XElement cell) => cell.ElementsAfterSelf(ChartSvg.Svg + "text").Single();

    public sealed class Table
    {
        [Test]
        public void ListsOneRowPerRowLabelWithAColumnPerColumnLabelAndBlanksForEmptyCells()
        {
            var table = _phases.ToTable();

            Assert.That(table.Caption, Is.EqualTo("Determinanten per fase"));
            Assert.That(table.Headers, Is.EqualTo(new[] { "", "Fase 1", "Fase 2", "Fase 3" }));
            Assert.That(table.Rows, Is.EqualTo(new[]
            {
                new[] { "Kennis", "1", "3", "6" },
                new[] { "Motivatie", "0", "", "2" },
                new[] { "Tijd en middelen", "", "4", "" },
            }));
        }

        [Test]
        public void HeadsTheRowLabelsWithTheRowHeader() =>
            Assert.That((_phases with { RowHeader = "Determinant" }).ToTable().Headers[0], Is.EqualTo("Determinant"));

        [Test]
        public void WritesTheCellLabelOrElseTheValueInTheValueFormatWithDutchNotation()
        {
            var table = (WithCells(new HeatmapCell(0, 0, 0.25), new(0, 1, 1, "1 (10%)")) with { ValueFormat = "0.##" }).ToTable();

            Assert.That(table.Rows[0], Is.EqualTo(new[] { "Kennis", "0,25", "1 (10%)", "" }));
        }

        [Test]
        public void RefusesANegativeValue() =>
            Assert.That(() => WithCells(new HeatmapCell(1, 2, -1)).ToTable(), Throws.ArgumentException.With.Message.Contains("'Motivatie' × 'Fase 3'"));
    }

    public sealed class Grid
    {
        [Test]
        public void DrawsOneCellPerValueAndABlankForEveryOtherPlace()
        {
            var root = Render(_phases);

            Assert.That(Cells(root).Select(cell => (cell.Text("data-row"), cell.Text("data-column"), cell.Text("data-value"))), Is.EqualTo(new[]
            {
                ("0", "0", "1"), ("0", "1", "3"), ("0", "2", "6"),
                ("1", "0", "0"), ("1", "2", "2"),
                ("2", "1", "4"),
            }));
            Assert.That(root.WithClass("rect", "empty-cell").Select(cell => (cell.Text("data-row"), cell.Text("data-column"))),
                Is.EqualTo(new[] { ("1", "1"), ("2", "0"), ("2", "2") }));
            Assert.That(root.WithClass("rect", "empty-cell").Select(cell => cell.Text("fill")), Has.All.EqualTo("#ffffff"));
        }

        [Test]
        public void LaysTheCellsOutInRowsAndColumnsOfEqualSize()
        {
            var cells = Cells(Render(_phases));
            double X(string row, string column) => cells.Single(cell => cell.Text("data-row") == row && cell.Text("data-column") == column).Number("x");
            double Y(string row, string column) => cells.Single(cell => cell.Text("data-row") == row && cell.Text("data-column") == column).Number("y");

            Assert.That(cells.Select(cell => cell.Number("width")).Distinct().Count(), Is.EqualTo(1));
            Assert.That(new[] { X("0", "0"), X("0", "1"), X("0", "2") }, Is.Ordered.Ascending.And.Unique);
            Assert.That(X("1", "0"), Is.EqualTo(X("0", "0")));
            Assert.That(new[] { Y("0", "1"), Y("2", "1") }, Is.Ordered.Ascending.And.Unique);
            Assert.That(X("0", "1") - X("0", "0"), Is.EqualTo(cells[0].Number("width")).Within(0.01), "no gaps between columns");
        }

        [Test]
        public void ShadesTheCellWithTheLargestValueDarkest()
        {
            var cells = Cells(Render(_phases));
            var darkest = cells.MinBy(cell => Luminance(cell.Text("fill")))!;

            Assert.That(darkest.Text("data-value"), Is.EqualTo("6"));
        }

        [Test]
        public void ShadesLargerValuesDarkerInOneHue()
        {
            var byValue = Cells(Render(_phases)).OrderBy(cell => cell.Number("data-value")).ToList();
            var luminances = byValue.Select(cell => Luminance(cell.Text("fill"))).ToList();

            Assert.That(luminances, Is.Ordered.Descending.And.Unique);
            Assert.That(byValue.Select(cell => cell.Text("fill")), Has.All.Match("^#[0-9a-f]{6}$"));
            Assert.That(byValue.Select(cell => Blue(cell.Text("fill"))), Has.All.True, "every shade is a blue");
            Assert.That(luminances[0], Is.LessThan(Luminance("#ffffff")), "a 0 is tinted, unlike a blank cell");
        }

        [Test]
        public void ShadesEqualValuesAlike()
        {
            var cells = Cells(Render(WithCells(new HeatmapCell(0, 0, 2), new(2, 2, 2), new(1, 1, 4))));

            Assert.That(cells[0].Text("fill"), Is.EqualTo(cells[2].Text("fill")));
        }

        [Test]
        public void WritesTheValueInEachFilledCellAndNothingInBlankOnes()
        {
            var root = Render(_phases);

            Assert.That(Cells(root).Select(cell => Label(cell).Shown()), Is.EqualTo(new[] { "1", "3", "6", "0", "2", "4" }));
            Assert.That(root.WithClass("text", "value-label"), Has.Count.EqualTo(6));
            var cell = Cells(root)[0];
            Assert.That(Label(cell).Number("x"), Is.EqualTo(cell.Number("x") + (cell.Number("width") / 2)).Within(0.01));
        }

        [Test]
        public void WritesTheCellLabelInsteadOfTheValueWhenGiven()
        {
            var root = Render(WithCells(new HeatmapCell(0, 0, 3, "3×"), new(0, 1, 0.5)) with { ValueFormat = "0.0" });

            Assert.That(Cells(root).Select(cell => Label(cell).Shown()), Is.EqualTo(new[] { "3×", "0,5" }));
            Assert.That(Cells(root)[0].Tooltip(), Is.EqualTo("Kennis – Fase 1: 3×"));
        }

        [Test]
        public void WritesWhiteTextOnDarkCellsAndDarkTextOnLightOnes()
        {
            var cells = Cells(Render(_phases));

            Assert.That(Label(cells.Single(cell => cell.Text("data-value") == "6")).Text("fill"), Is.EqualTo("#ffffff"));
            Assert.That(Label(cells.Single(cell => cell.Text("data-value") == "0")).Text("fill"), Is.EqualTo("#000000"));
        }

        [Test]
        public void WritesCellTextWithEnoughContrastOnEveryShade()
        {
            var cells = Cells(Render(WithCells([.. Enumerable.Range(0, 9).Select(i => new HeatmapCell(i / 3, i % 3, i * 0.125))]) with { ValueFormat = "0.###" }));

            Assert.That(cells, Has.Count.EqualTo(9));
            foreach (var cell in cells)
            {
                Assert.That(Contrast(Label(cell).Text("fill"), cell.Text("fill")), Is.GreaterThanOrEqualTo(4.5), cell.ToString());
            }
        }

        [Test]
        public void ShadesEveryCellLightestWhenAllValuesAreZero()
        {
            var svg = _renderer.Render(WithCells(new HeatmapCell(0, 0, 0), new(1, 1, 0)));
            var root = ChartSvg.Parse(svg);

            Assert.That(Cells(root).Select(cell => cell.Text("fill")).Distinct().Count(), Is.EqualTo(1));
            Assert.That(Cells(root)[0].Text("fill"), Is.EqualTo(root.WithClass("rect", "legend-swatch")[0].Text("fill")));
            Assert.That(svg, Does.Not.Contain("NaN").And.Not.Contain("Infinity"));
        }
    }

    public sealed class LabelsAndLegend
    {
        [Test]
        public void LabelsTheRowsOnTheLeftAndTheColumnsOnTop()
        {
            var root = Render(_phases);
            var cells = Cells(root);
            var rows = root.WithClass("text", "row-label");
            var columns = root.WithClass("text", "column-label");

            Assert.That(rows.Select(label => label.Shown()), Is.EqualTo(new[] { "Kennis", "Motivatie", "Tijd en middelen" }));
            Assert.That(rows.Select(label => label.Number("x")), Has.All.LessThan(cells.Min(cell => cell.Number("x"))));
            Assert.That(rows.Select(label => label.Number("y")), Is.Ordered.Ascending);
            Assert.That(columns.Select(label => label.Shown()), Is.EqualTo(new[] { "Fase 1", "Fase 2", "Fase 3" }));
            Assert.That(columns.Select(label => label.Number("y")), Has.All.LessThan(cells.Min(cell => cell.Number("y"))));
            Assert.That(columns.Select(label => label.Attribute("transform")), Has.All.Null);
            Assert.That(columns[1].Number("x"), Is.EqualTo(cells[1].Number("x") + (cells[1].Number("width") / 2)).Within(0.01));
        }

        [Test]
        public void TurnsTheColumnLabelsWhenOneWouldNotFitUpright()
        {
            var spec = _phases with { Columns = ["Fase 1 – ontwikkelen en voorbereiden", "Fase 2 – invoeren", "Fase 3 – borgen"] };
            var root = Render(spec);
            var columns = root.WithClass("text", "column-label");

            Assert.That(columns.Select(label => label.Text("transform")), Has.All.StartWith("rotate(-45 "));
            Assert.That(columns.Select(label => label.Tooltip() ?? label.Shown()), Is.EqualTo(spec.Columns));
            Assert.That(columns.Select(label => label.Number("y")), Has.All.LessThan(Cells(root).Min(cell => cell.Number("y"))));
        }

        [Test]
        public void ShowsTheShadesFromZeroToTheLargestValueInTheLegend()
        {
            var root = Render(_phases);
            var swatches = root.WithClass("rect", "legend-swatch");
            var darkest = Cells(root).Single(cell => cell.Text("data-value") == "6").Text("fill");

            Assert.That(root.WithClass("text", "legend-label").Select(label => label.Shown()), Is.EqualTo(new[] { "0", "6" }));
            Assert.That(swatches[0].Text("fill"), Is.EqualTo(Cells(root).Single(cell => cell.Text("data-value") == "0").Text("fill")));
            Assert.That(swatches[^1].Text("fill"), Is.EqualTo(darkest));
            Assert.That(swatches.Select(swatch => Luminance(swatch.Text("fill"))), Is.Ordered.Descending);
        }

        [Test]
        public void ShortensLongRowLabelsAndKeepsTheFullLabelAsTooltip()
        {
            var text = string.Join(' ', Enumerable.Repeat("Beschikbaarheid van tijd en middelen", 3));
            var label = Render(_phases with { Rows = [text, "b", "c"] }).WithClass("text", "row-label")[0];

            Assert.That(label.Shown(), Does.EndWith("…"));
            Assert.That(label.Tooltip(), Is.EqualTo(text));
        }
    }

    public sealed class EmptyAndInvalid
    {
        private static IEnumerable<TestCaseData> Empty()
        {
            yield return new TestCaseData(_phases with { Cells = [] }).SetArgDisplayNames("no cells");
            yield return new TestCaseData(_phases with { Rows = [], Cells = [] }).SetArgDisplayNames("no rows");
            yield return new TestCaseData(_phases with { Columns = [], Cells = [] }).SetArgDisplayNames("no columns");
        }

        [TestCaseSource(nameof(Empty))]
        public void SaysNogGeenGegevensWithoutData(HeatmapChartSpec spec)
        {
            var root = Render(spec);

            Assert.That(root.WithClass("text", "no-data").Single().Shown(), Is.EqualTo("Nog geen gegevens"));
            Assert.That(Cells(root), Is.Empty);
            Assert.That(root.Element(ChartSvg.Svg + "title")!.Value, Is.EqualTo("Determinanten per fase"));
            Assert.That(root.Text("class"), Is.EqualTo("chart chart-heatmap"));
        }

        [Test]
        public void RefusesANegativeValueWithAMessageNamingTheCell() =>
            Assert.That(() => _renderer.Render(WithCells(new HeatmapCell(0, 0, 1), new(2, 1, -0.5))),
                Throws.ArgumentException.With.Message.Contains("'Tijd en middelen' × 'Fase 2'").And.Message.Contains("-0.5").And.Message.Contains("not negative"));

        [TestCase(double.NaN)]
        [TestCase(double.PositiveInfinity)]
        public void RefusesANonFiniteValue(double value) =>
            Assert.That(() => _renderer.Render(WithCells(new HeatmapCell(0, 0, value))), Throws.ArgumentException);

        [TestCase(3, 0)]
        [TestCase(0, 3)]
        [TestCase(-1, 0)]
        public void RefusesACellOutsideTheGrid(int row, int column) =>
            Assert.That(() => _renderer.Render(WithCells(new HeatmapCell(row, column, 1))), Throws.ArgumentException.With.Message.Contains("outside the grid"));

        [Test]
        public void RefusesTwoCellsInOnePlace() =>
            Assert.That(() => _renderer.Render(WithCells(new HeatmapCell(1, 1, 1), new(1, 1, 2))), Throws.ArgumentException.With.Message.Contains("more than once"));
    }

    public sealed class Accessibility
    {
        private static IEnumerable<TestCaseData> Charts()
        {
            yield return new TestCaseData(_renderer.Render(_phases)).SetArgDisplayNames("phases");
            yield return new TestCaseData(_renderer.Render(_phases with { Cells = [] })).SetArgDisplayNames("empty");
        }

        [TestCaseSource(nameof(Charts))]
        public void StartsWithTitleAndDescriptionThatLabelTheImage(string svg)
        {
            var root = ChartSvg.Parse(svg);
            var first = root.Elements().Take(2).ToList();

            Assert.That(root.Text("role"), Is.EqualTo("img"));
            Assert.That(first.Select(element => element.Name.LocalName), Is.EqualTo(new[] { "title", "desc" }));
            Assert.That(first.Select(element => element.Text("id")), Is.EqualTo(new[] { "chart-determinant-fase-title", "chart-determinant-fase-desc" }));
            Assert.That(root.Text("aria-labelledby"), Is.EqualTo("chart-determinant-fase-title chart-determinant-fase-desc"));
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

        [Test]
        public void WritesLabelsOutsideTheCellsWithEnoughContrastOnWhite()
        {
            var texts = Render(_phases).Descendants(ChartSvg.Svg + "text").Where(text => text.Text("class") != "value-label").ToList();

            Assert.That(texts, Is.Not.Empty);
            Assert.That(texts.Select(text => Contrast(text.Text("fill"), "#ffffff")), Has.All.GreaterThanOrEqualTo(4.5));
        }

        [Test]
        public void WritesUserTextAsTextNeverAsMarkup()
        {
            const string Hostile = "<script>alert('x')</script> & \"co\"";
            var spec = _phases with { Title = Hostile, Rows = [Hostile, "b", "c"], Columns = [Hostile, "b", "c"], Cells = [new(0, 0, 1, Hostile)] };
            var svg = _renderer.Render(spec);
            var root = ChartSvg.Parse(svg);

            Assert.That(svg, Does.Not.Contain("<script"));
            Assert.That(root.Descendants().Select(element => element.Name.LocalName), Has.None.EqualTo("script"));
            Assert.That(root.Element(ChartSvg.Svg + "title")!.Value, Is.EqualTo(Hostile));
            Assert.That(root.WithClass("text", "row-label")[0].Tooltip() ?? root.WithClass("text", "row-label")[0].Shown(), Is.EqualTo(Hostile));
            Assert.That(root.WithClass("text", "column-label")[0].Tooltip() ?? root.WithClass("text", "column-label")[0].Shown(), Is.EqualTo(Hostile));
            Assert.That(Cells(root).Single().Tooltip(), Is.EqualTo($"{Hostile} – {Hostile}: {Hostile}"));
            Assert.That(spec.ToTable().Rows[0][1], Is.EqualTo(Hostile));
        }

        [Test]
        [SetCulture("nl-NL")]
        public void ProducesByteIdenticalOutputForEqualSpecsWhateverTheCulture()
        {
            var spec = _phases with { ValueFormat = "0.0", Cells = [new(0, 0, 1.5), new(1, 1, 2.25)] };
            var dutch = _renderer.Render(spec);
            var previous = CultureInfo.CurrentCulture;
            string invariant;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                invariant = _renderer.Render(spec);
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }

            Assert.That(dutch, Is.EqualTo(invariant));
            Assert.That(Cells(ChartSvg.Parse(dutch)).Select(cell => Label(cell).Shown()), Is.EqualTo(new[] { "1,5", "2,3" }));
        }
    }

    private static bool Blue(string hex)
    {
        var (r, g, b) = (Channel(hex, 1), Channel(hex, 3), Channel(hex, 5));
        return b >= g && g >= r;
    }

    private static int Channel(string hex, int at) => int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static double Contrast(string foreground, string background)
    {
        var (light, dark) = (Luminance(foreground), Luminance(background)) is var (a, b) && a > b ? (a, b) : (b, a);
        return (light + 0.05) / (dark + 0.05);
    }

    private static double Luminance(string hex)
    {
        static double Linear(int channel)
        {
            var c = channel / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Linear(Channel(hex, 1))) + (0.7152 * Linear(Channel(hex, 3))) + (0.0722 * Linear(Channel(hex, 5)));
    }
}
