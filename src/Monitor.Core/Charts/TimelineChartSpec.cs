using System.Collections.Frozen;

namespace Monitor.Core.Charts;

/// <summary>
/// A timeline (Gantt-like) chart as pure data: one row per bar in the given order, phase bands behind the
/// bars, an optional "today" line. Renderers turn it into an image; <see cref="ToTable"/> gives the same
/// data as a table. The time axis covers the bulk of the bars: a bar far before or after the others is cut
/// at the edge and marked with its dates (see <see cref="TimelineAxis"/>), so that it cannot squeeze the rest.
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

    /// <exception cref="ArgumentException">A bar or band ends before it starts, a bar's category has no style, or a colour is not hex.</exception>
    internal void Validate()
    {
        foreach (var (category, style) in Categories)
        {
            ChartColor.Parse(style.Fill, $"category '{category}'");
            if (style.Outline is not null)
            {
                ChartColor.Parse(style.Outline, $"category '{category}'");
            }
        }

        foreach (var bar in Bars)
        {
            ArgumentNullException.ThrowIfNull(bar, nameof(Bars));
            if (bar.End < bar.Start)
            {
                throw new ArgumentException($"Activity '{bar.Label}' ends ({bar.End:yyyy-MM-dd}) before it starts ({bar.Start:yyyy-MM-dd}).", nameof(Bars));
            }

            if (!Categories.ContainsKey(bar.Category))
            {
                throw new ArgumentException($"Activity '{bar.Label}' has category '{bar.Category}', which has no style in Categories.", nameof(Bars));
            }
        }

        foreach (var band in Bands)
        {
            ArgumentNullException.ThrowIfNull(band, nameof(Bands));
            if (band.End < band.Start)
            {
                throw new ArgumentException($"Band '{band.Label}' ends ({band.End:yyyy-MM-dd}) before it starts ({band.Start:yyyy-MM-dd}).", nameof(Bands));
            }
        }
    }
}
