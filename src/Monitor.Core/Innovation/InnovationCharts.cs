using System.Globalization;
using Monitor.Core.Charts;

namespace Monitor.Core.Innovation;

/// <summary>The charts of the innovation's use: fidelity per core element and reach and adoption over time.</summary>
public static class InnovationCharts
{
    /// <summary>One bar per core element with a share (elements below the minimum number of checklists are left out); null when none has one.</summary>
    public static BarChartSpec? Fidelity(FidelitySummary summary, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var items = summary.Elements.Where(e => e.Percent is not null).Select(e => new BarChartItem(e.Name, e.Percent!.Value / 100.0)).ToList();
        return items.Count == 0 ? null : new BarChartSpec
        {
            Id = "fidelity",
            Title = title,
            Description = description,
            Items = items,
            Max = 1,
            ValueFormat = "0%",
            ValueLabel = "Deel van de gesprekken",
        };
    }

    /// <summary>Per month (all teams together) the shares trained, using and reached, side by side; null without counts.</summary>
    public static StackedBarChartSpec? Reach(IReadOnlyList<ReachRow> totals, string title, string description, string language)
    {
        ArgumentNullException.ThrowIfNull(totals);
        if (totals.Count == 0)
        {
            return null;
        }

        var english = language == "en";
        var culture = CultureInfo.GetCultureInfo(english ? "en-GB" : "nl-NL");
        return new StackedBarChartSpec
        {
            Id = "reach",
            Title = title,
            Description = description,
            Categories = [.. totals.Select(t => t.Month.ToString("MMM yyyy", culture))],
            Series =
            [
                new StackedBarSeries(english ? "Trained (%)" : "Getraind (%)", "#0b3d6e", [.. totals.Select(t => t.TrainedPercent ?? 0)]),
                new StackedBarSeries(english ? "Used (%)" : "Gebruikt (%)", "#4f8fd0", [.. totals.Select(t => t.AdoptionPercent ?? 0)]),
                new StackedBarSeries(english ? "Clients reached (%)" : "Cliënten bereikt (%)", "#b7d3ef", [.. totals.Select(t => t.ReachPercent ?? 0)]),
            ],
            Layout = SeriesLayout.SideBySide,
            ValueLabel = english ? "Percent" : "Procent",
            ValueFormat = "0",
        };
    }
}
