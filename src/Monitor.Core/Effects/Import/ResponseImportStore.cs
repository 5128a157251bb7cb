using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Effects.Linkage;

namespace Monitor.Core.Effects.Import;

/// <summary>The outcome of an import: how many responses were written and which rows were not taken, with why.</summary>
public sealed record ImportReport(int Imported, IReadOnlyList<RefusedRow> Refused);

/// <summary>
/// Imports the responses of another survey tool's export into a round (source import): the rows that pass are written
/// in one transaction — all or none when the database refuses anything — and the others are reported with their row
/// number and reason. A personal code links like one given on the web form; a code that already answered the round is refused.
/// </summary>
public sealed class ResponseImportStore
{
    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly SurveyRoundStore _rounds;
    private readonly QuestionnaireStore _questionnaires;

    public ResponseImportStore(MonitorDatabase database, AuditStore audit, SurveyRoundStore rounds, QuestionnaireStore questionnaires)
    {
        _database = database;
        _audit = audit;
        _rounds = rounds;
        _questionnaires = questionnaires;
    }

    /// <summary>The questionnaire of a round of the project; null when the round is not the project's.</summary>
    public async Task<Questionnaire?> QuestionnaireOfAsync(long projectId, long roundId, CancellationToken cancellationToken = default)
    {
        var round = (await _rounds.ListAsync(projectId, cancellationToken)).SingleOrDefault(r => r.Id == roundId);
        return round is null ? null : (await _questionnaires.ListAsync(projectId, cancellationToken)).Single(q => q.Id == round.QuestionnaireId);
    }

    /// <summary>Imports the rows that pass; null when the round is not the project's.</summary>
    /// <exception cref="ValidationException">The mapping is wrong, or no row can be taken; nothing was written.</exception>
    public async Task<ImportReport?> ImportAsync(long projectId, long roundId, ResponseTable table, ImportMapping mapping, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await QuestionnaireOfAsync(projectId, roundId, cancellationToken) is not { } questionnaire)
        {
            return null;
        }

        var plan = ResponseImport.Prepare(questionnaire, table, mapping);
        var refused = plan.Refused.ToList();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var written = 0;
        foreach (var response in plan.Taken)
        {
            var key = await SurveyLinkageStore.KeyForCodeAsync(connection, transaction, projectId, roundId, response.Code, required: false, cancellationToken);
            if (key is not null && await connection.ScalarLongAsync(transaction, "SELECT 1 FROM survey_responses WHERE round_id = @r AND respondent_key = @k;", cancellationToken,
                    ("@r", roundId), ("@k", key)) is not null)
            {
                refused.Add(new RefusedRow(response.Row, string.Create(CultureInfo.InvariantCulture, $"Rij {response.Row}: met deze persoonlijke code is in deze ronde al geantwoord.")));
                continue;
            }

            await _rounds.WriteAsync(connection, transaction, roundId, response.Condition, ResponseSource.Import, response.Parsed, key, actor, null, cancellationToken);
            written++;
        }

        if (written == 0)
        {
            throw new ValidationException([.. refused.OrderBy(r => r.Row).Take(20).Select(r => new ValidationError("rows", r.Reason)).Prepend(new ValidationError("rows", "Geen enkele rij kon worden ingelezen."))]);
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("surveyImport", roundId, projectId, new Dictionary<string, string?>
        {
            ["imported"] = written.ToString(CultureInfo.InvariantCulture),
            ["refused"] = refused.Count.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportReport(written, [.. refused.OrderBy(r => r.Row)]);
    }
}
