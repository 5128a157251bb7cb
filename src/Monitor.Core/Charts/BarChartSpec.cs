using System.Globalization;

namespace Monitor.Core.Charts;

/// <summary>
/// A bar chart as pure data: one bar per item in the given order, each with its value written beside it.
/// Used for progress per phase (values 0..1 with <see cref="ValueFormat"/> "0%") and for counts.
/// </summary>
public sealed record BarChartSpec : ChartSpec
{
    public BarOrientation Orientation { get; init; } = BarOrientation.Horizontal;

    public IReadOnlyList<BarChartItem> Items { get; init; } = [];

    /// <summary>The value of a full-length bar; null means the largest value (1 when all values are 0). Larger values are drawn full length.</summary>
    public double? Max { get; init; }

    /// <summary>A .NET numeric format for the value labels, for example "0" for counts or "0%" for fractions as percentages.</summary>
    public string ValueFormat { get; init; } = "0.##";

    /// <summary>Culture for the value labels; null means Dutch notation (decimal comma) without depending on the machine's culture data.</summary>
    public CultureInfo? Culture { get; init; }

    /// <summary>The items as a table with the headings Categorie, Waarde (values formatted as in the chart).</summary>
    public override ChartTable ToTable() => new()
    {
        Caption = Title,
        Headers = ["Categorie", "Waarde"],
        Rows = [.. Items.Select(item => (IReadOnlyList<string>)[ChartText.Clean(item.Label), FormatValue(item.Value)])],
    };

    /// <summary>What the values are, written along the value axis (for example "Aanwezig, deel van de verwachte leden"); empty for none.</summary>
    public string ValueLabel { get; init; } = "";

    internal string FormatValue(double value) => value.ToString(ValueFormat, (IFormatProvider?)Culture ?? ChartText.DutchNumbers);

    /// <exception cref="ArgumentException">A value or the maximum is negative or not finite, or a colour is not hex.</exception>
    internal void Validate()
    {
        if (Max is { } max && (!double.IsFinite(max) || max <= 0))
        {
            throw new ArgumentException($"Max must be a positive number, not {max.ToString(CultureInfo.InvariantCulture)}.", nameof(Max));
        }

        foreach (var item in Items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(Items));
            if (!double.IsFinite(item.Value) || item.Value < 0)
            {
                throw new ArgumentException($"Bar '{item.Label}' has value {item.Value.ToString(CultureInfo.InvariantCulture)}; values must be finite and not negative.", nameof(Items));
            }

            if (item.Color is not null)
            {
                ChartColor.Parse(item.Color, $"bar '{item.Label}'");
            }
        }
    }
}
