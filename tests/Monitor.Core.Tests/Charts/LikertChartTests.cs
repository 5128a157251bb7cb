using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

public sealed class LikertChartTests
{
    private static readonly string[] _answers = ["helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens"];

    /// <summary>One item, trained 0/1/2/3/4 of 10 and untrained 2/2/2/2/2 of 10.</summary>
    private static readonly LikertChartSpec _spec = new()
    {
        Id = "antwoorden",
        Title = "Antwoorden per vraag",
        Description = "Verdeling per groep.",
        Answers = _answers,
        Rows =
        [
            new LikertRow("Getraind", "1. Ik vertel de cliënt dat hij meebeslist.", [0, 1, 2, 3, 4]),
            new LikertRow("Niet getraind", "1. Ik vertel de cliënt dat hij meebeslist.", [2, 2, 2, 2, 2]),
        ],
    };

    [Test]
    [Description("issue #18: the numbers table beside the chart gives per group n, the percentage of each answer and the negative and positive sides")]
    public void TableHasPercentagesPerAnswerAndPerSide()
    {
        var table = _spec.ToTable();

        Assert.That(table.Headers, Is.EqualTo(new[] { "Groep", "Categorie", "n", "helemaal oneens (%)", "oneens (%)", "neutraal (%)", "eens (%)", "helemaal eens (%)", "Negatief (%)", "Positief (%)" }));
        Assert.That(table.Rows[0], Is.EqualTo(new[] { "1. Ik vertel de cliënt dat hij meebeslist.", "Getraind", "10", "0", "10", "20", "30", "40", "10", "70" }));
        Assert.That(table.Rows[1], Is.EqualTo(new[] { "1. Ik vertel de cliënt dat hij meebeslist.", "Niet getraind", "10", "20", "20", "20", "20", "20", "40", "40" }));
    }

    [Test]
    [Description("issue #18: negative answers lie left of zero, the neutral answer is split around zero, positive answers right")]
    public void SidesLeaveTheNeutralShareOut()
    {
        var trained = _spec.Rows[0];

        Assert.That(_spec.NegativeAnswers, Is.EqualTo(2));
        Assert.That(_spec.HasNeutral, Is.True);
        Assert.That(_spec.Negative(trained), Is.EqualTo(0.1).Within(1e-9));
        Assert.That(_spec.Positive(trained), Is.EqualTo(0.7).Within(1e-9));
        Assert.That(LikertChartSpec.Shares(trained)[2], Is.EqualTo(0.2).Within(1e-9));
    }

    [Test]
    public void AnEvenScaleHasNoNeutralAnswer()
    {
        var spec = _spec with { Answers = ["oneens", "eerder oneens", "eerder eens", "eens"], Rows = [new LikertRow("Allen", "", [1, 1, 1, 1])] };

        Assert.That((spec.HasNeutral, spec.Negative(spec.Rows[0]), spec.Positive(spec.Rows[0])), Is.EqualTo((false, 0.5, 0.5)));
    }

    [Test]
    public void RefusesARowWithoutOneCountPerAnswer() =>
        Assert.That(() => (_spec with { Rows = [new LikertRow("Getraind", "", [1, 2])] }).ToTable(), Throws.ArgumentException.With.Message.Contains("'Getraind'"));

    [Test]
    [Description("issue #18: the drawing shows the item as heading, the groups as rows, the percentages of shares of 8 % or more, and the answers in the legend")]
    public void DrawsHeadingsRowsPercentagesAndTheLegend()
    {
        var labels = ChartSvg.Parse(new ScottPlotChartRenderer().Render(_spec)).Labels();

        Assert.That(labels, Does.Contain("1. Ik vertel de cliënt dat hij meebeslist.").And.Contain("Getraind").And.Contain("Niet getraind"));
        Assert.That(labels, Does.Contain("40").And.Contain("30").And.Contain("helemaal oneens").And.Contain("helemaal eens"));
        Assert.That(labels, Does.Contain("50 %"), "the axis is in percent both ways");
    }

