using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Coding.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Coding;

/// <summary>
/// Blind double-coding rounds: two or more researchers code the same documents, each seeing only their own
/// codings until the round closes; closing turns the fragments they all coded alike into consensus codings,
/// and the rest are disagreements to settle. Every write runs in one transaction with its audit entry.
/// The agreement figures of a closed round come from <see cref="RoundAgreement"/>.
/// </summary>
public sealed class RoundStore
{
    public const int NameMaxLength = 200;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public RoundStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>Starts a blind double-coding round: two or more researchers code the same documents, each seeing only their own codings until it closes.</summary>
    public async Task<long> CreateRoundAsync(long projectId, string name, IReadOnlyList<long> coderIds, IReadOnlyList<long> documentIds, Actor actor, CancellationToken cancellationToken = default)
    {
        const string researcherSql = """
            SELECT 1 FROM users u WHERE u.id = @user AND (u.is_admin = 1 OR EXISTS (SELECT 1 FROM project_roles r WHERE r.user_id = u.id AND r.project_id = @project AND r.role = 'onderzoeker'));
            """;
        var errors = new List<ValidationError>();
        Checks.Required(errors, "name", name, NameMaxLength, "de naam van de ronde");
        if (coderIds.Distinct().Count() < 2)
        {
            errors.Add(new ValidationError("coders", "Kies ten minste twee onderzoekers die onafhankelijk coderen."));
        }

        if (documentIds.Count == 0)
        {
            errors.Add(new ValidationError("documents", "Kies ten minste één document voor de ronde."));
        }

        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var coder in coderIds.Distinct())
        {
            if (await connection.ScalarLongAsync(transaction, researcherSql, cancellationToken, ("@user", coder), ("@project", projectId)) is null)
            {
                throw new ValidationException([new ValidationError("coders", "Alleen onderzoekers van dit project coderen in een ronde.")]);
            }
        }

        foreach (var document in documentIds.Distinct())
        {
            if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM coding_documents WHERE id = @id AND project_id = @project;", cancellationToken, ("@id", document), ("@project", projectId)) is null)
            {
                throw new ValidationException([new ValidationError("documents", "Een gekozen document hoort niet bij dit project.")]);
            }
        }

        var id = await InsertRoundAsync(connection, transaction, projectId, name.Trim(), coderIds, documentIds, actor.Name, Now(), cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("codingRound", id, projectId, new Dictionary<string, string?>
        {
            ["name"] = name.Trim(),
            ["coders"] = string.Join(",", coderIds.Distinct()),
            ["documents"] = documentIds.Distinct().Count().ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Writes an open round with its coders and documents inside the caller's transaction (the caller audits).</summary>
    internal static async Task<long> InsertRoundAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, string name, IEnumerable<long> coderIds, IEnumerable<long> documentIds, string by, string at, CancellationToken cancellationToken)
    {
        var id = await connection.InsertAsync(transaction, "INSERT INTO coding_rounds (project_id, name, created_at, created_by) VALUES (@project, @name, @now, @by) RETURNING id;",
            cancellationToken, ("@project", projectId), ("@name", name), ("@now", at), ("@by", by));
        foreach (var coder in coderIds.Distinct())
        {
            await connection.ExecuteAsync(transaction, "INSERT INTO coding_round_coders (round_id, user_id) VALUES (@round, @user);", cancellationToken, ("@round", id), ("@user", coder));
        }

        foreach (var document in documentIds.Distinct())
        {
            await connection.ExecuteAsync(transaction, "INSERT INTO coding_round_documents (round_id, document_id) VALUES (@round, @document);", cancellationToken, ("@round", id), ("@document", document));
        }

        return id;
    }

    /// <summary>The project's rounds, newest first.</summary>
    public async Task<IReadOnlyList<CodingRound>> ListRoundsAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var ids = await connection.QueryAsync(transaction, "SELECT id FROM coding_rounds WHERE project_id = @project ORDER BY id DESC;", reader => reader.GetInt64(0),
            cancellationToken, ("@project", projectId));
        var rounds = new List<CodingRound>();
        foreach (var id in ids)
        {
            rounds.Add((await ReadRoundAsync(connection, transaction, projectId, id, cancellationToken))!);
        }

        return rounds;
    }

    /// <summary>One round of the project; null when it is not in this project.</summary>
    public async Task<CodingRound?> FindRoundAsync(long projectId, long roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken);
    }

