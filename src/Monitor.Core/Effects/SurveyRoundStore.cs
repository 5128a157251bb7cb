using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Effects.Statistics;

namespace Monitor.Core.Effects;

/// <summary>
/// Measurement rounds of a questionnaire (voormeting, tussenmeting, nameting, follow-up) with their anonymous links per condition, and the
/// responses: from the web form (no login, no IP address, nothing identifying), typed in from a paper card, or imported.
/// Each write is one transaction; answers out of an item's range are refused whole.
/// </summary>
public sealed class SurveyRoundStore
{
    public const int NameMaxLength = 100;
    public const int OpenAnswerMaxLength = 2000;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public SurveyRoundStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>Adds a round to a questionnaire of the project; null when the questionnaire is not the project's.</summary>
    public async Task<long?> CreateAsync(long projectId, long questionnaireId, RoundDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ValidationError>();
        Checks.Required(errors, "name", draft.Name, NameMaxLength, "de naam van de ronde");
        if (draft.ClosesOn < draft.OpensOn)
        {
            errors.Add(new ValidationError("closesOn", "De ronde sluit voordat zij opent."));
        }

        if (draft.Intended is < 1 or > 1_000_000)
        {
            errors.Add(new ValidationError("intended", "Het beoogde aantal respondenten ligt tussen 1 en 1 000 000."));
        }

        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM questionnaires WHERE id = @q AND project_id = @p;", cancellationToken, ("@q", questionnaireId), ("@p", projectId)) is null)
        {
            return null;
        }

        var id = await connection.InsertAsync(transaction, """
            INSERT INTO measurement_rounds (questionnaire_id, name, measurement, opens_on, closes_on, intended, sidedness, created_at)
            VALUES (@q, @name, @measurement, @opens, @closes, @intended, @sidedness, @now) RETURNING id;
            """, cancellationToken, ("@q", questionnaireId), ("@name", draft.Name.Trim()), ("@measurement", draft.Measurement.ToCode()), ("@opens", draft.OpensOn.ToDbValue()),
            ("@closes", draft.ClosesOn.ToDbValue()), ("@intended", draft.Intended.ToDbValue()), ("@sidedness", draft.Sidedness.ToCode()), ("@now", Now()));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("surveyRound", id, projectId, new Dictionary<string, string?>
        {
            ["name"] = draft.Name.Trim(),
            ["measurement"] = draft.Measurement.ToCode(),
            ["sidedness"] = draft.Sidedness.ToCode(),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>The rounds of the project in order: by measurement (voormeting, tussenmeting, nameting, follow-up), then by opening date.</summary>
    public async Task<IReadOnlyList<MeasurementRound>> ListAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, """
            SELECT r.id, r.questionnaire_id, r.name, r.measurement, r.opens_on, r.closes_on, r.intended, r.sidedness,
                   (SELECT count(*) FROM survey_responses s WHERE s.round_id = r.id)
            FROM measurement_rounds r JOIN questionnaires q ON q.id = r.questionnaire_id WHERE q.project_id = @p
            ORDER BY CASE r.measurement WHEN 'voormeting' THEN 0 WHEN 'tussenmeting' THEN 1 WHEN 'nameting' THEN 2 ELSE 3 END, r.opens_on, r.id;
            """, reader => new MeasurementRound(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), Codes.Parse<Measurement>(reader.GetString(3)), reader.GetDate(4),
                reader.GetDate(5), reader.GetInt32OrNull(6), Codes.Parse<Sidedness>(reader.GetString(7)), reader.GetInt32(8)), cancellationToken, ("@p", projectId));
    }

    /// <summary>Makes the anonymous link of a round for one condition (an earlier one of the same condition is revoked); null when the round is not the project's.</summary>
    public async Task<string?> CreateLinkAsync(long projectId, long roundId, Condition condition, Actor actor, CancellationToken cancellationToken = default)
    {
        var token = SecretTokens.New("v_");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await RoundInProjectAsync(connection, transaction, projectId, roundId, cancellationToken))
        {
            return null;
        }