    [Test]
    [Description("the percentages are drawn after (on top of) the bars, not hidden under them")]
    public void DrawsThePercentagesOverTheBars()
    {
        var svg = ChartSvg.Parse(new ScottPlotChartRenderer().Render(_spec));
        var elements = svg.Descendants().ToList();
        var forty = elements.FindIndex(e => e.Name == ChartSvg.Svg + "text" && e.Value.Trim() == "40");

        var firstGreenBar = elements.FindIndex(e => e.Name == ChartSvg.Svg + "rect" && ((string?)e.Attribute("fill"))?.ToLowerInvariant() == "#3f9c62");

        Assert.That(firstGreenBar, Is.GreaterThan(0));
        Assert.That(forty, Is.GreaterThan(firstGreenBar));
    }

    [Test]
    [Description("issue #18: the ends of the scale are darker than the answers next to the middle, on both sides, so grey print keeps them apart")]
    public void ColoursTheEndsDarkerThanTheMiddle()
    {
        var fills = ChartSvg.Parse(new ScottPlotChartRenderer().Render(_spec)).Fills();
        var reds = new[] { "#c0392b", "#f4b6ae" };
        var greens = new[] { "#b9e4c9", "#3f9c62" };

        Assert.That(fills, Does.Contain(reds[0]).And.Contain(reds[1]).And.Contain(greens[0]).And.Contain(greens[1]).And.Contain("#e4e7ec"));
        Assert.That(ChartSvg.Luminance(reds[1]) - ChartSvg.Luminance(reds[0]), Is.GreaterThan(0.2));
        Assert.That(ChartSvg.Luminance(greens[0]) - ChartSvg.Luminance(greens[1]), Is.GreaterThan(0.2));
    }
}

public sealed class ProfileChartTests
{
    private static readonly ProfileChartSpec _spec = new()
    {
        Id = "midi",
        Title = "MIDI-profiel",
        Description = "Per determinant negatief en positief.",
        Items =
        [
            new ProfileItem("4. Complexiteit", "Innovatie", 20, 0.25, 0.5, "belemmerend"),
            new ProfileItem("7. Relevantie voor de cliënt", "Innovatie", 20, 0.05, 0.85, "bevorderend"),
            new ProfileItem("23. Beschikbare tijd", "Organisatie", 19, 0.1, 0.6, "neutraal"),
        ],
    };

    [Test]
    [Description("issue #18: the MIDI profile's table gives per determinant n, % negative, % positive and the verdict")]
    public void TableHasTheSharesAndVerdicts()
    {
        var table = _spec.ToTable();

        Assert.That(table.Headers, Is.EqualTo(new[] { "Groep", "Categorie", "n", "Negatief (%)", "Positief (%)", "Oordeel" }));
        Assert.That(table.Rows, Is.EqualTo(new[]
        {
            new[] { "Innovatie", "4. Complexiteit", "20", "25", "50", "belemmerend" },
            new[] { "Innovatie", "7. Relevantie voor de cliënt", "20", "5", "85", "bevorderend" },
            new[] { "Organisatie", "23. Beschikbare tijd", "19", "10", "60", "neutraal" },
        }));
    }

    [Test]
    [Description("issue #18: the thresholds (20 % and 80 % by default) are drawn and named in the legend; bars past a threshold are dark")]
    public void DrawsTheThresholdsAndDarkensBarsPastThem()
    {
        var svg = ChartSvg.Parse(new ScottPlotChartRenderer().Render(_spec));
        var labels = svg.Labels();
        var fills = svg.Fills();

        Assert.That(labels, Does.Contain("← negatief, belemmerend vanaf 20 %").And.Contain("positief, bevorderend vanaf 80 % →"));
        Assert.That(labels, Does.Contain("25 %").And.Contain("85 %"));
        // one dark barrier bar (25 % ≥ 20 %) plus its legend swatch; one dark facilitator bar (85 % ≥ 80 %) plus its swatch
        Assert.That(fills.Count(f => f == "#c0392b"), Is.EqualTo(2));
        Assert.That(fills.Count(f => f == "#1e5c38"), Is.EqualTo(2));
    }

    [Test]
    public void RefusesSharesAddingUpToMoreThanAll() =>
        Assert.That(() => (_spec with { Items = [new ProfileItem("1. Procedurele helderheid", "", 5, 0.6, 0.6, "")] }).ToTable(), Throws.ArgumentException.With.Message.Contains("Procedurele"));
}
