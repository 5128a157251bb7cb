using System.Globalization;

namespace Monitor.Core.Charts;

/// <summary>
/// A bar chart of several series as pure data: per category (left to right in the given order) one column built
/// from one segment per series (the first series at the bottom), or with <see cref="SeriesLayout.SideBySide"/>
/// one bar per series next to each other, with a legend and a y-axis. Stacked for the closing-reflection answers
/// per meeting ("wel gewerkt" and "minder gewerkt"), side by side for meetings and reflections per month.
/// </summary>
public sealed record StackedBarChartSpec : ChartSpec
{
    /// <summary>The labels under the columns, one per column.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The series stacked in each column; each has exactly one value per category.</summary>
    public IReadOnlyList<StackedBarSeries> Series { get; init; } = [];

    /// <summary>Stacked (the series add up to a meaningful total) or side by side (they do not).</summary>
    public SeriesLayout Layout { get; init; } = SeriesLayout.Stacked;

    /// <summary>What the values are, written along the y-axis (for example "Aantal"); empty for none.</summary>
    public string ValueLabel { get; init; } = "";

    /// <summary>A .NET numeric format for values, totals and axis labels; "0" for counts.</summary>
    public string ValueFormat { get; init; } = "0";

    /// <summary>Culture for the value labels; null means Dutch notation (decimal comma) without depending on the machine's culture data.</summary>
    public CultureInfo? Culture { get; init; }

    /// <summary>The data as a table with the headings Categorie, one per series and, when stacked, Totaal; one row per category.</summary>
    /// <exception cref="ArgumentException">A series does not have one finite, non-negative value per category.</exception>
    public override ChartTable ToTable()
    {
        Validate();
        var stacked = Layout == SeriesLayout.Stacked;
        return new ChartTable
        {
            Caption = Title,
            Headers = ["Categorie", .. Series.Select(series => ChartText.Clean(series.Name)), .. stacked ? (string[])["Totaal"] : []],
            Rows = [.. Categories.Select((category, i) => (IReadOnlyList<string>)
                [ChartText.Clean(category), .. Series.Select(series => FormatValue(series.Values[i])), .. stacked ? (string[])[FormatValue(Total(i))] : []])],
        };
    }

    internal string FormatValue(double value) => value.ToString(ValueFormat, (IFormatProvider?)Culture ?? ChartText.DutchNumbers);

    internal double Total(int category) => Series.Sum(series => series.Values[category]);

    internal void Validate()
    {
        foreach (var series in Series)
        {
            ArgumentNullException.ThrowIfNull(series, nameof(Series));
            if (series.Values is null || series.Values.Count != Categories.Count)
            {
                throw new ArgumentException(
                    $"Series '{series.Name}' has {series.Values?.Count ?? 0} values for {Categories.Count} categories; it needs one value per category.", nameof(Series));
            }

            foreach (var value in series.Values)
            {
                if (!double.IsFinite(value) || value < 0)
                {
                    throw new ArgumentException(
                        $"Series '{series.Name}' has value {value.ToString(CultureInfo.InvariantCulture)}; values must be finite and not negative.", nameof(Series));
                }
            }
        }
    }
}
