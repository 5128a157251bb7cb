using Monitor.Core.Charts;
using Monitor.Core.Innovation;
using Monitor.Core.Tests.Charts;

namespace Monitor.Core.Tests.Innovation;

public sealed class InnovationChartsTests
{
    private static readonly ScottPlotChartRenderer _renderer = new();

    [Test]
    [Description("issue #22: the fidelity chart shows a bar per element with a share; elements below the small-n rule are left out")]
    public void TheFidelityChartShowsOnlyElementsWithAShare()
    {
        var summary = new FidelitySummary(6, 5,
            [new ElementShare(1, "Teamgesprek", 6, 3, 50.0), new ElementShare(2, "Optiegesprek", 4, 4, null)], [], 50.0);

        var spec = InnovationCharts.Fidelity(summary, "Programmatrouw per kernelement", "Per kernelement het deel van de gesprekken.")!;
        var svg = ChartSvg.Parse(_renderer.Render(spec));

        Assert.That(spec.ToTable().Rows, Is.EqualTo(new[] { new[] { "Teamgesprek", "50%" } }));
        Assert.That(svg.Labels(), Does.Contain("Teamgesprek").And.Not.Contain("Optiegesprek"));
        Assert.That(InnovationCharts.Fidelity(summary with { Elements = [new ElementShare(2, "Optiegesprek", 4, 4, null)] }, "t", "d"), Is.Null);
    }

    [Test]
    [Description("issue #22: the reach chart shows trained, used and reached per month side by side, with Dutch month labels")]
    public void TheReachChartShowsThreeSharesPerMonth()
    {
        var totals = Reach.Totals(
        [
            new ReachCount { Team = "Noord", Month = new DateOnly(2021, 3, 1), Professionals = 10, Trained = 8, Users = 5, TargetClients = 200, ClientsReached = 40 },
            new ReachCount { Team = "Noord", Month = new DateOnly(2021, 4, 1), Professionals = 10, Trained = 10, Users = 7, TargetClients = 200, ClientsReached = 60 },
        ]);

        var spec = InnovationCharts.Reach(totals, "Bereik en adoptie per maand", "Per maand.", "nl")!;
        var table = spec.ToTable();

        Assert.That(table.Headers, Is.EqualTo(new[] { "Categorie", "Getraind (%)", "Gebruikt (%)", "Cliënten bereikt (%)" }));
        Assert.That(table.Rows, Is.EqualTo(new[] { new[] { "mrt 2021", "80", "50", "20" }, new[] { "apr 2021", "100", "70", "30" } }));
        Assert.That(ChartSvg.Parse(_renderer.Render(spec)).Labels(), Does.Contain("Gebruikt (%)"));
        Assert.That(InnovationCharts.Reach([], "t", "d", "nl"), Is.Null);
    }
}
