using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Effects.Linkage;

/// <summary>A personal invitation link made for one professional of the register (the token is shown once).</summary>
public sealed record Invitation(RegisterEntry Invitee, string Token);

/// <summary>What a personal invitation link opens: the round as its form shows it (condition from the register), and whether it was used already.</summary>
public sealed record InvitationContext(RoundLinkContext Round, bool Answered);

/// <summary>
/// Pre/post linkage of a project's rounds: whether a round's anonymous form asks for the personal code, personal
/// invitation links per professional of the training register (one answer each; a later round's invitation gives the same
/// respondent key, so pre and post link), and the paired analysis of two rounds with its linkage rate.
/// </summary>
public sealed class SurveyLinkageStore
{
    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;
    private readonly SurveyRoundStore _rounds;
    private readonly QuestionnaireStore _questionnaires;

    public SurveyLinkageStore(MonitorDatabase database, AuditStore audit, TimeProvider time, SurveyRoundStore rounds, QuestionnaireStore questionnaires)
    {
        _database = database;
        _audit = audit;
        _time = time;
        _rounds = rounds;
        _questionnaires = questionnaires;
    }

    /// <summary>Turns the personal code question on or off for a round's anonymous form; false when the round is not the project's.</summary>
    public async Task<bool> SetPersonalCodeAsync(long projectId, long roundId, bool asks, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await SurveyRoundStore.RoundInProjectAsync(connection, transaction, projectId, roundId, cancellationToken))
        {
            return false;
        }

        await connection.ExecuteAsync(transaction, asks ? "INSERT INTO round_personal_code (round_id) VALUES (@r) ON CONFLICT DO NOTHING;" : "DELETE FROM round_personal_code WHERE round_id = @r;",
            cancellationToken, ("@r", roundId));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("surveyRoundPersonalCode", roundId, projectId, new Dictionary<string, string?>
        {
            ["asksPersonalCode"] = asks ? "ja" : "nee",
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The rounds of the project whose form asks for the personal code.</summary>
    public async Task<IReadOnlySet<long>> RoundsAskingCodeAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync(null, """
            SELECT c.round_id FROM round_personal_code c JOIN measurement_rounds r ON r.id = c.round_id JOIN questionnaires q ON q.id = r.questionnaire_id WHERE q.project_id = @p;
            """, reader => reader.GetInt64(0), cancellationToken, ("@p", projectId))).ToHashSet();
    }

    /// <summary>Whether the form of this round asks for the personal code.</summary>
    public async Task<bool> AsksPersonalCodeAsync(long roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ScalarLongAsync(null, "SELECT 1 FROM round_personal_code WHERE round_id = @r;", cancellationToken, ("@r", roundId)) is not null;
    }

    /// <summary>
    /// Makes a personal link for every professional of the register for this round (an unused earlier link is replaced; one
    /// already answered is left alone and not listed); null when the round is not the project's.
    /// </summary>
    /// <exception cref="ValidationException">The register is empty.</exception>
    public async Task<IReadOnlyList<Invitation>?> CreateInvitationsAsync(long projectId, long roundId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await SurveyRoundStore.RoundInProjectAsync(connection, transaction, projectId, roundId, cancellationToken))
        {
            return null;
        }

