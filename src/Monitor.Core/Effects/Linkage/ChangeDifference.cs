using System.Globalization;
using Monitor.Core.Effects.Statistics;

namespace Monitor.Core.Effects.Linkage;

/// <summary>
/// The difference of change (difference-in-differences) of one item over linked pairs: each pair's change (after minus
/// before), the trained group's changes against the untrained group's with Welch's t-test (the sidedness of the later
/// round: "groter" means the trained group changed more), n per group, the small-group flag and one sentence in Dutch.
/// </summary>
public sealed record ChangeDifference(int PairsTrained, int PairsUntrained, double MeanChangeTrained, double MeanChangeUntrained, double Difference, TestResult? Welch,
    bool SmallGroups, IReadOnlyList<string> Warnings, string Summary)
{
    /// <summary>Compares the change scores of the trained pairs with those of the untrained pairs (each group at least one pair).</summary>
    /// <exception cref="ArgumentException">A group has no change scores.</exception>
    public static ChangeDifference Of(IReadOnlyList<double> trained, IReadOnlyList<double> untrained, Sidedness sidedness, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(untrained);
        if (trained.Count == 0 || untrained.Count == 0)
        {
            throw new ArgumentException("Both groups need at least one change score.");
        }

        var warnings = new List<string>();
        TestResult? welch = null;
        if (trained.Count < 2 || untrained.Count < 2)
        {
            warnings.Add($"Te weinig paren om het verschil in verandering te toetsen (getraind: {trained.Count}, niet getraind: {untrained.Count}).");
        }
        else
        {
            try
            {
                welch = StatisticalTests.Welch(trained, untrained, sidedness);
            }
            catch (ArgumentException)
            {
                warnings.Add("Alle veranderingen zijn gelijk; het verschil in verandering is niet te toetsen.");
            }
        }

        var small = trained.Count < ItemComparison.SmallGroup || untrained.Count < ItemComparison.SmallGroup;
        if (small)
        {
            warnings.Add($"Kleine groepen (minder dan {ItemComparison.SmallGroup} paren): een verschil in verandering is moeilijk aan te tonen en de uitkomst is onzeker.");
        }

        var mt = trained.Average();
        var mu = untrained.Average();
        return new ChangeDifference(trained.Count, untrained.Count, mt, mu, mt - mu, welch, small, warnings, Summarise(mt, mu, welch, sidedness, alpha));
    }

    private static string Summarise(double trained, double untrained, TestResult? welch, Sidedness sidedness, double alpha)
    {
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        string Signed(double value) => (value > 0 ? "+" : "") + value.ToString("0.0", nl);
        var difference = trained - untrained;
        var direction = difference switch
        {
            > 0 => $"de getrainde groep veranderde gemiddeld {Math.Abs(difference).ToString("0.0", nl)} meer in gunstige richting dan de niet getrainde groep",
            < 0 => $"de niet getrainde groep veranderde gemiddeld {Math.Abs(difference).ToString("0.0", nl)} meer in gunstige richting dan de getrainde groep",
            _ => "beide groepen veranderden gemiddeld evenveel",
        };
        var changes = $"(verandering {Signed(trained)} tegen {Signed(untrained)})";
        if (welch is null)
        {
            return $"{char.ToUpperInvariant(direction[0])}{direction[1..]} {changes}; niet te toetsen.";
        }

        var p = welch.P < 0.001 ? "p < 0,001" : $"p = {welch.P.ToString("0.000", nl)}";
        var sided = sidedness == Sidedness.Tweezijdig ? "" : ", eenzijdig getoetst";
        var significant = welch.P < alpha ? $"dat verschil is statistisch significant ({p}{sided})" : $"dat verschil is niet statistisch significant ({p}{sided})";
        return $"{char.ToUpperInvariant(direction[0])}{direction[1..]} {changes}; {significant}.";
    }
}
