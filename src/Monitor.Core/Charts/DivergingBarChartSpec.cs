namespace Monitor.Core.Charts;

/// <summary>
/// A diverging bar chart as pure data: one row per item in the given order, under a heading whenever the
/// group changes, with the left count drawn leftwards and the right count rightwards from one zero axis,
/// both on the same scale. Used for determinants: barriers left, facilitators right, per MIDI group.
/// </summary>
public sealed record DivergingBarChartSpec : ChartSpec
{
    public IReadOnlyList<DivergingBarItem> Items { get; init; } = [];

    /// <summary>What the left counts are, for the legend, tooltips and the table heading.</summary>
    public string LeftLabel { get; init; } = "belemmerend";

    /// <summary>What the right counts are, for the legend, tooltips and the table heading.</summary>
    public string RightLabel { get; init; } = "bevorderend";

    /// <summary>The items as a table with the headings Groep, Categorie, <see cref="LeftLabel"/>, <see cref="RightLabel"/>.</summary>
    /// <exception cref="ArgumentException">An item has a negative count.</exception>
    public override ChartTable ToTable()
    {
        Validate();
        return new ChartTable
        {
            Caption = Title,
            Headers = ["Groep", "Categorie", ChartText.Clean(LeftLabel), ChartText.Clean(RightLabel)],
            Rows = [.. Items.Select(item => (IReadOnlyList<string>)
                [ChartText.Clean(item.Group), ChartText.Clean(item.Label), FormatCount(item.Left), FormatCount(item.Right)])],
        };
    }

    internal static string FormatCount(int count) => count.ToString("#,##0", ChartText.DutchNumbers);

    internal void Validate()
    {
        foreach (var item in Items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(Items));
            if (item.Left < 0 || item.Right < 0)
            {
                throw new ArgumentException(
                    $"Item '{item.Label}' has counts {item.Left} and {item.Right}; counts must not be negative.", nameof(Items));
            }
        }
    }
}