        await connection.ExecuteAsync(transaction, "UPDATE round_links SET revoked_at = @now WHERE round_id = @r AND condition = @c AND revoked_at IS NULL;", cancellationToken,
            ("@now", Now()), ("@r", roundId), ("@c", condition.ToCode()));
        var id = await connection.InsertAsync(transaction, "INSERT INTO round_links (round_id, condition, token_hash, created_at) VALUES (@r, @c, @hash, @now) RETURNING id;",
            cancellationToken, ("@r", roundId), ("@c", condition.ToCode()), ("@hash", SecretTokens.Hash(token)), ("@now", Now()));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("surveyLink", id, projectId, new Dictionary<string, string?> { ["condition"] = condition.ToCode() }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    /// <summary>What a round link opens (open: today lies within the round's dates); null for an unknown or revoked token.</summary>
    public async Task<RoundLinkContext?> OpenLinkAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var links = await connection.QueryAsync(transaction, """
            SELECT r.id, p.id, p.name, r.name, l.condition, q.id, r.opens_on, r.closes_on
            FROM round_links l JOIN measurement_rounds r ON r.id = l.round_id JOIN questionnaires q ON q.id = r.questionnaire_id JOIN projects p ON p.id = q.project_id
            WHERE l.token_hash = @hash AND l.revoked_at IS NULL;
            """, reader => (Round: reader.GetInt64(0), Project: reader.GetInt64(1), ProjectName: reader.GetString(2), RoundName: reader.GetString(3),
                Condition: Codes.Parse<Condition>(reader.GetString(4)), Questionnaire: reader.GetInt64(5), Opens: reader.GetDate(6), Closes: reader.GetDate(7)),
            cancellationToken, ("@hash", SecretTokens.Hash(token)));
        if (links is not [var link])
        {
            return null;
        }

        var questionnaire = (await QuestionnaireStore.ReadAsync(connection, transaction, link.Project, link.Questionnaire, cancellationToken)).Single();
        var today = DutchClock.Today(_time);
        return new RoundLinkContext(link.Round, link.ProjectName, link.RoundName, link.Condition, questionnaire, today >= link.Opens && today <= link.Closes);
    }

    /// <summary>Stores an answer through an open round link (source web; nothing identifying); null when the link is unknown, revoked or the round is closed.</summary>
    /// <exception cref="ValidationException">An answer outside its item's range, or no answer at all; nothing was written.</exception>
    public Task<long?> SubmitAsync(string token, IReadOnlyDictionary<long, string?> answers, CancellationToken cancellationToken = default) =>
        SubmitAsync(token, answers, null, cancellationToken);

    /// <summary>Stores an answer through an open round link with the respondent's personal code (only its salted hash is kept).</summary>
    /// <exception cref="ValidationException">As above, or the round asks for the personal code (<see cref="Linkage.SurveyLinkageStore"/>) and none was given.</exception>
    public async Task<long?> SubmitAsync(string token, IReadOnlyDictionary<long, string?> answers, Linkage.PersonalCode? code, CancellationToken cancellationToken = default)
    {
        if (await OpenLinkAsync(token, cancellationToken) is not { Open: true } link)
        {
            return null;
        }

        return await InsertAsync(link.RoundId, link.Condition, ResponseSource.Web, link.Questionnaire, answers, Actor.System, null, cancellationToken, code, codeRequired: true);
    }

    /// <summary>Types in a paper card (source papier; the condition from the card's colour); null when the round is not the project's.</summary>
    public Task<long?> AddPaperAsync(long projectId, long roundId, Condition condition, IReadOnlyDictionary<long, string?> answers, Actor actor, CancellationToken cancellationToken = default) =>
        AddPaperAsync(projectId, roundId, condition, answers, actor, null, cancellationToken);

    /// <summary>Types in a paper card with the personal code written on it (optional on paper), which links it like one given on the web form.</summary>
    public async Task<long?> AddPaperAsync(long projectId, long roundId, Condition condition, IReadOnlyDictionary<long, string?> answers, Actor actor, Linkage.PersonalCode? code,
        CancellationToken cancellationToken = default)
    {
        Questionnaire? questionnaire;
        await using (var connection = await _database.OpenAsync(cancellationToken))
        await using (var transaction = connection.BeginRead())
        {
            var questionnaireId = await connection.ScalarLongAsync(transaction, """
                SELECT q.id FROM measurement_rounds r JOIN questionnaires q ON q.id = r.questionnaire_id WHERE r.id = @r AND q.project_id = @p;
                """, cancellationToken, ("@r", roundId), ("@p", projectId));
            questionnaire = questionnaireId is { } q ? (await QuestionnaireStore.ReadAsync(connection, transaction, projectId, q, cancellationToken)).Single() : null;
        }

        return questionnaire is null ? null : await InsertAsync(roundId, condition, ResponseSource.Papier, questionnaire, answers, actor, projectId, cancellationToken, code, codeRequired: false);
    }

