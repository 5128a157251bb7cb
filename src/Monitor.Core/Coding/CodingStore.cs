using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Portfolio;

namespace Monitor.Core.Coding;

/// <summary>
/// Codings: a span of a document's current text (Unicode code points, end exclusive) with a code, a valence,
/// a memo and its coder; added, removed and undone one step at a time, and listed as the viewer may see them
/// (blind in an open round). Every write runs in one transaction with its audit entry.
/// </summary>
public sealed class CodingStore
{
    public const int MemoMaxLength = 2000;

    /// <summary>
    /// The columns <see cref="ReadCoding"/> reads, from codings c, document_versions v and users u (left joined on the coder).
    /// The coder id is the account; for a coder from an imported REFI-QDA file not (yet) mapped to an account it is
    /// minus the file coder's id (<see cref="FileCoderStore"/>), so that every file coder stays a coder of its own.
    /// </summary>
    internal const string CodingColumns = """
        c.id, v.document_id, c.version_id, c.code_id, c.start_pos, c.end_pos, c.valence, c.memo, coalesce(c.coder_id, -c.file_coder_id, 0), coalesce(c.external_coder_name, u.display_name, 'Verwijderde codeur'),
        c.round_id, c.is_consensus, c.guid, c.created_at, c.unplaced_at
        """;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public CodingStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>
    /// Codes a span of a document's current text. The code must be usable in this project and codable; the
    /// span must lie inside the text and must not overlap a coding of the same code by the same coder. In a
    /// round: an individual coding needs an open round in which the actor codes this document; a consensus
    /// coding needs a closed round. Null when the document is not in this project.
    /// </summary>
    public async Task<long?> AddCodingAsync(long projectId, CodingInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        var coderId = actor.UserId ?? throw new ValidationException("Alleen een ingelogde gebruiker kan coderen.");
        var errors = new List<ValidationError>();
        Checks.Optional(errors, "memo", input.Memo, MemoMaxLength, "het memo");
        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var document = (await CodingDocumentStore.ReadDocumentsAsync(connection, transaction, projectId, input.DocumentId, cancellationToken)).SingleOrDefault();
        if (document is null)
        {
            return null;
        }

        var id = await InsertCodingAsync(connection, transaction, projectId, document, input, coderId, Guid.NewGuid(), Now(), cancellationToken);
        await RecordActionAsync(connection, transaction, projectId, coderId, "toegevoegd", id, _time.GetUtcNow(), cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("coding", id, projectId, new Dictionary<string, string?>
        {
            ["document"] = Id(input.DocumentId),
            ["code"] = Id(input.CodeId),
            ["span"] = $"{input.Start}-{input.End}",
            ["valence"] = Codes.ToCode(input.Valence),
            ["round"] = input.RoundId?.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Checks and writes a coding inside the caller's transaction (the caller audits); throws a <see cref="ValidationException"/>
    /// saying what is wrong. An imported coding (<paramref name="fileCoderId"/> set, <paramref name="coderId"/> null unless
    /// the file coder is mapped to an account) recreates a round's history, so the round's open/closed rules are not applied to it.
    /// </summary>
    internal static async Task<long> InsertCodingAsync(DbConnection connection, DbTransaction transaction, long projectId, CodingDocument document, CodingInput input, long? coderId, Guid guid, string createdAt, CancellationToken cancellationToken, long? fileCoderId = null)
    {
        const string overlapSql = """
            SELECT id FROM codings
            WHERE version_id = @version AND code_id = @code AND coder_id IS @coder AND (@coder IS NOT NULL OR file_coder_id IS @fileCoder) AND removed_at IS NULL AND unplaced_at IS NULL
              AND round_id IS @round AND is_consensus = @consensus AND start_pos < @end AND end_pos > @start
            LIMIT 1;
            """;
        const string insertSql = """
            INSERT INTO codings (project_id, version_id, code_id, start_pos, end_pos, valence, memo, coder_id, file_coder_id, round_id, is_consensus, guid, created_at)
            VALUES (@project, @version, @code, @start, @end, @valence, @memo, @coder, @fileCoder, @round, @consensus, @guid, @now) RETURNING id;
            """;
        if (input.Start < 0 || input.End > document.Length || input.Start >= input.End)
        {
            throw new ValidationException([new ValidationError("start", $"Het fragment {input.Start}–{input.End} ligt niet binnen de tekst van '{document.Title}' (0–{document.Length} tekens) of is leeg.")]);
        }

        var code = await CodebookStore.FindUsableCodeAsync(connection, transaction, projectId, input.CodeId, cancellationToken)
            ?? throw new ValidationException([new ValidationError("codeId", "Deze code hoort niet bij een codeboek van dit project.")]);
        if (!code.IsCodable)
        {
            throw new ValidationException([new ValidationError("codeId", $"'{code.NameNl}' is een groep van codes; kies een code eronder.")]);
        }

        if (input.RoundId is { } roundId)
        {
            var round = await RoundStore.ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken)
                ?? throw new ValidationException([new ValidationError("roundId", "Deze coderingsronde hoort niet bij dit project.")]);
            if (fileCoderId is null)
            {
                CheckRound(round, document, input.Consensus, coderId ?? 0);
            }
        }
        else if (input.Consensus)
        {
            throw new ValidationException([new ValidationError("consensus", "Een consensuscodering hoort bij een coderingsronde.")]);
        }

        var overlap = await connection.ScalarLongAsync(transaction, overlapSql, cancellationToken, ("@version", document.VersionId), ("@code", input.CodeId), ("@coder", coderId),
            ("@fileCoder", fileCoderId), ("@round", input.RoundId), ("@consensus", input.Consensus ? 1 : 0), ("@start", input.Start), ("@end", input.End));
        if (overlap is not null)
        {
            throw new ValidationException([new ValidationError("start", $"Dit fragment overlapt met een codering met '{code.NameNl}' die er al is; pas die aan of verwijder die eerst.")]);
        }

        await PortfolioFigures.ProjectChangedAsync(connection, transaction, projectId, cancellationToken);
        return await connection.InsertAsync(transaction, insertSql, cancellationToken, ("@project", projectId), ("@version", document.VersionId), ("@code", input.CodeId),
            ("@start", input.Start), ("@end", input.End), ("@valence", Codes.ToCode(input.Valence)), ("@memo", input.Memo.Trim()), ("@coder", coderId),
            ("@fileCoder", fileCoderId), ("@round", input.RoundId), ("@consensus", input.Consensus ? 1 : 0), ("@guid", guid.ToString()), ("@now", createdAt));
    }

    /// <summary>An individual coding needs an open round in which the coder codes the document; a consensus coding a closed round.</summary>
    private static void CheckRound(CodingRound round, CodingDocument document, bool consensus, long coderId)
    {
        if (consensus)
        {
            if (round.Status != RoundStatus.Gesloten)
            {
                throw new ValidationException([new ValidationError("roundId", "Consensuscoderingen worden vastgelegd nadat de ronde is gesloten.")]);
            }
        }
        else
        {
            if (round.Status != RoundStatus.Open)
            {
                throw new ValidationException([new ValidationError("roundId", $"De ronde '{round.Name}' is gesloten; er kan niet meer in gecodeerd worden.")]);
            }

            if (round.Coders.All(c => c.Id != coderId))
            {
                throw new ValidationException([new ValidationError("roundId", $"U codeert niet mee in de ronde '{round.Name}'.")]);
            }
        }

        if (!round.DocumentIds.Contains(document.Id))
        {
            throw new ValidationException([new ValidationError("documentId", $"'{document.Title}' hoort niet bij de ronde '{round.Name}'.")]);
        }
    }

    private static async Task RecordActionAsync(DbConnection connection, DbTransaction transaction, long projectId, long userId, string action, long codingId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO coding_actions (project_id, user_id, action, coding_id, at) VALUES (@project, @user, @action, @coding, @at);
            """;
        await connection.ExecuteAsync(transaction, sql, cancellationToken, ("@project", projectId), ("@user", userId), ("@action", action), ("@coding", codingId),
            ("@at", at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Removes a coding (kept for undo). A coding of a blind round can only be removed by its own coder while
    /// the round is open. False when the coding is not in this project or already removed.
    /// </summary>
    public async Task<bool> RemoveCodingAsync(long projectId, long codingId, Actor actor, CancellationToken cancellationToken = default)
    {
        var userId = actor.UserId ?? throw new ValidationException("Alleen een ingelogde gebruiker kan coderingen verwijderen.");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var coding = await ReadCodingAsync(connection, transaction, projectId, codingId, cancellationToken);
        if (coding is null || await connection.ScalarLongAsync(transaction, "SELECT removed_at IS NOT NULL FROM codings WHERE id = @id;", cancellationToken, ("@id", codingId)) == 1)
        {
            return false;
        }

        if (coding.RoundId is { } roundId && !coding.IsConsensus)
        {
            var round = await RoundStore.ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken);
            if (coding.CoderId != userId || round?.Status != RoundStatus.Open)
            {
                throw new ValidationException("Een codering uit een dubbele-coderingsronde kan alleen door de codeur zelf worden verwijderd, zolang de ronde open is.");
            }
        }

        await connection.ExecuteAsync(transaction, "UPDATE codings SET removed_at = @now WHERE id = @id;", cancellationToken, ("@id", codingId), ("@now", Now()));
        await PortfolioFigures.ProjectChangedAsync(connection, transaction, projectId, cancellationToken);
        await RecordActionAsync(connection, transaction, projectId, userId, "verwijderd", codingId, _time.GetUtcNow(), cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Deleted("coding", codingId, projectId, new Dictionary<string, string?>
        {
            ["code"] = Id(coding.CodeId),
            ["span"] = $"{coding.Start}-{coding.End}",
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Undoes the actor's last add or remove in this project. Returns what was undone, or null when there is nothing to undo.</summary>
    public async Task<string?> UndoAsync(long projectId, Actor actor, CancellationToken cancellationToken = default)
    {
        const string lastSql = """
            SELECT id, action, coding_id FROM coding_actions WHERE project_id = @project AND user_id = @user AND undone = 0 ORDER BY id DESC LIMIT 1;
            """;
        const string clashSql = """
            SELECT o.id FROM codings o JOIN codings c ON c.id = @id
            WHERE o.id <> c.id AND o.version_id = c.version_id AND o.code_id = c.code_id AND o.coder_id = c.coder_id AND o.removed_at IS NULL
              AND o.unplaced_at IS NULL AND o.round_id IS c.round_id AND o.is_consensus = c.is_consensus AND o.start_pos < c.end_pos AND o.end_pos > c.start_pos LIMIT 1;
            """;
        var userId = actor.UserId ?? throw new ValidationException("Alleen een ingelogde gebruiker kan iets ongedaan maken.");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var action = await connection.QueryFirstAsync(transaction, lastSql, reader => new CodingAction(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)),
            cancellationToken, ("@project", projectId), ("@user", userId));
        if (action is null)
        {
            return null;
        }

        var coding = await ReadCodingAsync(connection, transaction, projectId, action.CodingId, cancellationToken);
        if (coding is not null && coding.RoundId is { } roundId && !coding.IsConsensus
            && (await RoundStore.ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken))?.Status != RoundStatus.Open)
        {
            throw new ValidationException("De ronde van deze codering is gesloten; dit kan niet meer ongedaan worden gemaakt.");
        }

        string description;
        if (action.Action == "toegevoegd")
        {
            await connection.ExecuteAsync(transaction, "UPDATE codings SET removed_at = @now WHERE id = @id;", cancellationToken, ("@id", action.CodingId), ("@now", Now()));
            description = "Codering weer verwijderd.";
        }
        else
        {
            if (await connection.ScalarLongAsync(transaction, clashSql, cancellationToken, ("@id", action.CodingId)) is not null)
            {
                throw new ValidationException("De verwijderde codering overlapt met een nieuwere codering met dezelfde code; verwijder die eerst.");
            }

            await connection.ExecuteAsync(transaction, "UPDATE codings SET removed_at = NULL WHERE id = @id;", cancellationToken, ("@id", action.CodingId));
            description = "Codering teruggezet.";
        }

        await connection.ExecuteAsync(transaction, "UPDATE coding_actions SET undone = 1 WHERE id = @id;", cancellationToken, ("@id", action.Id));
        await PortfolioFigures.ProjectChangedAsync(connection, transaction, projectId, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("coding", action.CodingId, projectId,
            new Dictionary<string, string?> { ["undo"] = null }, new Dictionary<string, string?> { ["undo"] = action.Action }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return description;
    }

    /// <summary>
    /// The codings of a document's current version as the viewer may see them. Without a round: the regular and
    /// consensus codings of everyone. In an open round: only the viewer's own blind codings. In a closed round:
    /// every coder's codings of that round and the consensus.
    /// </summary>
    public async Task<IReadOnlyList<Coding>> ListCodingsAsync(long projectId, long documentId, long viewerId, long? roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var document = (await CodingDocumentStore.ReadDocumentsAsync(connection, transaction, projectId, documentId, cancellationToken)).SingleOrDefault();
        if (document is null)
        {
            return [];
        }

        var filter = "c.round_id IS NULL OR c.is_consensus = 1";
        if (roundId is { } r)
        {
            var round = await RoundStore.ReadRoundAsync(connection, transaction, projectId, r, cancellationToken);
            if (round is null)
            {
                return [];
            }

            filter = round.Status == RoundStatus.Open ? "c.round_id = @round AND c.is_consensus = 0 AND c.coder_id = @viewer" : "c.round_id = @round";
        }

        var sql = $"""
            SELECT {CodingColumns} FROM codings c JOIN document_versions v ON v.id = c.version_id LEFT JOIN users u ON u.id = c.coder_id
            WHERE c.version_id = @version AND c.removed_at IS NULL AND c.unplaced_at IS NULL AND ({filter})
            ORDER BY c.start_pos, c.end_pos, c.id;
            """;
        return await connection.QueryAsync(transaction, sql, ReadCoding, cancellationToken, ("@version", document.VersionId), ("@round", roundId ?? 0), ("@viewer", viewerId));
    }

    /// <summary>One coding of the project (also a removed one); null when it is not in this project.</summary>
    internal static async Task<Coding?> ReadCodingAsync(DbConnection connection, DbTransaction transaction, long projectId, long codingId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {CodingColumns} FROM codings c JOIN document_versions v ON v.id = c.version_id LEFT JOIN users u ON u.id = c.coder_id
            WHERE c.id = @id AND c.project_id = @project;
            """;
        return await connection.QueryFirstAsync(transaction, sql, ReadCoding, cancellationToken, ("@id", codingId), ("@project", projectId));
    }

    /// <summary>Maps the <see cref="CodingColumns"/> at the start of a row.</summary>
    internal static Coding ReadCoding(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        DocumentId = reader.GetInt64(1),
        VersionId = reader.GetInt64(2),
        CodeId = reader.GetInt64(3),
        Start = reader.GetInt32(4),
        End = reader.GetInt32(5),
        Valence = Codes.Parse<Valence>(reader.GetString(6)),
        Memo = reader.GetString(7),
        CoderId = reader.GetInt64(8),
        CoderName = reader.GetString(9),
        RoundId = reader.IsDBNull(10) ? null : reader.GetInt64(10),
        IsConsensus = reader.GetFlag(11),
        Guid = Guid.Parse(reader.GetString(12)),
        CreatedAt = DateTimeOffset.Parse(reader.GetString(13), CultureInfo.InvariantCulture),
        Unplaced = !reader.IsDBNull(14),
    };

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>One add or remove in a coder's undo history.</summary>
    private sealed record CodingAction(long Id, string Action, long CodingId);
}
