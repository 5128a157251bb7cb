using System.Globalization;

namespace Monitor.Core.Effects.Statistics;

/// <summary>
/// One item compared between two independent groups (trained against untrained, intervention against control): both
/// groups' descriptives, Welch's t and Mann-Whitney U with the sidedness chosen beforehand, Cohen's d, the warnings a
/// researcher must read with it, and one sentence a manager understands.
/// </summary>
public sealed record ItemComparison(
    string Item, string GroupA, string GroupB, Descriptives A, Descriptives B, TestResult? Welch, TestResult? MannWhitney, EffectSize? Effect,
    IReadOnlyList<string> Warnings, string Summary)
{
    /// <summary>Below this many answers in a group the comparison is flagged as small.</summary>
    public const int SmallGroup = 10;

    /// <summary>A ceiling (or floor) effect when more than this share answered the highest (lowest) option (Terwee et al. 2007: 15 %).</summary>
    public const double CeilingShare = 0.15;

    /// <summary>
    /// Compares the answers of group A with those of group B (null: missing). The scale's lowest and highest answers (1 and
    /// 5 for a 5-point Likert item) are for the floor and ceiling warnings; alpha is the level chosen beforehand (seed 000: 0.05).
    /// </summary>
    public static ItemComparison Compare(string item, string groupA, IReadOnlyList<double?> a, string groupB, IReadOnlyList<double?> b,
        double scaleMin, double scaleMax, Sidedness sidedness, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var da = Descriptives.Of(a);
        var db = Descriptives.Of(b);
        var xa = a.Where(v => v is not null).Select(v => v!.Value).ToList();
        var xb = b.Where(v => v is not null).Select(v => v!.Value).ToList();
        var warnings = new List<string>();
        TestResult? welch = null;
        TestResult? mannWhitney = null;
        EffectSize? effect = null;
        if (xa.Count < 2 || xb.Count < 2)
        {
            warnings.Add($"Te weinig antwoorden om te toetsen ({groupA}: {xa.Count}, {groupB}: {xb.Count}).");
        }
        else
        {
            try
            {
                welch = StatisticalTests.Welch(xa, xb, sidedness);
                effect = StatisticalTests.CohensD(xa, xb);
            }
            catch (ArgumentException)
            {
                warnings.Add("Alle antwoorden zijn gelijk; een t-toets en effectgrootte zijn niet te berekenen.");
            }

            mannWhitney = StatisticalTests.MannWhitney(xa, xb, sidedness);
        }

        if (xa.Count is > 0 and < SmallGroup || xb.Count is > 0 and < SmallGroup)
        {
            warnings.Add($"Kleine groepen (minder dan {SmallGroup} antwoorden): een verschil is moeilijk aan te tonen en de uitkomst is onzeker.");
        }

        foreach (var (name, values) in new[] { (groupA, xa), (groupB, xb) })
        {
            if (values.Count > 0 && values.Count(v => v >= scaleMax) > CeilingShare * values.Count)
            {
                warnings.Add($"Plafondeffect bij {name}: {Percent(values.Count(v => v >= scaleMax), values.Count)} gaf het hoogste antwoord, dus een verbetering is nauwelijks te meten.");
            }

            if (values.Count > 0 && values.Count(v => v <= scaleMin) > CeilingShare * values.Count)
            {
                warnings.Add($"Vloereffect bij {name}: {Percent(values.Count(v => v <= scaleMin), values.Count)} gaf het laagste antwoord.");
            }
        }

        return new ItemComparison(item, groupA, groupB, da, db, welch, mannWhitney, effect, warnings, Summarise(groupA, groupB, da, db, welch, effect, sidedness, alpha));
    }

    private static string Summarise(string groupA, string groupB, Descriptives a, Descriptives b, TestResult? welch, EffectSize? effect, Sidedness sidedness, double alpha)
    {
        if (a.Mean is not { } ma || b.Mean is not { } mb || welch is null || effect is null)
        {
            return "Niet te vergelijken: te weinig of alleen gelijke antwoorden.";
        }

        var nl = CultureInfo.GetCultureInfo("nl-NL");
        var difference = ma - mb;
        var direction = difference switch
        {
            > 0 => $"{groupA} scoort gemiddeld {Math.Abs(difference).ToString("0.0", nl)} hoger dan {groupB}",
            < 0 => $"{groupA} scoort gemiddeld {Math.Abs(difference).ToString("0.0", nl)} lager dan {groupB}",
            _ => $"{groupA} en {groupB} scoren gemiddeld gelijk",
        };
        var p = welch.P < 0.001 ? "p < 0,001" : $"p = {welch.P.ToString("0.000", nl)}";
        var sided = sidedness == Sidedness.Tweezijdig ? "" : ", eenzijdig getoetst";
        var significant = welch.P < alpha ? $"het verschil is statistisch significant ({p}{sided})" : $"het verschil is niet statistisch significant ({p}{sided})";
        var size = Math.Abs(effect.D) switch
        {
            < 0.2 => "verwaarloosbaar",
            < 0.5 => "klein",
            < 0.8 => "middelgroot",
            _ => "groot",
        };
        return $"{direction} ({ma.ToString("0.0", nl)} tegen {mb.ToString("0.0", nl)}); {significant}; de effectgrootte is {size} (d = {effect.D.ToString("0.00", nl)}).";
    }

    private static string Percent(int part, int whole) => (100.0 * part / whole).ToString("0", CultureInfo.GetCultureInfo("nl-NL")) + " %";
}
