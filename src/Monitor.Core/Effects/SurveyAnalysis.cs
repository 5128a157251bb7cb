using Monitor.Core.Effects.Statistics;

namespace Monitor.Core.Effects;

/// <summary>
/// A round analysed: per choice item the counts and percentages per option and group (<see cref="ChoiceCounts"/>), per numeric item the trained and untrained groups compared (<see cref="ItemComparison"/>, reverse-scored
/// items turned around, the sidedness stored with the round), Holm's correction across the items' Welch p-values, and the
/// response (per condition and as a rate of the intended respondents). With <c>minimumGroup</c> 5 (what management may
/// see) an item whose smaller group has fewer answers is not compared at all.
/// </summary>
public sealed record SurveyAnalysis(long RoundId, int Responses, double? ResponseRate, IReadOnlyDictionary<Condition, int> PerCondition, IReadOnlyList<AnalysedItem> Items)
{
    /// <summary>Below this many answers in a group, management sees no breakdown (respondents must never be identifiable).</summary>
    public const int ManagementMinimum = 5;

    public static SurveyAnalysis Analyse(Questionnaire questionnaire, MeasurementRound round, IReadOnlyList<SurveyResponse> responses, int minimumGroup)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(responses);
        var items = new List<AnalysedItem>();
        foreach (var item in questionnaire.Items.Where(i => i.IsChoice))
        {
            List<(double?, string?)> Answers(Condition condition) =>
                [.. responses.Where(r => r.Condition == condition).Select(r => (r.Values.GetValueOrDefault(item.Id), r.Texts.GetValueOrDefault(item.Id)))];
            var choices = new ChoiceComparison(ChoiceCounts.Of(item, "Getraind", Answers(Condition.Getraind)), ChoiceCounts.Of(item, "Niet getraind", Answers(Condition.Ongetraind)));
            items.Add(Math.Min(choices.A.Respondents, choices.B.Respondents) < minimumGroup
                ? new AnalysedItem(item, null, null, true)
                : new AnalysedItem(item, null, null, false) { Choices = choices });
        }

        foreach (var item in questionnaire.Items.Where(i => i.IsNumeric))
        {
            List<double?> Answers(Condition condition) =>
                [.. responses.Where(r => r.Condition == condition).Select(r => item.Scored(r.Values.GetValueOrDefault(item.Id)))];
            var trained = Answers(Condition.Getraind);
            var untrained = Answers(Condition.Ongetraind);
            var smaller = Math.Min(trained.Count(a => a is not null), untrained.Count(a => a is not null));
            if (smaller < minimumGroup)
            {
                items.Add(new AnalysedItem(item, null, null, true));
                continue;
            }

            var (min, max) = item.Bounds;
            items.Add(new AnalysedItem(item, ItemComparison.Compare(item.Text, "Getraind", trained, "Niet getraind", untrained, min, max, round.Sidedness), null, false));
        }

        items = [.. items.OrderBy(i => i.Item.Position)];
        var tested = items.Where(i => i.Comparison?.Welch is not null).ToList();
        var adjusted = StatisticalTests.Holm([.. tested.Select(i => i.Comparison!.Welch!.P)]);
        var holm = tested.Select((item, i) => (item, adjusted[i])).ToDictionary(x => x.item.Item.Id, x => x.Item2);
        items = [.. items.Select(i => holm.TryGetValue(i.Item.Id, out var p) ? i with { HolmP = p } : i)];
        var perCondition = Enum.GetValues<Condition>().ToDictionary(c => c, c => responses.Count(r => r.Condition == c));
        return new SurveyAnalysis(round.Id, responses.Count, round.Intended is { } intended ? (double)responses.Count / intended : null, perCondition, items);
    }
}

/// <summary>
/// One item of a round: a numeric item's comparison and its Holm-adjusted p, or a choice item's counts per group
/// (<see cref="Choices"/>); neither when <see cref="Suppressed"/> by the small-group rule.
/// </summary>
public sealed record AnalysedItem(QuestionnaireItem Item, ItemComparison? Comparison, double? HolmP, bool Suppressed)
{
    /// <summary>The counts and percentages per option and group of a choice item (null for other kinds).</summary>
    public ChoiceComparison? Choices { get; init; }
}
