using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Frameworks;
using Monitor.Core.Projects;

namespace Monitor.Core.Effects;

/// <summary>
/// The MIDI survey of a project: a questionnaire whose items ask the 29 determinants' questions from the reference data
/// ("[innovatie]" replaced by the project's innovation; the wordings are paraphrases, see <see cref="MidiDeterminant.QuestionVerified"/>),
/// one section per MIDI group, with the thresholds that make a determinant a barrier or a facilitator. Created in one
/// transaction with the questionnaire; its rounds are ordinary measurement rounds.
/// </summary>
public sealed class MidiSurveyStore
{
    private readonly MonitorDatabase _database;
    private readonly QuestionnaireStore _questionnaires;
    private readonly FrameworkStore _frameworks;
    private readonly ProjectStore _projects;

    public MidiSurveyStore(MonitorDatabase database, QuestionnaireStore questionnaires, FrameworkStore frameworks, ProjectStore projects)
    {
        _database = database;
        _questionnaires = questionnaires;
        _frameworks = frameworks;
        _projects = projects;
    }

    /// <summary>Creates the MIDI questionnaire for a target group; null when there is no such project.</summary>
    /// <exception cref="ValidationException">No title, a title in use, or a threshold outside 1–100 %; nothing was written.</exception>
    public async Task<long?> CreateAsync(long projectId, string title, TargetGroup targetGroup, MidiThresholds thresholds, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var errors = new List<ValidationError>();
        if (thresholds.Barrier is <= 0 or > 1 || !double.IsFinite(thresholds.Barrier))
        {
            errors.Add(new ValidationError("barrier", "De grens voor belemmerend ligt tussen 1 en 100 %."));
        }

        if (thresholds.Facilitator is <= 0 or > 1 || !double.IsFinite(thresholds.Facilitator))
        {
            errors.Add(new ValidationError("facilitator", "De grens voor bevorderend ligt tussen 1 en 100 %."));
        }

        Checks.ThrowIfAny(errors);
        if (await _projects.FindAsync(projectId, cancellationToken) is not { } project)
        {
            return null;
        }

        var groups = await _frameworks.ListMidiGroupsAsync(cancellationToken);
        var determinants = groups.SelectMany(g => g.Determinants.Select(d => (Determinant: d, Group: g.NameNl))).OrderBy(d => d.Determinant.Number).ToList();
        var drafts = determinants.Select(d => Item(d.Determinant, d.Group, project.Innovation)).ToList();
        return await _questionnaires.CreateAsync(projectId, title, targetGroup, drafts, actor, async (connection, transaction, questionnaireId) =>
        {
            await connection.ExecuteAsync(transaction, "INSERT INTO midi_surveys (questionnaire_id, barrier_threshold, facilitator_threshold) VALUES (@q, @b, @f);",
                cancellationToken, ("@q", questionnaireId), ("@b", thresholds.Barrier), ("@f", thresholds.Facilitator));
            var items = await connection.QueryAsync(transaction, "SELECT id FROM questionnaire_items WHERE questionnaire_id = @q ORDER BY position;",
                reader => reader.GetInt64(0), cancellationToken, ("@q", questionnaireId));
            foreach (var (item, i) in items.Select((item, i) => (item, i)))
            {
                await connection.ExecuteAsync(transaction, "INSERT INTO midi_survey_items (item_id, determinant) VALUES (@i, @d);", cancellationToken,
                    ("@i", item), ("@d", determinants[i].Determinant.Number));
            }
        }, cancellationToken);
    }

    /// <summary>The project's MIDI surveys: per questionnaire its thresholds and the determinant of each item.</summary>
    public async Task<IReadOnlyList<MidiSurveyInfo>> ListAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var items = (await connection.QueryAsync(transaction, """
                SELECT i.questionnaire_id, m.item_id, m.determinant FROM midi_survey_items m JOIN questionnaire_items i ON i.id = m.item_id
                JOIN questionnaires q ON q.id = i.questionnaire_id WHERE q.project_id = @p;
                """, reader => (Questionnaire: reader.GetInt64(0), Item: reader.GetInt64(1), Determinant: reader.GetInt32(2)), cancellationToken, ("@p", projectId)))
            .ToLookup(i => i.Questionnaire);
        return await connection.QueryAsync(transaction, """
            SELECT s.questionnaire_id, s.barrier_threshold, s.facilitator_threshold FROM midi_surveys s JOIN questionnaires q ON q.id = s.questionnaire_id
            WHERE q.project_id = @p ORDER BY q.title;
            """, reader => new MidiSurveyInfo(reader.GetInt64(0), new MidiThresholds(reader.GetDouble(1), reader.GetDouble(2)),
                items[reader.GetInt64(0)].ToDictionary(i => i.Item, i => i.Determinant)), cancellationToken, ("@p", projectId));
    }

    /// <summary>The item of a determinant: its guiding question for this innovation, on its own scale (a percentage is asked as open text: no rule classifies it).</summary>
    private static ItemDraft Item(MidiDeterminant determinant, string group, string innovation)
    {
        var text = determinant.GuidingQuestionNl.Replace("[Innovatie]", innovation, StringComparison.Ordinal).Replace("[innovatie]", innovation, StringComparison.Ordinal);
        return determinant.AnswerScale switch
        {
            "yes_no_unknown" => new ItemDraft(text, ItemKind.JaNeeWeetNiet, false, group),
            "percentage" => new ItemDraft(text + " (antwoord in procenten, 0–100)", ItemKind.Open, false, group),
            _ => new ItemDraft(text, ItemKind.Likert5, determinant.ReverseScored, group),
        };
    }
}

/// <summary>A MIDI survey: its questionnaire, thresholds, and per item id the determinant's number.</summary>
public sealed record MidiSurveyInfo(long QuestionnaireId, MidiThresholds Thresholds, IReadOnlyDictionary<long, int> Determinants);
