using System.Collections.Frozen;

namespace Monitor.Core.Charts;

/// <summary>
/// A timeline (Gantt-like) chart as pure data: one row per bar in the given order, phase bands behind the
/// bars, an optional "today" line. Renderers turn it into an image; <see cref="ToTable"/> gives the same
/// data as a table.
/// </summary>
public sealed record TimelineChartSpec : ChartSpec
{
    /// <summary>Styles for the four activity statuses, keyed "gepland", "bezig", "gereed" and "vervallen".</summary>
    public static IReadOnlyDictionary<string, CategoryStyle> DefaultCategories { get; } =
        new Dictionary<string, CategoryStyle>(StringComparer.Ordinal)
        {
            // The light fills need an outline for 3:1 contrast against the phase bands (WCAG 1.4.11).
            ["gepland"] = new("#8a94a8", Outline: "#5f6b7a", Label: "gepland"),
            ["bezig"] = new("#0b5cad", Label: "bezig"),
            ["gereed"] = new("#2e7d4f", Label: "gereed"),
            ["vervallen"] = new("#c9ced8", Outline: "#5f6b7a", Dashed: true, Label: "vervallen"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public IReadOnlyList<TimelineBar> Bars { get; init; } = [];

    public IReadOnlyList<TimelineBand> Bands { get; init; } = [];

    /// <summary>Drawn as a vertical line when it falls within the months the bars and bands cover.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>Style per category key; every <see cref="TimelineBar.Category"/> must be in it.</summary>
    public IReadOnlyDictionary<string, CategoryStyle> Categories { get; init; } = DefaultCategories;

    /// <summary>The bars as a table with the headings Activiteit, Start, Einde, Status.</summary>
    public override ChartTable ToTable() => new()
    {
        Caption = Title,
        Headers = ["Activiteit", "Start", "Einde", "Status"],
        Rows = [.. Bars.Select(bar => (IReadOnlyList<string>)
            [ChartText.Clean(bar.Label), ChartText.Date(bar.Start), ChartText.Date(bar.End), CategoryLabel(bar.Category)])],
    };

    internal string CategoryLabel(string category) =>
        Categories.TryGetValue(category, out var style) && style.Label is not null ? ChartText.Clean(style.Label) : ChartText.Clean(category);
}