    internal static async Task<CodingRound?> ReadRoundAsync(SqliteConnection connection, SqliteTransaction? transaction, long projectId, long roundId, CancellationToken cancellationToken)
    {
        const string roundSql = "SELECT id, name, status, created_at, closed_at FROM coding_rounds WHERE id = @id AND project_id = @project;";
        const string codersSql = "SELECT u.id, u.display_name FROM coding_round_coders c JOIN users u ON u.id = c.user_id WHERE c.round_id = @id ORDER BY u.id;";
        const string documentsSql = "SELECT document_id FROM coding_round_documents WHERE round_id = @id ORDER BY document_id;";
        var round = await connection.QueryFirstAsync(transaction, roundSql, reader => new CodingRound
        {
            Id = reader.GetInt64(0),
            ProjectId = projectId,
            Name = reader.GetString(1),
            Status = Codes.Parse<RoundStatus>(reader.GetString(2)),
            CreatedAt = DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
            ClosedAt = reader.IsDBNull(4) ? null : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
            Coders = [],
            DocumentIds = [],
        }, cancellationToken, ("@id", roundId), ("@project", projectId));
        if (round is null)
        {
            return null;
        }

        var coders = await connection.QueryAsync(transaction, codersSql, reader => (reader.GetInt64(0), reader.GetString(1)), cancellationToken, ("@id", roundId));
        var documents = await connection.QueryAsync(transaction, documentsSql, reader => reader.GetInt64(0), cancellationToken, ("@id", roundId));
        return round with { Coders = coders, DocumentIds = documents };
    }

    /// <summary>
    /// Closes a round: from then on every coder sees everyone's codings of the round. Fragments that all coders
    /// coded with the same code become consensus codings at once (the union of their spans); the rest are the
    /// disagreements to settle. False when the round is not in this project or already closed.
    /// </summary>
    public async Task<bool> CloseRoundAsync(long projectId, long roundId, Actor actor, CancellationToken cancellationToken = default)
    {
        var userId = actor.UserId ?? throw new ValidationException("Alleen een ingelogde gebruiker kan een ronde sluiten.");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var round = await ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken);
        if (round is null || round.Status != RoundStatus.Open)
        {
            return false;
        }

