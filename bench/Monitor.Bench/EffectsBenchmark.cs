using Monitor.Core.Effects;
using Monitor.Core.Effects.Statistics;

namespace Monitor.Bench;

/// <summary>
/// The effect measurement's analysis (#18): 10 000 synthetic responses (half trained, half untrained) × 40 five-point
/// Likert items (every fifth reverse-scored, 2 % missing), analysed with every comparison — per item the descriptives of
/// both groups, Welch's t, Mann-Whitney U, Cohen's d with its confidence interval — and Holm across the items.
/// </summary>
internal static class EffectsBenchmark
{
    private const int Responses = 10_000;
    private const int Items = 40;

    public static int Run()
    {
        var random = new Random(20221231);
        var items = Enumerable.Range(1, Items).Select(i => new QuestionnaireItem(i, i, "", $"Vraag {i}", ItemKind.Likert5, i % 5 == 0)).ToList();
        var questionnaire = new Questionnaire(1, 1, "Benchmark", TargetGroup.Professionals, items);
        var round = new MeasurementRound(1, 1, "Nameting", Monitor.Core.Effects.Measurement.Nameting, new DateOnly(2022, 7, 1), new DateOnly(2022, 7, 31), Responses, Sidedness.Groter, Responses);
        var responses = new List<SurveyResponse>(Responses);
        for (var r = 0; r < Responses; r++)
        {
            var condition = r % 2 == 0 ? Condition.Getraind : Condition.Ongetraind;
            var shift = condition == Condition.Getraind ? 0.3 : 0;
            var values = items.ToDictionary(i => i.Id, _ => random.NextDouble() < 0.02 ? (double?)null : Math.Clamp(Math.Round(3 + shift + (random.NextDouble() * 4) - 2), 1, 5));
            responses.Add(new SurveyResponse(r + 1, condition, ResponseSource.Web, values, new Dictionary<long, string>()));
        }

        Console.WriteLine($"effects: {Responses} responses × {Items} items, 2 groups, Welch + Mann-Whitney + Cohen's d (CI) per item, Holm across items");
        SurveyAnalysis? analysis = null;
        Measurement.Time("SurveyAnalysis.Analyse", runs: 5, () => analysis = SurveyAnalysis.Analyse(questionnaire, round, responses, minimumGroup: 1));

        var first = analysis!.Items[0].Comparison!;
        Console.WriteLine($"  item 1: n {first.A.N}/{first.B.N}, Welch t {first.Welch!.Statistic:F2} (p {first.Welch.P:G3}), W {first.MannWhitney!.Statistic:F0} (p {first.MannWhitney.P:G3}), " +
            $"d {first.Effect!.D:F2} [{first.Effect.Lower:F2}; {first.Effect.Upper:F2}], Holm p {analysis.Items[0].HolmP:G3}");
        return 0;
    }
}
