namespace Monitor.Core.Charts;

/// <summary>
/// Diverging stacked bars of answers on an ordered scale (a 5-point Likert item, the smileys of a client card): one row
/// per item and group (trained, untrained), under a heading whenever the group changes, each row the shares of its
/// answers adding up to 100 %. The negative answers (the lower half of the scale) lie left of zero, the neutral middle
/// answer (odd scales) is split around zero, the positive answers lie right of zero, so rows compare at a glance.
/// </summary>
public sealed record LikertChartSpec : ChartSpec
{
    /// <summary>The answer labels from lowest to highest (2 to 7), such as "helemaal oneens" … "helemaal eens".</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    public IReadOnlyList<LikertRow> Rows { get; init; } = [];

    /// <summary>How many answers at the low end count as negative (the lower half; the middle of an odd scale is neutral).</summary>
    public int NegativeAnswers => Answers.Count / 2;

    /// <summary>Whether the scale has a neutral middle answer.</summary>
    public bool HasNeutral => Answers.Count % 2 == 1;

    /// <summary>The rows as a table: Groep, Categorie, n, one percentage per answer, Negatief and Positief (percentages, no decimals).</summary>
    /// <exception cref="ArgumentException">A row has not one count per answer, or a negative count.</exception>
    public override ChartTable ToTable()
    {
        Validate();
        return new ChartTable
        {
            Caption = Title,
            Headers = ["Groep", "Categorie", "n", .. Answers.Select(a => ChartText.Clean(a) + " (%)"), "Negatief (%)", "Positief (%)"],
            Rows = [.. Rows.Select(row => (IReadOnlyList<string>)
                [ChartText.Clean(row.Group), ChartText.Clean(row.Label), row.Total.ToString("#,##0", ChartText.DutchNumbers),
                    .. Shares(row).Select(Percent), Percent(Negative(row)), Percent(Positive(row))])],
        };
    }

    /// <summary>The share of each answer in a row (0 when nobody answered).</summary>
    public static IReadOnlyList<double> Shares(LikertRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [.. row.Counts.Select(c => row.Total == 0 ? 0 : (double)c / row.Total)];
    }

    /// <summary>The share of negative answers (left of zero, without the neutral half).</summary>
    public double Negative(LikertRow row) => Shares(row).Take(NegativeAnswers).Sum();

    /// <summary>The share of positive answers (right of zero, without the neutral half).</summary>
    public double Positive(LikertRow row) => Shares(row).Skip(Answers.Count - NegativeAnswers).Sum();

    internal static string Percent(double share) => (share * 100).ToString("0", ChartText.DutchNumbers);

    internal void Validate()
    {
        if (Answers.Count is < 2 or > 7)
        {
            throw new ArgumentException($"A Likert chart needs 2 to 7 answers, not {Answers.Count}.", nameof(Answers));
        }

        foreach (var row in Rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(Rows));
            if (row.Counts is null || row.Counts.Count != Answers.Count || row.Counts.Any(c => c < 0))
            {
                throw new ArgumentException($"Row '{row.Label}' needs one count (not negative) per answer ({Answers.Count}).", nameof(Rows));
            }
        }
    }
}

/// <summary>One row of a <see cref="LikertChartSpec"/>: its label (a group such as "Getraind"), the heading it is listed under (the item), and the count per answer, lowest first.</summary>
public sealed record LikertRow(string Label, string Group, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}
