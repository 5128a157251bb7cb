namespace Monitor.Core.Effects;

/// <summary>
/// The effect measurement of a project for a report, which reaches management: every round that opened by the report's
/// date with its analysis under the small-group rule (<see cref="SurveyAnalysis.ManagementMinimum"/>).
/// </summary>
public sealed class EffectReader
{
    private readonly QuestionnaireStore _questionnaires;
    private readonly SurveyRoundStore _rounds;

    public EffectReader(QuestionnaireStore questionnaires, SurveyRoundStore rounds)
    {
        _questionnaires = questionnaires;
        _rounds = rounds;
    }

    public async Task<IReadOnlyList<(Questionnaire Questionnaire, MeasurementRound Round, SurveyAnalysis Analysis)>> ReadAsync(long projectId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var questionnaires = await _questionnaires.ListAsync(projectId, cancellationToken);
        var result = new List<(Questionnaire, MeasurementRound, SurveyAnalysis)>();
        foreach (var round in (await _rounds.ListAsync(projectId, cancellationToken)).Where(r => r.OpensOn <= asOf))
        {
            var questionnaire = questionnaires.Single(q => q.Id == round.QuestionnaireId);
            result.Add((questionnaire, round, SurveyAnalysis.Analyse(questionnaire, round, await _rounds.ResponsesAsync(projectId, round.Id, cancellationToken), SurveyAnalysis.ManagementMinimum)));
        }

        return result;
    }
}