    /// <summary>The responses of a round of the project (empty when it is not the project's).</summary>
    public async Task<IReadOnlyList<SurveyResponse>> ResponsesAsync(long projectId, long roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        if (!await RoundInProjectAsync(connection, transaction, projectId, roundId, cancellationToken))
        {
            return [];
        }

        var answers = (await connection.QueryAsync(transaction, """
                SELECT a.response_id, a.item_id, a.value, a.text FROM survey_answers a JOIN survey_responses s ON s.id = a.response_id WHERE s.round_id = @r;
                """, reader => (Response: reader.GetInt64(0), Item: reader.GetInt64(1), Value: reader.IsDBNull(2) ? (double?)null : reader.GetDouble(2), Text: reader.GetStringOrNull(3)),
                cancellationToken, ("@r", roundId)))
            .ToLookup(a => a.Response);
        return await connection.QueryAsync(transaction, "SELECT id, condition, source FROM survey_responses WHERE round_id = @r ORDER BY id;", reader => new SurveyResponse(
            reader.GetInt64(0), Codes.Parse<Condition>(reader.GetString(1)), Codes.Parse<ResponseSource>(reader.GetString(2)),
            answers[reader.GetInt64(0)].ToDictionary(a => a.Item, a => a.Value),
            answers[reader.GetInt64(0)].Where(a => a.Text is not null).ToDictionary(a => a.Item, a => a.Text!)), cancellationToken, ("@r", roundId));
    }

