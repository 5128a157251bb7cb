using System.Globalization;

namespace Monitor.Core.Charts;

/// <summary>
/// A stacked bar chart as pure data: one vertical column per category (left to right in the given order),
/// built from one segment per series (the first series at the bottom), with a legend and a y-axis.
/// Used for the closing-reflection answers per meeting ("wel gewerkt" and "minder gewerkt").
/// </summary>
public sealed record StackedBarChartSpec : ChartSpec
{
    /// <summary>The labels under the columns, one per column.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The series stacked in each column; each has exactly one value per category.</summary>
    public IReadOnlyList<StackedBarSeries> Series { get; init; } = [];

    /// <summary>A .NET numeric format for values, totals and axis labels; "0" for counts.</summary>
    public string ValueFormat { get; init; } = "0";

    /// <summary>Culture for the value labels; null means Dutch notation (decimal comma) without depending on the machine's culture data.</summary>
    public CultureInfo? Culture { get; init; }

    /// <summary>The data as a table with the headings Categorie, one per series and Totaal; one row per category.</summary>
    /// <exception cref="ArgumentException">A series does not have one finite, non-negative value per category.</exception>
    public override ChartTable ToTable()
    {
        Validate();
        return new ChartTable
        {
            Caption = Title,
            Headers = ["Categorie", .. Series.Select(series => ChartText.Clean(series.Name)), "Totaal"],
            Rows = [.. Categories.Select((category, i) => (IReadOnlyList<string>)
                [ChartText.Clean(category), .. Series.Select(series => FormatValue(series.Values[i])), FormatValue(Total(i))])],
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
