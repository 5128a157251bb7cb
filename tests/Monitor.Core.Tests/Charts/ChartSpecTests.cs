using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

/// <summary>Every kind of chart goes through the one seam: a <see cref="ChartSpec"/> into an <see cref="IChartRenderer"/>.</summary>
public sealed class ChartSpecTests
{
    private static readonly SvgChartRenderer _renderer = new();

    private static IEnumerable<TestCaseData> OneOfEachKind()
    {
        ChartSpec[] specs =
        [
            new BarChartSpec { Id = "staaf", Title = "Staven", Description = "Een staafdiagram.", Items = [new BarChartItem("Fase 1", 0.5)] },
            new TimelineChartSpec
            {
                Id = "tijdlijn", Title = "Tijdlijn", Description = "Een tijdlijn.",
                Bars = [new TimelineBar("Kick-off", new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 30), "gereed")],
            },
            new StackedBarChartSpec
            {
                Id = "gestapeld", Title = "Gestapeld", Description = "Gestapelde staven.",
                Categories = ["jan"], Series = [new StackedBarSeries("Wel", "#2e7d4f", [3])],
            },
            new DivergingBarChartSpec { Id = "factoren", Title = "Factoren", Description = "Links en rechts.", Items = [new DivergingBarItem("4. Complexiteit", "Innovatie", 2, 1)] },
            new HeatmapChartSpec { Id = "warmte", Title = "Warmtekaart", Description = "Rijen en kolommen.", Rows = ["4. Complexiteit"], Columns = ["1 Ontwikkelen"], Cells = [new HeatmapCell(0, 0, 2)] },
        ];
        return specs.Select(spec => new TestCaseData(spec).SetArgDisplayNames(spec.GetType().Name));
    }

    [TestCaseSource(nameof(OneOfEachKind))]
    public void RendersAsSvgLabelledByItsTitleAndDescription(ChartSpec spec)
    {
        var svg = ChartSvg.Parse(_renderer.Render(spec));

        Assert.That(svg.Name, Is.EqualTo(ChartSvg.Svg + "svg"));
        Assert.That(svg.Text("role"), Is.EqualTo("img"));
        Assert.That(svg.Element(ChartSvg.Svg + "title")?.Value, Is.EqualTo(spec.Title));
        Assert.That(svg.Element(ChartSvg.Svg + "desc")?.Value, Is.EqualTo(spec.Description));
    }

    [TestCaseSource(nameof(OneOfEachKind))]
    public void GivesItsDataAsATableCaptionedWithItsTitle(ChartSpec spec)
    {
        var table = spec.ToTable();

        Assert.That(table.Caption, Is.EqualTo(spec.Title));
        Assert.That(table.Rows, Has.Count.EqualTo(1));
        Assert.That(table.Rows.Select(row => row.Count), Is.All.EqualTo(table.Headers.Count));
    }

    [Test]
    public void TheSvgRendererRefusesAKindItDoesNotKnow()
    {
        var spec = new UnknownChartSpec { Id = "x", Title = "X", Description = "X." };

        Assert.That(() => _renderer.Render(spec), Throws.ArgumentException.With.Message.Contains(nameof(UnknownChartSpec)));
    }

    private sealed record UnknownChartSpec : ChartSpec
    {
        public override ChartTable ToTable() => new() { Caption = Title, Headers = [], Rows = [] };
    }
}