        var agreed = await CloseRoundCoreAsync(connection, transaction, projectId, round, userId, Now(), cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("codingRound", roundId, projectId,
            new Dictionary<string, string?> { ["status"] = "open" },
            new Dictionary<string, string?> { ["status"] = "gesloten", ["consensusFromAgreement"] = agreed.ToString(CultureInfo.InvariantCulture) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Closes a round inside the caller's transaction (the caller audits); returns how many consensus codings came from agreement.</summary>
    internal static async Task<int> CloseRoundCoreAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, CodingRound round, long closerId, string at, CancellationToken cancellationToken)
    {
        const string consensusSql = """
            INSERT INTO codings (project_id, version_id, code_id, start_pos, end_pos, valence, memo, coder_id, round_id, is_consensus, guid, created_at)
            VALUES (@project, @version, @code, @start, @end, @valence, '', @coder, @round, 1, @guid, @now);
            """;
        await connection.ExecuteAsync(transaction, "UPDATE coding_rounds SET status = 'gesloten', closed_at = @now WHERE id = @id;", cancellationToken, ("@id", round.Id), ("@now", at));
        var codings = await ReadRoundCodingsAsync(connection, transaction, round.Id, cancellationToken);
        await RoundAgreement.StoreFiguresAsync(connection, transaction, projectId, round, codings, at, late: false, cancellationToken);
        var created = 0;
        foreach (var cluster in Clusters(codings).Where(c => c.Select(x => x.CoderId).Distinct().Count() == round.Coders.Count))
        {
            var first = cluster[0];
            var valence = cluster.All(c => c.Valence == first.Valence) ? first.Valence : Valence.Gemengd;
            await connection.ExecuteAsync(transaction, consensusSql, cancellationToken, ("@project", projectId), ("@version", first.VersionId), ("@code", first.CodeId),
                ("@start", cluster.Min(c => c.Start)), ("@end", cluster.Max(c => c.End)), ("@valence", Codes.ToCode(valence)), ("@coder", closerId), ("@round", round.Id),
                ("@guid", Guid.NewGuid().ToString()), ("@now", at));
            created++;
        }

        return created;
    }

    /// <summary>Fixes the figures of a round closed before they were frozen, on the versions of now (the caller's transaction).</summary>
    internal static async Task FreezeAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, CodingRound round, string at, bool late, CancellationToken cancellationToken)
    {
        var codings = await ReadRoundCodingsAsync(connection, transaction, round.Id, cancellationToken);
        await RoundAgreement.StoreFiguresAsync(connection, transaction, projectId, round, codings, at, late, cancellationToken);
    }

    /// <summary>Groups the codings of one version and code whose spans overlap (transitively).</summary>
    private static List<List<Coding>> Clusters(IEnumerable<Coding> codings)
    {
        var clusters = new List<List<Coding>>();
        foreach (var group in codings.GroupBy(c => (c.VersionId, c.CodeId)))
        {
            List<Coding>? current = null;
            var end = -1;
            foreach (var coding in group.OrderBy(c => c.Start).ThenBy(c => c.End))
            {
                if (current is null || coding.Start >= end)
                {
                    current = [];
                    clusters.Add(current);
                }

                current.Add(coding);
                end = Math.Max(end, coding.End);
            }
        }

        return clusters;
    }

    /// <summary>The individual (not consensus) codings of a round that are in place, by document and position.</summary>
    internal static async Task<List<Coding>> ReadRoundCodingsAsync(SqliteConnection connection, SqliteTransaction? transaction, long roundId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {CodingStore.CodingColumns} FROM codings c JOIN document_versions v ON v.id = c.version_id LEFT JOIN users u ON u.id = c.coder_id
            WHERE c.round_id = @round AND c.is_consensus = 0 AND c.removed_at IS NULL AND c.unplaced_at IS NULL
            ORDER BY v.document_id, c.start_pos, c.id;
            """;
        return await connection.QueryAsync(transaction, sql, CodingStore.ReadCoding, cancellationToken, ("@round", roundId));
    }

    /// <summary>
    /// The codings of a closed round that not all coders share (same code, overlapping span), each with what the
    /// other coders coded at that place and how it was settled.
    /// </summary>
    public async Task<IReadOnlyList<Disagreement>> DisagreementsAsync(long projectId, long roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var round = await ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken);
        if (round is null || round.Status != RoundStatus.Gesloten)
        {
            return [];
        }

        var codings = await ReadRoundCodingsAsync(connection, transaction, roundId, cancellationToken);
        var books = await CodebookStore.ReadCodebooksAsync(connection, transaction, projectId, cancellationToken);
        var codeNames = books.SelectMany(b => b.Codes).ToDictionary(c => c.Id, c => c.NameNl);
        var decisions = (await connection.QueryAsync(transaction, "SELECT coding_id, decision FROM coding_settlements WHERE round_id = @round;",
            reader => (Coding: reader.GetInt64(0), Decision: reader.GetString(1)), cancellationToken, ("@round", roundId)))
            .ToDictionary(d => d.Coding, d => d.Decision);
        var titles = new Dictionary<long, (string Title, string Text)>();
        foreach (var documentId in round.DocumentIds)
        {
            var document = (await CodingDocumentStore.ReadDocumentsAsync(connection, transaction, projectId, documentId, cancellationToken)).Single();
            titles[document.VersionId] = (document.Title, (await CodingDocumentStore.ReadVersionAsync(connection, transaction, document.VersionId, cancellationToken)).Text);
        }

        var result = new List<Disagreement>();
        foreach (var cluster in Clusters(codings).Where(c => c.Select(x => x.CoderId).Distinct().Count() < round.Coders.Count))
        {
            foreach (var coding in cluster)
            {
                if (!titles.TryGetValue(coding.VersionId, out var source))
                {
                    continue;
                }

                var others = codings.Where(o => o.CoderId != coding.CoderId && o.VersionId == coding.VersionId && o.Start < coding.End && o.End > coding.Start)
                    .Select(o => (o.CoderName, codeNames.GetValueOrDefault(o.CodeId, "?"), CodePoints.Slice(source.Text, o.Start, o.End))).ToList();
                result.Add(new Disagreement(coding, codeNames.GetValueOrDefault(coding.CodeId, "?"), source.Title, CodePoints.Slice(source.Text, coding.Start, coding.End), others,
                    decisions.GetValueOrDefault(coding.Id)));
            }
        }

        return result;
    }

    /// <summary>
    /// Settles one disagreement: "overgenomen" adds the coding as a consensus coding, "afgewezen" leaves it out.
    /// False when the round or coding is not found, or the round is still open.
    /// </summary>
    public async Task<bool> SettleAsync(long projectId, long roundId, long codingId, bool accept, Actor actor, CancellationToken cancellationToken = default)
    {
        const string settlementSql = """
            INSERT INTO coding_settlements (round_id, coding_id, decision, decided_by, decided_at) VALUES (@round, @coding, @decision, @by, @now);
            """;
        var userId = actor.UserId ?? throw new ValidationException("Alleen een ingelogde gebruiker kan een verschil beslechten.");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var round = await ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken);
        var coding = await CodingStore.ReadCodingAsync(connection, transaction, projectId, codingId, cancellationToken);
        if (round is null || round.Status != RoundStatus.Gesloten || coding is null || coding.RoundId != roundId || coding.IsConsensus)
        {
            return false;
        }

        if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM coding_settlements WHERE round_id = @round AND coding_id = @coding;", cancellationToken, ("@round", roundId), ("@coding", codingId)) is not null)
        {
            throw new ValidationException("Dit verschil is al beslecht.");
        }

        if (accept)
        {
            var document = (await CodingDocumentStore.ReadDocumentsAsync(connection, transaction, projectId, coding.DocumentId, cancellationToken)).Single();
            if (document.VersionId != coding.VersionId)
            {
                throw new ValidationException("De tekst is sindsdien gewijzigd; deze codering kan niet meer worden overgenomen.");
            }

            await CodingStore.InsertCodingAsync(connection, transaction, projectId, document,
                new CodingInput(coding.DocumentId, coding.CodeId, coding.Start, coding.End, coding.Valence, coding.Memo, roundId, Consensus: true), userId, Guid.NewGuid(), Now(), cancellationToken);
        }

        var decision = accept ? "overgenomen" : "afgewezen";
        await connection.ExecuteAsync(transaction, settlementSql, cancellationToken, ("@round", roundId), ("@coding", codingId), ("@decision", decision), ("@by", actor.Name), ("@now", Now()));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("codingRound", roundId, projectId,
            new Dictionary<string, string?> { ["coding"] = Id(codingId) },
            new Dictionary<string, string?> { ["coding"] = Id(codingId), ["decision"] = decision }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The researchers (onderzoeker role) of a project: who can code in a round.</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> ListResearchersAsync(long projectId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT u.id, u.display_name FROM users u JOIN project_roles r ON r.user_id = u.id
            WHERE r.project_id = @project AND r.role = 'onderzoeker' ORDER BY u.display_name, u.id;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, sql, reader => (reader.GetInt64(0), reader.GetString(1)), cancellationToken, ("@project", projectId));
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
