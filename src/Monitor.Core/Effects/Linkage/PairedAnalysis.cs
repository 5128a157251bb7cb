using Monitor.Core.Effects.Statistics;

namespace Monitor.Core.Effects.Linkage;

/// <summary>
/// Two rounds of one questionnaire linked by respondent key (personal code or personal invitation): the linkage rate —
/// linked pairs against the respondents of each round — and per numeric item, over the pairs that answered it in both
/// rounds, the means before and after, the paired t-test and Wilcoxon's signed-rank test (after minus before, reverse-scored
/// items turned around, the sidedness of the later round): for all pairs and per condition (a pair takes the condition of
/// its later answer), and where both conditions have pairs the difference of change (<see cref="ChangeDifference"/>).
/// With <c>minimumPairs</c> 5 (what management may see) an item or condition with fewer pairs is not shown at all.
/// </summary>
public sealed record PairedAnalysis(long BeforeRoundId, long AfterRoundId, int BeforeRespondents, int AfterRespondents, int Pairs, double? LinkedShareBefore,
    double? LinkedShareAfter, IReadOnlyList<PairedItem> Items)
{
    /// <summary>The linked pairs per condition (of the later answer), trained first.</summary>
    public IReadOnlyList<ConditionPairs> PairsPerCondition { get; init; } = [];

    public static PairedAnalysis Analyse(Questionnaire questionnaire, MeasurementRound before, IReadOnlyList<(string? Key, SurveyResponse Response)> beforeResponses,
        MeasurementRound after, IReadOnlyList<(string? Key, SurveyResponse Response)> afterResponses, int minimumPairs)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(beforeResponses);
        ArgumentNullException.ThrowIfNull(afterResponses);
        var earlier = beforeResponses.Where(r => r.Key is not null).ToDictionary(r => r.Key!, r => r.Response, StringComparer.Ordinal);
        var pairs = afterResponses.Where(r => r.Key is not null && earlier.ContainsKey(r.Key)).Select(r => (Before: earlier[r.Key!], After: r.Response)).ToList();
        var items = new List<PairedItem>();
        foreach (var item in questionnaire.Items.Where(i => i.IsNumeric))
        {
            var answered = pairs
                .Select(p => (p.After.Condition, Before: item.Scored(p.Before.Values.GetValueOrDefault(item.Id)), After: item.Scored(p.After.Values.GetValueOrDefault(item.Id))))
                .Where(p => p.Before is not null && p.After is not null)
                .Select(p => (p.Condition, Before: p.Before!.Value, After: p.After!.Value))
                .ToList();
            var all = PairedGroup.Of(null, [.. answered.Select(p => (p.Before, p.After))], after.Sidedness, minimumPairs);
            var conditions = Enum.GetValues<Condition>()
                .Select(c => PairedGroup.Of(c, [.. answered.Where(p => p.Condition == c).Select(p => (p.Before, p.After))], after.Sidedness, minimumPairs))
                .ToList();
            ChangeDifference? difference = null;
            if (!all.Suppressed && conditions.All(c => !c.Suppressed && c.Pairs > 0))
            {
                difference = ChangeDifference.Of(
                    [.. answered.Where(p => p.Condition == Condition.Getraind).Select(p => p.After - p.Before)],
                    [.. answered.Where(p => p.Condition == Condition.Ongetraind).Select(p => p.After - p.Before)], after.Sidedness);
            }

            items.Add(new PairedItem(item, all.Pairs, all.MeanBefore, all.MeanAfter, all.MeanChange, all.PairedT, all.SignedRank, all.Warnings, all.Suppressed)
            {
                Conditions = all.Suppressed ? [] : conditions,
                ChangeDifference = difference,
            });
        }

        return new PairedAnalysis(before.Id, after.Id, beforeResponses.Count, afterResponses.Count, pairs.Count,
            beforeResponses.Count == 0 ? null : (double)pairs.Count / beforeResponses.Count,
            afterResponses.Count == 0 ? null : (double)pairs.Count / afterResponses.Count, items)
        {
            PairsPerCondition = [.. Enum.GetValues<Condition>().Select(c => new ConditionPairs(c, pairs.Count(p => p.After.Condition == c)))],
        };
    }
}

/// <summary>How many linked pairs a condition has.</summary>
public sealed record ConditionPairs(Condition Condition, int Pairs);

/// <summary>
/// One item over the linked pairs: n pairs, the means before and after and their difference, both tests (null when not
/// computable), warnings; suppressed under the small-group rule. <see cref="Conditions"/> holds the same per condition,
/// <see cref="ChangeDifference"/> the trained group's change against the untrained group's.
/// </summary>
public sealed record PairedItem(QuestionnaireItem Item, int Pairs, double? MeanBefore, double? MeanAfter, double? MeanDifference, TestResult? PairedT, TestResult? SignedRank,
    IReadOnlyList<string> Warnings, bool Suppressed)
{
    /// <summary>The pairs of each condition (trained, untrained); empty when the item itself is suppressed.</summary>
    public IReadOnlyList<PairedGroup> Conditions { get; init; } = [];

    /// <summary>The difference of change between the conditions; null unless both have pairs shown.</summary>
    public ChangeDifference? ChangeDifference { get; init; }
}

/// <summary>
/// The linked pairs of one group (all pairs when <see cref="Condition"/> is null): n, the means before and after, the mean
/// change (after minus before), the paired t-test and the signed-rank test, warnings; suppressed (no figures) below the minimum.
/// </summary>
public sealed record PairedGroup(Condition? Condition, int Pairs, double? MeanBefore, double? MeanAfter, double? MeanChange, TestResult? PairedT, TestResult? SignedRank,
    IReadOnlyList<string> Warnings, bool Suppressed)
{
    /// <summary>The warning every group under <see cref="ItemComparison.SmallGroup"/> pairs carries (a page may show it once, as a mark).</summary>
    public static readonly string SmallPairsWarning =
        $"Weinig gekoppelde paren (minder dan {ItemComparison.SmallGroup}): een verandering is moeilijk aan te tonen en de uitkomst is onzeker.";

    public static PairedGroup Of(Condition? condition, IReadOnlyList<(double Before, double After)> pairs, Sidedness sidedness, int minimumPairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count < Math.Max(minimumPairs, 1))
        {
            return new PairedGroup(condition, pairs.Count, null, null, null, null, null, [], true);
        }

        var x = pairs.Select(p => p.After).ToList();
        var y = pairs.Select(p => p.Before).ToList();
        var warnings = new List<string>();
        TestResult? t = null;
        TestResult? w = null;
        try
        {
            t = StatisticalTests.PairedT(x, y, sidedness);
        }
        catch (ArgumentException)
        {
            warnings.Add(pairs.Count < 2 ? "Te weinig gekoppelde paren om te toetsen." : "Alle verschillen zijn gelijk; een gepaarde t-toets is niet te berekenen.");
        }

        try
        {
            w = StatisticalTests.SignedRank(x, y, sidedness);
        }
        catch (ArgumentException)
        {
            warnings.Add("Geen enkel paar verschilt; de rangtekentoets is niet te berekenen.");
        }

        if (pairs.Count < ItemComparison.SmallGroup)
        {
            warnings.Add(SmallPairsWarning);
        }

        return new PairedGroup(condition, pairs.Count, y.Average(), x.Average(), x.Average() - y.Average(), t, w, warnings, false);
    }
}