        var register = await TrainingRegisterStore.ReadAsync(connection, transaction, projectId, roundId, cancellationToken);
        if (register.Count == 0)
        {
            throw new ValidationException([new ValidationError("register", "Er is niemand om uit te nodigen: het trainingsregister is leeg of iedereen heeft deze ronde al beantwoord.")]);
        }

        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var invitations = new List<Invitation>();
        foreach (var entry in register)
        {
            var token = SecretTokens.New("u_");
            await connection.ExecuteAsync(transaction, """
                INSERT INTO round_invitations (round_id, register_id, token_hash, created_at) VALUES (@r, @t, @hash, @now)
                ON CONFLICT (round_id, register_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at;
                """, cancellationToken, ("@r", roundId), ("@t", entry.Id), ("@hash", SecretTokens.Hash(token)), ("@now", now));
            invitations.Add(new Invitation(entry, token));
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("surveyInvitations", roundId, projectId, new Dictionary<string, string?>
        {
            ["invitations"] = invitations.Count.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return invitations;
    }

    /// <summary>What a personal invitation opens; null for an unknown token.</summary>
    public async Task<InvitationContext?> OpenInvitationAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        return (await FindInvitationAsync(connection, transaction, token, cancellationToken))?.Context;
    }

    /// <summary>
    /// Stores the answer of a personal invitation (source web; condition from the register; the invitee's respondent key, so
    /// it links to the same person's answer in another round) and marks the invitation used, in one transaction; null when
    /// the token is unknown or the round is closed.
    /// </summary>
    /// <exception cref="ValidationException">An answer out of range, none at all, or the invitation was used already; nothing was written.</exception>
    public async Task<long?> SubmitInvitationAsync(string token, IReadOnlyDictionary<long, string?> answers, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await FindInvitationAsync(connection, transaction, token, cancellationToken) is not { Context.Round.Open: true } found)
        {
            return null;
        }

        if (found.Context.Answered)
        {
            throw new ValidationException([new ValidationError("invitation", "Deze vragenlijst is met deze persoonlijke link al ingevuld.")]);
        }

        var errors = new List<ValidationError>();
        var parsed = SurveyRoundStore.ParseAnswers(found.Context.Round.Questionnaire, answers, errors);
        Checks.ThrowIfAny(errors);
        var key = RespondentKeys.ForInvitee(await RespondentKeys.SecretAsync(connection, transaction, found.ProjectId, cancellationToken), found.RegisterId);
        var id = await _rounds.WriteAsync(connection, transaction, found.Context.Round.RoundId, found.Context.Round.Condition, ResponseSource.Web, parsed, key, Actor.System, null, cancellationToken);
        await connection.ExecuteAsync(transaction, "UPDATE round_invitations SET answered_on = @day WHERE id = @id;", cancellationToken,
            ("@day", DutchClock.Today(_time).ToDbValue()), ("@id", found.InvitationId));
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// The paired analysis of two rounds of the same questionnaire (before, after); null when either round is not the project's.
    /// With <paramref name="minimumPairs"/> 5 management sees no item with fewer pairs.
    /// </summary>
    /// <exception cref="ValidationException">The rounds are the same or belong to different questionnaires.</exception>
    public async Task<PairedAnalysis?> PairAsync(long projectId, long beforeRoundId, long afterRoundId, int minimumPairs, CancellationToken cancellationToken = default)
    {
        var rounds = await _rounds.ListAsync(projectId, cancellationToken);
        if (rounds.SingleOrDefault(r => r.Id == beforeRoundId) is not { } before || rounds.SingleOrDefault(r => r.Id == afterRoundId) is not { } after)
        {
            return null;
        }

        if (before.Id == after.Id || before.QuestionnaireId != after.QuestionnaireId)
        {
            throw new ValidationException([new ValidationError("before", "Kies twee verschillende rondes van dezelfde vragenlijst om te koppelen.")]);
        }

        var questionnaire = (await _questionnaires.ListAsync(projectId, cancellationToken)).Single(q => q.Id == after.QuestionnaireId);
        return PairedAnalysis.Analyse(questionnaire, before, await KeyedAsync(projectId, before.Id, cancellationToken), after, await KeyedAsync(projectId, after.Id, cancellationToken), minimumPairs);
    }

    /// <summary>
    /// The pair a comparison starts with when the researcher has not chosen one: per questionnaire (with
    /// <paramref name="questionnaireId"/> only that one) the first voormeting and the last nameting, or, without both, its
    /// first and last round; the first questionnaire that has two rounds. <paramref name="rounds"/> in
    /// <see cref="SurveyRoundStore.ListAsync"/> order (measurement, then opening date). Null when no questionnaire has two rounds.
    /// </summary>
    public static (MeasurementRound From, MeasurementRound To)? DefaultPair(IReadOnlyList<MeasurementRound> rounds, long? questionnaireId = null)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        foreach (var group in rounds.Where(r => questionnaireId is null || r.QuestionnaireId == questionnaireId).GroupBy(r => r.QuestionnaireId))
        {
            var list = group.ToList();
            if (list.Count < 2)
            {
                continue;
            }

            var from = list.FirstOrDefault(r => r.Measurement == Measurement.Voormeting) ?? list[0];
            var to = list.LastOrDefault(r => r.Measurement == Measurement.Nameting) ?? list[^1];
            return from.Id == to.Id ? (list[0], list[^1]) : (from, to);
        }

        return null;
    }

