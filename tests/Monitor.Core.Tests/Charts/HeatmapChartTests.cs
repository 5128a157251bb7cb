using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

public sealed class HeatmapChartTests
{
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

    public sealed class Drawing
    {
        [Test]
        public void LabelsTheRowsTopToBottomAndTheColumnsLeftToRight()
        {
            var labels = Render(_phases);

            Assert.That(labels.Where(label => label is "Kennis" or "Motivatie" or "Tijd en middelen"), Is.EqualTo(new[] { "Kennis", "Motivatie", "Tijd en middelen" }));
            Assert.That(labels.Where(label => label.StartsWith("Fase", StringComparison.Ordinal)), Is.EqualTo(new[] { "Fase 1", "Fase 2", "Fase 3" }));
        }

        [Test]
        public void WritesTheValueOrTheCellLabelInEachFilledCellAndNothingInBlankOnes()
        {
            var labels = Render(WithCells(new HeatmapCell(0, 0, 1), new(0, 1, 3, "3 (30%)"), new(2, 2, 6)));

            Assert.That(labels, Does.Contain("1").And.Contain("3 (30%)").And.Contain("6"));
            Assert.That(labels, Has.None.EqualTo("3"));
        }

        [Test]
        public void ShowsTheShadesFromZeroToTheLargestValueInTheLegend()
        {
            var root = ChartSvg.Parse(new ScottPlotChartRenderer().Render(_phases));

            Assert.That(root.Labels().TakeLast(4), Is.EqualTo(new[] { "0", "2", "4", "6" }));
            // the largest value gets the darkest shade, in its cell and in the legend
            Assert.That(root.Fills().Count(fill => fill == "#08306b"), Is.EqualTo(2));
        }

        [Test]
        public void WritesValuesInTheValueFormatWithDutchNotation()
        {
            var labels = Render(WithCells(new HeatmapCell(0, 0, 0.25), new(1, 1, 1.5)) with { ValueFormat = "0.##" });

            Assert.That(labels, Does.Contain("0,25").And.Contain("1,5"));
        }

        [TestCaseSource(nameof(WithoutData))]
        public void SaysNogGeenGegevensWithoutData(HeatmapChartSpec spec) =>
            Assert.That(Render(spec), Is.EqualTo(new[] { "Nog geen gegevens" }));

        [Test]
        public void RefusesACellOutsideTheGrid() =>
            Assert.That(() => new ScottPlotChartRenderer().Render(WithCells(new HeatmapCell(3, 0, 1))), Throws.ArgumentException.With.Message.Contains("outside the grid"));

        private static IEnumerable<HeatmapChartSpec> WithoutData() =>
            [_phases with { Cells = [] }, _phases with { Rows = [], Cells = [] }, _phases with { Columns = [], Cells = [] }];
    }

    private static List<string> Render(ChartSpec spec) => ChartSvg.Parse(new ScottPlotChartRenderer().Render(spec)).Labels();
}
