using System.Globalization;
using System.Xml.Linq;
using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

/// <summary>Every kind of chart goes through the one seam: a <see cref="ChartSpec"/> into an <see cref="IChartRenderer"/>, SVG or PNG out.</summary>
public sealed class ChartSpecTests
{
    private static readonly ScottPlotChartRenderer _renderer = new();

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
            new LikertChartSpec { Id = "likert", Title = "Antwoorden", Description = "Links negatief, rechts positief.", Answers = ["oneens", "neutraal", "eens"], Rows = [new LikertRow("Getraind", "1. Vraag", [1, 2, 3])] },
            new ProfileChartSpec { Id = "profiel", Title = "MIDI-profiel", Description = "Negatief en positief per determinant.", Items = [new ProfileItem("4. Complexiteit", "Innovatie", 10, 0.3, 0.4, "belemmerend")] },
            new HeatmapChartSpec { Id = "warmte", Title = "Warmtekaart", Description = "Rijen en kolommen.", Rows = ["4. Complexiteit"], Columns = ["1 Ontwikkelen"], Cells = [new HeatmapCell(0, 0, 2)] },
        ];
        return specs.Select(spec => new TestCaseData(spec).SetArgDisplayNames(spec.GetType().Name));
    }

    [TestCaseSource(nameof(OneOfEachKind))]
    public void RendersAsSvgLabelledByItsTitleAndDescription(ChartSpec spec)
    {
        var svg = ChartSvg.Parse(_renderer.Render(spec));

        Assert.That(svg.Name, Is.EqualTo(ChartSvg.Svg + "svg"));
        Assert.That((string?)svg.Attribute("role"), Is.EqualTo("img"));
        var labelledBy = ((string?)svg.Attribute("aria-labelledby") ?? "").Split(' ');
        Assert.That(svg.Elements().First().Name, Is.EqualTo(ChartSvg.Svg + "title"));
        Assert.That(svg.Element(ChartSvg.Svg + "title")?.Value, Is.EqualTo(spec.Title));
        Assert.That(svg.Element(ChartSvg.Svg + "desc")?.Value, Is.EqualTo(spec.Description));
        Assert.That(labelledBy, Is.EqualTo(new[] { (string?)svg.Element(ChartSvg.Svg + "title")?.Attribute("id"), (string?)svg.Element(ChartSvg.Svg + "desc")?.Attribute("id") }));
    }

    [TestCaseSource(nameof(OneOfEachKind))]
    public void ScalesToItsColumnWithAViewBoxAndNoFixedSize(ChartSpec spec)
    {
        var svg = ChartSvg.Parse(_renderer.Render(spec));

        Assert.That((string?)svg.Attribute("width"), Is.EqualTo("100%"));
        Assert.That(svg.Attribute("height"), Is.Null);
        Assert.That((string?)svg.Attribute("viewBox"), Does.Match(@"^0 0 \d+ \d+$"));
        Assert.That((string?)svg.Attribute("class"), Does.Match(@"^chart chart-[a-z]+ chart-(s|m|l|xl)$"));
    }

    [TestCaseSource(nameof(OneOfEachKind))]
    public void UsesNoScriptsInlineStylesOrExternalReferences(ChartSpec spec)
    {
        var svg = ChartSvg.Parse(_renderer.Render(spec));
        var elements = svg.DescendantsAndSelf().ToList();

        Assert.That(elements.Select(e => e.Name.LocalName), Has.None.AnyOf("script", "style", "foreignObject", "image", "a"));
        Assert.That(elements.SelectMany(e => e.Attributes()).Select(a => a.Name.LocalName), Has.None.EqualTo("style").And.None.EqualTo("href").And.None.StartsWith("on"));
        var references = elements.SelectMany(e => e.Attributes()).Where(a => a.Value.Contains("url(", StringComparison.Ordinal)).Select(a => a.Value);
        Assert.That(references, Has.All.Match(@"^url\(#chart-[a-z]+-d\d+\)$"), "only references to its own clip paths");
    }

    [TestCaseSource(nameof(OneOfEachKind))]
    public void DerivesItsIdsFromTheSpecIdSoChartsOnOnePageDoNotClash(ChartSpec spec)
    {
        var first = ChartSvg.Parse(_renderer.Render(spec));
        var second = ChartSvg.Parse(_renderer.Render(spec with { Id = "ander" }));

        static List<string> Ids(XElement root) => [.. root.DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>()];
        Assert.That(Ids(first), Is.Unique.And.All.StartsWith($"chart-{spec.Id}-"));
        Assert.That(Ids(first).Intersect(Ids(second)), Is.Empty);
    }

    [TestCaseSource(nameof(OneOfEachKind))]
    public void GivesTheSameTextForTheSameSpecWhateverTheCulture(ChartSpec spec)
    {
        var first = _renderer.Render(spec);
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
            Assert.That(_renderer.Render(spec), Is.EqualTo(first));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [TestCaseSource(nameof(OneOfEachKind))]
    public void RendersAsAPngThatDecodesAtTwiceItsDrawnSizeWithRoomForTheTitle(ChartSpec spec)
    {
        var viewBox = ((string)ChartSvg.Parse(_renderer.Render(spec)).Attribute("viewBox")!).Split(' ').Select(int.Parse).ToArray();

        var (width, height) = ChartSvg.PngSize(_renderer.RenderPng(spec));

        Assert.That(width, Is.EqualTo(viewBox[2] * 2));
        Assert.That(height, Is.GreaterThan(viewBox[3] * 2));
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
    public void WritesUserTextAsTextNeverAsMarkupAndDropsWhatXmlCannotCarry()
    {
        var spec = new BarChartSpec
        {
            Id = "x", Title = "<b>Titel</b> & meer", Description = "Beschrijving\u0001.", Items = [new BarChartItem("<script>alert(1)</script> & co\u0007", 1)],
        };

        var svg = _renderer.Render(spec);
        var root = ChartSvg.Parse(svg);

        Assert.That(root.Descendants().Select(e => e.Name.LocalName), Has.None.EqualTo("script").And.None.EqualTo("b"));
        Assert.That(root.Element(ChartSvg.Svg + "title")?.Value, Is.EqualTo("<b>Titel</b> & meer"));
        Assert.That(root.Labels(), Does.Contain("<script>alert(1)</script> & co"));
    }

    [Test]
    public void TheRendererRefusesAKindItDoesNotKnow()
    {
        var spec = new UnknownChartSpec { Id = "x", Title = "X", Description = "X." };

        Assert.That(() => _renderer.Render(spec), Throws.ArgumentException.With.Message.Contains(nameof(UnknownChartSpec)));
        Assert.That(() => _renderer.RenderPng(spec), Throws.ArgumentException.With.Message.Contains(nameof(UnknownChartSpec)));
    }

    private sealed record UnknownChartSpec : ChartSpec
    {
        public override ChartTable ToTable() => new() { Caption = Title, Headers = [], Rows = [] };
    }
}
