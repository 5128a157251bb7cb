using Monitor.Core.Charts;

namespace Monitor.Core.Learning;

/// <summary>
/// The timeline as a chart through the chart seam (<see cref="TimelineChartSpec"/>): the phases as bands, the meetings of
/// each group as one bar from the first to the last meeting, and every phase decision, milestone and high or low point as
/// a one-day bar of its own, coloured by kind.
/// </summary>
public static class TimelineCharts
{
    /// <summary>Category styles keyed by the event kinds' codes (bijeenkomst, fasebesluit, mijlpaal, hoogtepunt, dieptepunt).</summary>
    public static IReadOnlyDictionary<string, CategoryStyle> Categories(string language) => new Dictionary<string, CategoryStyle>(StringComparer.Ordinal)
    {
        ["bijeenkomst"] = new("#8a94a8", Outline: "#5f6b7a", Label: TimelineEventKind.Bijeenkomst.Label(language)),
        ["fasebesluit"] = new("#0b5cad", Label: TimelineEventKind.Fasebesluit.Label(language)),
        ["mijlpaal"] = new("#6a3d9a", Label: TimelineEventKind.Mijlpaal.Label(language)),
        ["hoogtepunt"] = new("#2e7d4f", Label: TimelineEventKind.Hoogtepunt.Label(language)),
        ["dieptepunt"] = new("#b3261e", Label: TimelineEventKind.Dieptepunt.Label(language)),
    };

    public static TimelineChartSpec Build(ProjectTimeline timeline, string title, string description, string language, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var en = language == "en";
        var bars = new List<TimelineBar>();
        foreach (var group in timeline.Events.Where(e => e.Kind == TimelineEventKind.Bijeenkomst).GroupBy(e => e.GroupName ?? "").OrderBy(g => g.Min(e => e.On)))
        {
            var label = en ? $"Meetings {group.Key} ({group.Count()})" : $"Bijeenkomsten {group.Key} ({group.Count()})";
            bars.Add(new TimelineBar(label, group.Min(e => e.On), group.Max(e => e.On), "bijeenkomst"));
        }

        foreach (var item in timeline.Events.Where(e => e.Kind != TimelineEventKind.Bijeenkomst))
        {
            bars.Add(new TimelineBar($"{item.On:yyyy-MM-dd} {item.Title}", item.On, item.On, Common.Codes.ToCode(item.Kind)));
        }

        return new TimelineChartSpec
        {
            Id = "tijdlijn",
            Title = title,
            Description = description,
            Bars = bars,
            Bands = [.. timeline.Phases.Select(p => new TimelineBand($"{p.Phase} {(en ? p.NameEn : p.NameNl)}", p.Start, p.End))],
            Categories = Categories(language),
            Today = today,
        };
    }
}
