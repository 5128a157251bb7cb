using Monitor.Core.Effects.Linkage;

namespace Monitor.Core.Effects;

/// <summary>
/// The effect measurement of a project for a report, which reaches management: every round that opened by the report's
/// date with its analysis under the small-group rule (<see cref="SurveyAnalysis.ManagementMinimum"/>) — MIDI surveys left
/// out, they have their own profile (<see cref="MidiReader"/>) — and per
/// questionnaire the paired analysis of its default pair (first voormeting → last nameting) under the same rule.
/// </summary>
public sealed class EffectReader
{
    private readonly QuestionnaireStore _questionnaires;
    private readonly SurveyRoundStore _rounds;
    private readonly SurveyLinkageStore _linkage;
    private readonly MidiSurveyStore _midi;

    public EffectReader(QuestionnaireStore questionnaires, SurveyRoundStore rounds, SurveyLinkageStore linkage, MidiSurveyStore midi)
    {
        _questionnaires = questionnaires;
        _rounds = rounds;
        _linkage = linkage;
        _midi = midi;
    }

    public async Task<IReadOnlyList<(Questionnaire Questionnaire, MeasurementRound Round, SurveyAnalysis Analysis)>> ReadAsync(long projectId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var questionnaires = await _questionnaires.ListAsync(projectId, cancellationToken);
        var midi = (await _midi.ListAsync(projectId, cancellationToken)).Select(m => m.QuestionnaireId).ToHashSet();
        var result = new List<(Questionnaire, MeasurementRound, SurveyAnalysis)>();
        foreach (var round in (await _rounds.ListAsync(projectId, cancellationToken)).Where(r => r.OpensOn <= asOf && !midi.Contains(r.QuestionnaireId)))
        {
            var questionnaire = questionnaires.Single(q => q.Id == round.QuestionnaireId);
            result.Add((questionnaire, round, SurveyAnalysis.Analyse(questionnaire, round, await _rounds.ResponsesAsync(projectId, round.Id, cancellationToken), SurveyAnalysis.ManagementMinimum)));
        }

        return result;
    }

    /// <summary>Per questionnaire with two rounds opened by <paramref name="asOf"/> the paired analysis of its default pair (only when any pair is linked).</summary>
    public async Task<IReadOnlyList<(Questionnaire Questionnaire, MeasurementRound From, MeasurementRound To, PairedAnalysis Analysis)>> PairsAsync(long projectId, DateOnly asOf,
        CancellationToken cancellationToken = default)
    {
        var questionnaires = await _questionnaires.ListAsync(projectId, cancellationToken);
        var rounds = (await _rounds.ListAsync(projectId, cancellationToken)).Where(r => r.OpensOn <= asOf).ToList();
        var result = new List<(Questionnaire, MeasurementRound, MeasurementRound, PairedAnalysis)>();
        foreach (var questionnaire in questionnaires)
        {
            if (SurveyLinkageStore.DefaultPair(rounds, questionnaire.Id) is { } pair
                && await _linkage.PairAsync(projectId, pair.From.Id, pair.To.Id, SurveyAnalysis.ManagementMinimum, cancellationToken) is { Pairs: > 0 } analysis)
            {
                result.Add((questionnaire, pair.From, pair.To, analysis));
            }
        }

        return result;
    }
}
