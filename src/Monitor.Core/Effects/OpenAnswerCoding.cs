using System.Globalization;
using Monitor.Core.Coding;
using Monitor.Core.Coding.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Effects;

/// <summary>
/// Makes the open answers of a closed round codable (seed 000: one researcher themes them, a second checks): per open
/// item with answers one coding document (source type vragenlijst) with one paragraph per answer, in the order stored and
/// without anything about the respondent, so the coding machinery's blind rounds and agreement apply as for minutes.
/// The document's GUID derives from the round and item, so a second call adds nothing.
/// </summary>
public sealed class OpenAnswerCoding
{
    private readonly MonitorDatabase _database;
    private readonly QuestionnaireStore _questionnaires;
    private readonly SurveyRoundStore _rounds;
    private readonly CodingDocumentStore _documents;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public OpenAnswerCoding(MonitorDatabase database, QuestionnaireStore questionnaires, SurveyRoundStore rounds, CodingDocumentStore documents, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _questionnaires = questionnaires;
        _rounds = rounds;
        _documents = documents;
        _audit = audit;
        _time = time;
    }

    /// <summary>The GUID of the coding document of one open item in one round.</summary>
    public static Guid DocumentGuid(long roundId, long itemId) =>
        StableGuid.From(string.Create(CultureInfo.InvariantCulture, $"survey-round-{roundId}-item-{itemId}"));

    /// <summary>Creates the missing coding documents of a round's open items; the ids of the documents made now (empty when all exist). Null when the round is not the project's.</summary>
    /// <exception cref="ValidationException">The round has not closed yet (answers may still come), or has no open answers.</exception>
    public async Task<IReadOnlyList<long>?> CreateDocumentsAsync(long projectId, long roundId, Actor actor, CancellationToken cancellationToken = default)
    {
        var round = (await _rounds.ListAsync(projectId, cancellationToken)).SingleOrDefault(r => r.Id == roundId);
        if (round is null)
        {
            return null;
        }

        if (round.ClosesOn >= DutchClock.Today(_time))
        {
            throw new ValidationException([new ValidationError("roundId", $"De ronde '{round.Name}' is nog open tot en met {round.ClosesOn:yyyy-MM-dd}; codeer de open antwoorden als zij gesloten is.")]);
        }

        var questionnaire = (await _questionnaires.ListAsync(projectId, cancellationToken)).Single(q => q.Id == round.QuestionnaireId);
        var responses = await _rounds.ResponsesAsync(projectId, roundId, cancellationToken);
        var documents = questionnaire.Items.Where(i => i.Kind == ItemKind.Open)
            .Select(item => (Item: item, Answers: responses.Select(r => r.Texts.GetValueOrDefault(item.Id)).OfType<string>().Select(TextNormalizer.Normalize)
                .Select(t => t.Trim()).Where(t => t.Length > 0).ToList()))
            .Where(d => d.Answers.Count > 0).ToList();
        if (documents.Count == 0)
        {
            throw new ValidationException([new ValidationError("roundId", $"De ronde '{round.Name}' heeft geen antwoorden op open vragen.")]);
        }

        var made = new List<long>();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        foreach (var (item, answers) in documents)
        {
            var guid = DocumentGuid(roundId, item.Id);
            if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM coding_documents WHERE project_id = @p AND guid = @g;", cancellationToken,
                    ("@p", projectId), ("@g", guid.ToString())) is not null)
            {
                continue;
            }

            var text = string.Join("\n\n", answers);
            if (CodePoints.Length(text) > DocumentText.MaxCodePoints)
            {
                throw new ValidationException([new ValidationError("roundId", $"De open antwoorden op vraag {item.Position} zijn samen te lang: hoogstens {DocumentText.MaxCodePoints} tekens.")]);
            }

            var title = $"Open antwoorden {round.Name} · {questionnaire.Title} · vraag {item.Position}: {item.Text}";
            var id = await _documents.InsertUploadAsync(connection, transaction, projectId, title, "vragenlijst", $"ronde-{roundId}-vraag-{item.Position}.txt", text, guid,
                round.ClosesOn, actor.Name, cancellationToken);
            await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("codingDocument", id, projectId, new Dictionary<string, string?>
            {
                ["surveyRound"] = roundId.ToString(CultureInfo.InvariantCulture),
                ["item"] = item.Position.ToString(CultureInfo.InvariantCulture),
                ["answers"] = answers.Count.ToString(CultureInfo.InvariantCulture),
            }), cancellationToken);
            made.Add(id);
        }

        await transaction.CommitAsync(cancellationToken);
        return made;
    }
}
