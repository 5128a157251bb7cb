using System.Globalization;

namespace Monitor.Core.Charts;

/// <summary>
/// A threshold profile as pure data: per row (a MIDI determinant, under a heading whenever its group changes) the share
/// answering negatively drawn leftwards and the share answering positively rightwards from one zero line, with a line at
/// each side's threshold (a barrier from 20 % negative, a facilitator from 80 % positive), and the verdict per row.
/// </summary>
public sealed record ProfileChartSpec : ChartSpec
{
    public IReadOnlyList<ProfileItem> Items { get; init; } = [];

    /// <summary>The share negative from which a row counts as <see cref="LeftLabel"/> (0..1).</summary>
    public double LeftThreshold { get; init; } = 0.2;

    /// <summary>The share positive from which a row counts as <see cref="RightLabel"/> (0..1).</summary>
    public double RightThreshold { get; init; } = 0.8;

    public string LeftLabel { get; init; } = "belemmerend";

    public string RightLabel { get; init; } = "bevorderend";

    /// <summary>The rows as a table: Groep, Categorie, n, % negatief, % positief, Oordeel.</summary>
    /// <exception cref="ArgumentException">A share lies outside 0..1 or the two add up to more than 1, or a threshold lies outside 0..1.</exception>
    public override ChartTable ToTable()
    {
        Validate();
        return new ChartTable
        {
            Caption = Title,
            Headers = ["Groep", "Categorie", "n", "Negatief (%)", "Positief (%)", "Oordeel"],
            Rows = [.. Items.Select(item => (IReadOnlyList<string>)
                [ChartText.Clean(item.Group), ChartText.Clean(item.Label), item.N.ToString("#,##0", ChartText.DutchNumbers),
                    LikertChartSpec.Percent(item.Left), LikertChartSpec.Percent(item.Right), ChartText.Clean(item.Verdict)])],
        };
    }

    internal void Validate()
    {
        foreach (var threshold in new[] { LeftThreshold, RightThreshold })
        {
            if (!double.IsFinite(threshold) || threshold is < 0 or > 1)
            {
                throw new ArgumentException($"A threshold must lie between 0 and 1, not {threshold.ToString(CultureInfo.InvariantCulture)}.", nameof(LeftThreshold));
            }
        }

        foreach (var item in Items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(Items));
            if (!double.IsFinite(item.Left) || !double.IsFinite(item.Right) || item.Left < 0 || item.Right < 0 || item.Left + item.Right > 1 + 1e-9 || item.N < 0)
            {
                throw new ArgumentException($"Row '{item.Label}' has shares {item.Left.ToString(CultureInfo.InvariantCulture)} and {item.Right.ToString(CultureInfo.InvariantCulture)}; each lies in 0..1 and together at most 1.", nameof(Items));
            }
        }
    }
}

/// <summary>One row of a <see cref="ProfileChartSpec"/>: label, heading group, how many answered, the shares left (negative) and right (positive), and its verdict in words.</summary>
public sealed record ProfileItem(string Label, string Group, int N, double Left, double Right, string Verdict);
