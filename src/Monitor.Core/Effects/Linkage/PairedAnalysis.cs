using Monitor.Core.Effects.Statistics;

namespace Monitor.Core.Effects.Linkage;

/// <summary>
/// Two rounds of one questionnaire linked by respondent key (personal code or personal invitation): the linkage rate —
/// linked pairs against the respondents of each round — and per numeric item, over the pairs that answered it in both
/// rounds, the means before and after, the paired t-test and Wilcoxon's signed-rank test (after minus before, reverse-scored
/// items turned around, the sidedness of the later round). With <c>minimumPairs</c> 5 (what management may see) an item
/// with fewer pairs is not shown at all.
/// </summary>
public sealed record PairedAnalysis(long BeforeRoundId, long AfterRoundId, int BeforeRespondents, int AfterRespondents, int Pairs, double? LinkedShareBefore,
    double? LinkedShareAfter, IReadOnlyList<PairedItem> Items)
{
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
                .Select(p => (Before: item.Scored(p.Before.Values.GetValueOrDefault(item.Id)), After: item.Scored(p.After.Values.GetValueOrDefault(item.Id))))
                .Where(p => p.Before is not null && p.After is not null)
                .Select(p => (Before: p.Before!.Value, After: p.After!.Value))
                .ToList();
            if (answered.Count < Math.Max(minimumPairs, 1))
            {
                items.Add(new PairedItem(item, answered.Count, null, null, null, null, null, [], true));
                continue;
            }

            var x = answered.Select(p => p.After).ToList();
            var y = answered.Select(p => p.Before).ToList();
            var warnings = new List<string>();
            TestResult? t = null;
            TestResult? w = null;
            try
            {
                t = StatisticalTests.PairedT(x, y, after.Sidedness);
            }
            catch (ArgumentException)
            {
                warnings.Add(answered.Count < 2 ? "Te weinig gekoppelde paren om te toetsen." : "Alle verschillen zijn gelijk; een gepaarde t-toets is niet te berekenen.");
            }

            try
            {
                w = StatisticalTests.SignedRank(x, y, after.Sidedness);
            }
            catch (ArgumentException)
            {
                warnings.Add("Geen enkel paar verschilt; de rangtekentoets is niet te berekenen.");
            }

            if (answered.Count < ItemComparison.SmallGroup)
            {
                warnings.Add($"Weinig gekoppelde paren (minder dan {ItemComparison.SmallGroup}): een verandering is moeilijk aan te tonen en de uitkomst is onzeker.");
            }

            items.Add(new PairedItem(item, answered.Count, y.Average(), x.Average(), x.Average() - y.Average(), t, w, warnings, false));
        }

        return new PairedAnalysis(before.Id, after.Id, beforeResponses.Count, afterResponses.Count, pairs.Count,
            beforeResponses.Count == 0 ? null : (double)pairs.Count / beforeResponses.Count,
            afterResponses.Count == 0 ? null : (double)pairs.Count / afterResponses.Count, items);
    }
}

/// <summary>One item over the linked pairs: n pairs, the means before and after and their difference, both tests (null when not computable), warnings; suppressed under the small-group rule.</summary>
public sealed record PairedItem(QuestionnaireItem Item, int Pairs, double? MeanBefore, double? MeanAfter, double? MeanDifference, TestResult? PairedT, TestResult? SignedRank,
    IReadOnlyList<string> Warnings, bool Suppressed);
