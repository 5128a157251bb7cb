using Monitor.Core.Charts;
using Monitor.Core.Frameworks;

namespace Monitor.Core.Effects;

/// <summary>
/// A MIDI survey round classified per determinant (<see cref="MidiSurvey.Classify"/>, the survey's thresholds) for one
/// group of respondents (all, or one condition), with the project phase on the round's opening date. A yes/no/don't-know
/// item counts "nee" and "weet niet" as negative and "ja" as positive (domain.md §1.4 suggests this; not a source's rule);
/// the percentage item (descriptive norm) is asked as open text and not classified.
/// </summary>
public sealed record MidiRoundProfile(long RoundId, string RoundName, DateOnly OpensOn, int? Phase, Condition? Condition, int Responses, IReadOnlyList<MidiDeterminantResult> Determinants)
{
    public static MidiRoundProfile Of(MidiSurveyInfo survey, Questionnaire questionnaire, MeasurementRound round, IReadOnlyList<SurveyResponse> responses,
        Condition? condition, int? phase, IReadOnlyDictionary<int, string> names)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(names);
        var group = responses.Where(r => condition is null || r.Condition == condition).ToList();
        var results = new List<MidiDeterminantResult>();
        foreach (var item in questionnaire.Items)
        {
            if (!survey.Determinants.TryGetValue(item.Id, out var number) || item.Kind is not (ItemKind.Likert5 or ItemKind.JaNeeWeetNiet))
            {
                continue;
            }

            var answers = group.Select(r => r.Values.GetValueOrDefault(item.Id) is { } v ? (int?)(item.Kind == ItemKind.JaNeeWeetNiet ? (v == 1 ? 5 : 1) : (int)v) : null).ToList();
            results.Add(new MidiDeterminantResult(number, names.GetValueOrDefault(number, $"determinant {number}"), item.Section, item.Id,
                MidiSurvey.Classify(answers, item.Kind == ItemKind.Likert5 && item.ReverseScored, survey.Thresholds)));
        }

        return new MidiRoundProfile(round.Id, round.Name, round.OpensOn, phase, condition, group.Count, [.. results.OrderBy(r => r.Determinant)]);
    }

    /// <summary>The profile as a chart: per determinant (under its MIDI group) the share negative left and positive right, with the thresholds.</summary>
    public ProfileChartSpec Chart(MidiThresholds thresholds, string id, string title)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return new ProfileChartSpec
        {
            Id = id,
            Title = title,
            Description = $"Per MIDI-determinant het deel van de respondenten dat negatief antwoordde (links; belemmerend vanaf {LikertChartSpec.Percent(thresholds.Barrier)} %) " +
                $"en dat positief antwoordde (rechts; bevorderend vanaf {LikertChartSpec.Percent(thresholds.Facilitator)} %), na omscoren.",
            LeftThreshold = thresholds.Barrier,
            RightThreshold = thresholds.Facilitator,
            Items = [.. Determinants.Where(d => d.Verdict.N > 0).Select(d => new ProfileItem($"{d.Determinant}. {d.Name}", d.Group, d.Verdict.N, d.Verdict.NegativeShare, d.Verdict.PositiveShare,
                OutcomeText(d.Verdict.Outcome)))],
        };
    }

    public static string OutcomeText(MidiOutcome outcome) => outcome switch
    {
        MidiOutcome.Belemmerend => "belemmerend",
        MidiOutcome.Bevorderend => "bevorderend",
        MidiOutcome.Neutraal => "neutraal",
        _ => "geen antwoorden",
    };

    /// <summary>The determinants' names by number, for the profiles.</summary>
    public static IReadOnlyDictionary<int, string> Names(IEnumerable<MidiGroup> groups) =>
        groups.SelectMany(g => g.Determinants).ToDictionary(d => d.Number, d => d.NameNl);
}

/// <summary>One determinant in a round: its number, name, MIDI group, the item asking it and the verdict.</summary>
public sealed record MidiDeterminantResult(int Determinant, string Name, string Group, long ItemId, MidiVerdict Verdict);