    /// <summary>Checks every answer against its item and writes the response with its answers (and the respondent key of a personal code) in one transaction.</summary>
    private async Task<long> InsertAsync(long roundId, Condition condition, ResponseSource source, Questionnaire questionnaire, IReadOnlyDictionary<long, string?> answers,
        Actor actor, long? auditProjectId, CancellationToken cancellationToken, Linkage.PersonalCode? code = null, bool codeRequired = false)
    {
        var errors = new List<ValidationError>();
        var parsed = ParseAnswers(questionnaire, answers, errors);
        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var key = await Linkage.SurveyLinkageStore.KeyForCodeAsync(connection, transaction, questionnaire.ProjectId, roundId, code, codeRequired, cancellationToken);
        var id = await WriteAsync(connection, transaction, roundId, condition, source, parsed, key, actor, auditProjectId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>The answers checked against their items (Dutch messages added to <paramref name="errors"/>); at least one answer is needed.</summary>
    public static List<(long Item, double? Value, string? Text)> ParseAnswers(Questionnaire questionnaire, IReadOnlyDictionary<long, string?> answers, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var before = errors.Count;
        var parsed = new List<(long Item, double? Value, string? Text)>();
        foreach (var item in questionnaire.Items)
        {
            if (!answers.TryGetValue(item.Id, out var raw) || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var text = raw.Trim();
            switch (item.Kind)
            {
                case ItemKind.Open when text.Length > OpenAnswerMaxLength:
                    errors.Add(new ValidationError($"item{item.Id}", $"Het antwoord op vraag {item.Position} is te lang: {text.Length} tekens, hooguit {OpenAnswerMaxLength}."));
                    break;
                case ItemKind.Open:
                    parsed.Add((item.Id, null, text));
                    break;
                case ItemKind.JaNeeWeetNiet:
                    double? yesNo = text switch { "ja" => 1, "nee" => 0, "weetniet" => 2, _ => null };
                    if (yesNo is null)
                    {
                        errors.Add(new ValidationError($"item{item.Id}", $"Kies bij vraag {item.Position} ja, nee of weet niet."));
                    }
                    else
                    {
                        parsed.Add((item.Id, yesNo, null));
                    }

                    break;
                case ItemKind.Getal:
                    if (!Checks.TryParseNumber(text, out var amount))
                    {
                        errors.Add(new ValidationError($"item{item.Id}", $"Het antwoord op vraag {item.Position} is geen getal ('{Shorten(text)}')."));
                    }
                    else if (amount < (item.Minimum ?? double.NegativeInfinity) || amount > (item.Maximum ?? double.PositiveInfinity))
                    {
                        errors.Add(new ValidationError($"item{item.Id}", $"Het antwoord op vraag {item.Position} moet {Range(item)} liggen."));
                    }
                    else
                    {
                        parsed.Add((item.Id, amount, null));
                    }

                    break;
                case ItemKind.EnkeleKeuze:
                    if (Choice(item, text) is { } position)
                    {
                        parsed.Add((item.Id, position, null));
                    }
                    else
                    {
                        errors.Add(new ValidationError($"item{item.Id}", $"Kies bij vraag {item.Position} één van de {item.Options.Count} keuzes ('{Shorten(text)}' is er geen)."));
                    }

                    break;
                case ItemKind.MeerdereKeuzes:
                    var ticked = new SortedSet<int>();
                    foreach (var part in Ticks(text))
                    {
                        if (Choice(item, part) is { } tick)
                        {
                            ticked.Add(tick);
                        }
                        else
                        {
                            errors.Add(new ValidationError($"item{item.Id}", $"Bij vraag {item.Position} is '{Shorten(part)}' geen van de {item.Options.Count} keuzes."));
                            ticked.Clear();
                            break;
                        }
                    }

                    if (ticked.Count > 0)
                    {
                        // one answer per item: the ticked positions in the text, "1;3" (no value: the options are not a scale)
                        parsed.Add((item.Id, null, string.Join(';', ticked)));
                    }

                    break;
                default:
                    var (min, max) = item.Scale!.Value;
                    if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
                    {
                        parsed.Add((item.Id, number, null));
                    }
                    else
                    {
                        errors.Add(new ValidationError($"item{item.Id}", $"Het antwoord op vraag {item.Position} moet een geheel getal van {min} tot en met {max} zijn."));
                    }

                    break;
            }
        }

        if (parsed.Count == 0 && errors.Count == before)
        {
            errors.Add(new ValidationError("answers", "Beantwoord minstens één vraag."));
        }

        return parsed;
    }

    /// <summary>An option by its position (1..k, how the forms send it) or else by its text (case ignored, how exports hold it); null when neither.</summary>
    public static int? Choice(QuestionnaireItem item, string text)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return position >= 1 && position <= item.Options.Count ? position : null;
        }

        var index = item.Options.ToList().FindIndex(o => string.Equals(o, trimmed, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index + 1 : null;
    }

    /// <summary>
    /// The ticked options of a multiple-choice answer: separated by ";" ("waaier; folder", "1;3"), and numbers also by ","
    /// (a form with several ticked boxes sends "1,3").
    /// </summary>
    public static IReadOnlyList<string> Ticks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var numbers = part.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (numbers.Length > 1 && numbers.All(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                parts.AddRange(numbers);
            }
            else
            {
                parts.Add(part);
            }
        }

        return parts;
    }

    /// <summary>The positions ticked in a stored multiple-choice answer ("1;3").</summary>
    public static IReadOnlySet<int> Ticked(string? stored) =>
        (stored ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0).ToHashSet();

    private static string Range(QuestionnaireItem item)
    {
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        return (item.Minimum, item.Maximum) switch
        {
            ({ } min, { } max) => $"tussen {min.ToString(nl)} en {max.ToString(nl)}",
            ({ } min, null) => $"op of boven {min.ToString(nl)}",
            (null, { } max) => $"op of onder {max.ToString(nl)}",
            _ => "binnen de grenzen",
        };
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>Writes one checked response in the caller's transaction (dated to the day only; <paramref name="respondentKey"/> links it across rounds).</summary>
    /// <exception cref="ValidationException">The respondent key already answered this round.</exception>
    internal async Task<long> WriteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long roundId, Condition condition,
        ResponseSource source, IReadOnlyList<(long Item, double? Value, string? Text)> parsed, string? respondentKey, Actor actor, long? auditProjectId, CancellationToken cancellationToken)
    {
        if (respondentKey is not null && await connection.ScalarLongAsync(transaction, "SELECT 1 FROM survey_responses WHERE round_id = @r AND respondent_key = @k;", cancellationToken,
                ("@r", roundId), ("@k", respondentKey)) is not null)
        {
            throw new ValidationException([new ValidationError("code", "Met deze persoonlijke code is in deze ronde al geantwoord.")]);
        }

        // the moment is kept to the day only: a time stamp could tie an answer to a person
        var id = await connection.InsertAsync(transaction, "INSERT INTO survey_responses (round_id, condition, source, created_at, respondent_key) VALUES (@r, @c, @s, @day, @key) RETURNING id;",
            cancellationToken, ("@r", roundId), ("@c", condition.ToCode()), ("@s", source.ToCode()), ("@day", DutchClock.Today(_time).ToDbValue()), ("@key", respondentKey.ToDbValue()));
        foreach (var (item, value, text) in parsed)
        {
            await connection.ExecuteAsync(transaction, "INSERT INTO survey_answers (response_id, item_id, value, text) VALUES (@response, @item, @value, @text);", cancellationToken,
                ("@response", id), ("@item", item), ("@value", value is { } v ? v : DBNull.Value), ("@text", text.ToDbValue()));
        }

        if (auditProjectId is { } projectId)
        {
            await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("surveyResponse", id, projectId, new Dictionary<string, string?>
            {
                ["source"] = source.ToCode(),
                ["condition"] = condition.ToCode(),
                ["answers"] = parsed.Count.ToString(CultureInfo.InvariantCulture),
            }), cancellationToken);
        }

        return id;
    }

    /// <summary>Whether the round belongs to a questionnaire of the project.</summary>
    internal static async Task<bool> RoundInProjectAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long projectId, long roundId, CancellationToken cancellationToken) =>
        await connection.ScalarLongAsync(transaction, """
            SELECT 1 FROM measurement_rounds r JOIN questionnaires q ON q.id = r.questionnaire_id WHERE r.id = @r AND q.project_id = @p;
            """, cancellationToken, ("@r", roundId), ("@p", projectId)) is not null;

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