    /// <summary>The respondent key of a personal code, for a response about to be written; required when the round asks for the code and <paramref name="required"/>.</summary>
    /// <exception cref="ValidationException">The round asks for the code and none was given.</exception>
    internal static async Task<string?> KeyForCodeAsync(DbConnection connection, DbTransaction transaction, long projectId, long roundId, PersonalCode? code, bool required,
        CancellationToken cancellationToken)
    {
        if (code is null)
        {
            if (required && await connection.ScalarLongAsync(transaction, "SELECT 1 FROM round_personal_code WHERE round_id = @r;", cancellationToken, ("@r", roundId)) is not null)
            {
                throw new ValidationException([new ValidationError("code", "Vul uw persoonlijke code in: zo kunnen uw antwoorden aan de volgende meting gekoppeld worden, zonder dat iemand weet wie u bent.")]);
            }

            return null;
        }

        return RespondentKeys.ForCode(await RespondentKeys.SecretAsync(connection, transaction, projectId, cancellationToken), code);
    }

    private async Task<IReadOnlyList<(string? Key, SurveyResponse Response)>> KeyedAsync(long projectId, long roundId, CancellationToken cancellationToken)
    {
        var responses = await _rounds.ResponsesAsync(projectId, roundId, cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var keys = (await connection.QueryAsync(null, "SELECT id, respondent_key FROM survey_responses WHERE round_id = @r;",
            reader => (Id: reader.GetInt64(0), Key: reader.GetStringOrNull(1)), cancellationToken, ("@r", roundId))).ToDictionary(k => k.Id, k => k.Key);
        return [.. responses.Select(r => (keys.GetValueOrDefault(r.Id), r))];
    }

    private async Task<(InvitationContext Context, long InvitationId, long RegisterId, long ProjectId)?> FindInvitationAsync(DbConnection connection, DbTransaction transaction,
        string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var found = await connection.QueryAsync(transaction, """
            SELECT i.id, t.id, t.trained_on, r.id, p.id, p.name, r.name, q.id, r.opens_on, r.closes_on, i.answered_on
            FROM round_invitations i JOIN training_register t ON t.id = i.register_id JOIN measurement_rounds r ON r.id = i.round_id
            JOIN questionnaires q ON q.id = r.questionnaire_id JOIN projects p ON p.id = q.project_id WHERE i.token_hash = @hash;
            """, reader => (Invitation: reader.GetInt64(0), Register: reader.GetInt64(1), Trained: !reader.IsDBNull(2), Round: reader.GetInt64(3), Project: reader.GetInt64(4),
                ProjectName: reader.GetString(5), RoundName: reader.GetString(6), Questionnaire: reader.GetInt64(7), Opens: reader.GetDate(8), Closes: reader.GetDate(9), Answered: !reader.IsDBNull(10)),
            cancellationToken, ("@hash", SecretTokens.Hash(token)));
        if (found is not [var row])
        {
            return null;
        }

        var questionnaire = (await QuestionnaireStore.ReadAsync(connection, transaction, row.Project, row.Questionnaire, cancellationToken)).Single();
        var today = DutchClock.Today(_time);
        var round = new RoundLinkContext(row.Round, row.ProjectName, row.RoundName, row.Trained ? Condition.Getraind : Condition.Ongetraind, questionnaire,
            today >= row.Opens && today <= row.Closes);
        return (new InvitationContext(round, row.Answered), row.Invitation, row.Register, row.Project);
    }
}
