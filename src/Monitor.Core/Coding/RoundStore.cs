using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Monitor.Core.Coding.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Portfolio;

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
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
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
    internal static async Task<long> InsertRoundAsync(DbConnection connection, DbTransaction transaction, long projectId, string name, IEnumerable<long> coderIds, IEnumerable<long> documentIds, string by, string at, CancellationToken cancellationToken)
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
        await using var transaction = connection.BeginRead();
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
        await using var transaction = connection.BeginRead();
        return await ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken);
    }

    internal static async Task<CodingRound?> ReadRoundAsync(DbConnection connection, DbTransaction? transaction, long projectId, long roundId, CancellationToken cancellationToken)
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
    /// Closes a round: from then on every coder sees everyone's codings of the round. Its agreement figures are
    /// computed and frozen with the document versions used (<see cref="RoundAgreement"/>). The characters that all
    /// coders coded with the same code and valence become consensus codings at once; every other coded character is
    /// a difference to settle (<see cref="RoundDifferences"/>). False when the round is not in this project or already closed.
    /// </summary>
    public async Task<bool> CloseRoundAsync(long projectId, long roundId, Actor actor, CancellationToken cancellationToken = default)
    {
        var userId = actor.UserId ?? throw new ValidationException("Alleen een ingelogde gebruiker kan een ronde sluiten.");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
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
    internal static async Task<int> CloseRoundCoreAsync(DbConnection connection, DbTransaction transaction, long projectId, CodingRound round, long closerId, string at, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(transaction, "UPDATE coding_rounds SET status = 'gesloten', closed_at = @now WHERE id = @id;", cancellationToken, ("@id", round.Id), ("@now", at));
        return await FreezeAsync(connection, transaction, projectId, round with { Status = RoundStatus.Gesloten }, closerId, at, late: false, cancellationToken);
    }

    /// <summary>
    /// Freezes a closed round inside the caller's transaction: stores its figures and its differences, and (unless
    /// <paramref name="late"/>) writes the agreed characters as consensus codings. Late: a round closed before
    /// figures were frozen already has its consensus (the old union of agreeing fragments), so only its differences
    /// are listed, settled where that consensus already covers them. Returns the number of consensus codings written.
    /// </summary>
    internal static async Task<int> FreezeAsync(DbConnection connection, DbTransaction transaction, long projectId, CodingRound round, long? closerId, string at, bool late, CancellationToken cancellationToken)
    {
        const string consensusSql = """
            INSERT INTO codings (project_id, version_id, code_id, start_pos, end_pos, valence, memo, coder_id, round_id, is_consensus, guid, created_at)
            VALUES (@project, @version, @code, @start, @end, @valence, '', @coder, @round, 1, @guid, @now);
            """;
        const string differenceSql = """
            INSERT INTO coding_round_differences (round_id, version_id, code_id, start_pos, end_pos, kind) VALUES (@round, @version, @code, @start, @end, @kind) RETURNING id;
            """;
        var codings = await ReadRoundCodingsAsync(connection, transaction, round.Id, cancellationToken);
        await PortfolioFigures.ProjectChangedAsync(connection, transaction, projectId, cancellationToken);
        await RoundAgreement.StoreFiguresAsync(connection, transaction, projectId, round, codings, at, late, cancellationToken);
        var created = 0;
        foreach (var span in RoundDifferences.Compute(codings, round.Coders.Select(c => c.Id).ToList()))
        {
            if (span.Kind is not { } kind)
            {
                if (!late)
                {
                    await connection.ExecuteAsync(transaction, consensusSql, cancellationToken, ("@project", projectId), ("@version", span.VersionId), ("@code", span.CodeId),
                        ("@start", span.Start), ("@end", span.End), ("@valence", Codes.ToCode(span.Codings[0].Valence)), ("@coder", closerId), ("@round", round.Id),
                        ("@guid", Guid.NewGuid().ToString()), ("@now", at));
                    created++;
                }

                continue;
            }

            var id = await connection.InsertAsync(transaction, differenceSql, cancellationToken, ("@round", round.Id), ("@version", span.VersionId), ("@code", span.CodeId),
                ("@start", span.Start), ("@end", span.End), ("@kind", Codes.ToCode(kind)));
            foreach (var coding in span.Codings)
            {
                await connection.ExecuteAsync(transaction, "INSERT INTO coding_round_difference_coders (difference_id, coding_id, valence) VALUES (@difference, @coding, @valence);", cancellationToken,
                    ("@difference", id), ("@coding", coding.Id), ("@valence", Codes.ToCode(coding.Valence)));
            }
        }

        if (late)
        {
            var consensus = await connection.QueryAsync(transaction, "SELECT version_id, code_id, start_pos, end_pos, valence FROM codings WHERE round_id = @round AND is_consensus = 1 AND removed_at IS NULL;",
                reader => new ConsensusSpan(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3), Codes.Parse<Valence>(reader.GetString(4))), cancellationToken, ("@round", round.Id));
            await SettleByConsensusAsync(connection, transaction, projectId, round.Id, consensus, null, "bij het vastleggen van de cijfers", at, cancellationToken);
        }

        return created;
    }

    /// <summary>
    /// Settles the open differences of a closed round after a consensus decided elsewhere (the demo data, or the
    /// consensus of a round closed before differences were listed): a difference under a consensus span of its code
    /// is "overgenomen" with that span's valence (written as a consensus coding by <paramref name="settlerId"/>
    /// unless null: then the consensus already holds it), under a span of another code only "afgewezen".
    /// </summary>
    internal static async Task SettleByConsensusAsync(DbConnection connection, DbTransaction transaction, long projectId, long roundId, IReadOnlyList<ConsensusSpan> consensus, long? settlerId, string by, string at, CancellationToken cancellationToken)
    {
        foreach (var difference in await ReadDifferenceRowsAsync(connection, transaction, roundId, null, cancellationToken))
        {
            if (difference.Decision is not null)
            {
                continue;
            }

            var here = consensus.Where(c => c.VersionId == difference.VersionId && c.Start < difference.End && c.End > difference.Start).ToList();
            if (here.FirstOrDefault(c => c.CodeId == difference.CodeId) is { } same)
            {
                await DecideAsync(connection, transaction, projectId, difference, same.Valence, settlerId, by, at, cancellationToken);
            }
            else if (here.Count > 0)
            {
                await DecideAsync(connection, transaction, projectId, difference, null, null, by, at, cancellationToken);
            }
        }
    }

    /// <summary>The individual (not consensus) codings of a round that are in place, by document and position.</summary>
    internal static async Task<List<Coding>> ReadRoundCodingsAsync(DbConnection connection, DbTransaction? transaction, long roundId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {CodingStore.CodingColumns} FROM codings c JOIN document_versions v ON v.id = c.version_id LEFT JOIN users u ON u.id = c.coder_id
            WHERE c.round_id = @round AND c.is_consensus = 0 AND c.removed_at IS NULL AND c.unplaced_at IS NULL
            ORDER BY v.document_id, c.start_pos, c.id;
            """;
        return await connection.QueryAsync(transaction, sql, CodingStore.ReadCoding, cancellationToken, ("@round", roundId));
    }

    /// <summary>
    /// The differences of a closed round (<see cref="RoundDifferences"/>), in document order: each character-level
    /// place where not all coders coded the same code with the same valence, with who coded it, what the others
    /// coded there, the text of the version the round was coded on, and how it was settled.
    /// </summary>
    public async Task<IReadOnlyList<RoundDifference>> DifferencesAsync(long projectId, long roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var round = await ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken);
        if (round is null || round.Status != RoundStatus.Gesloten)
        {
            return [];
        }

        var codings = await ReadRoundCodingsAsync(connection, transaction, roundId, cancellationToken);
        var codingsById = codings.ToDictionary(c => c.Id);
        var books = await CodebookStore.ReadCodebooksAsync(connection, transaction, projectId, cancellationToken);
        var codeNames = books.SelectMany(b => b.Codes).ToDictionary(c => c.Id, c => c.NameNl);
        var versions = new Dictionary<long, (string Title, long DocumentId, string Text)>();
        var result = new List<RoundDifference>();
        foreach (var row in await ReadDifferenceRowsAsync(connection, transaction, roundId, null, cancellationToken))
        {
            if (!versions.TryGetValue(row.VersionId, out var source))
            {
                var version = await CodingDocumentStore.ReadVersionAsync(connection, transaction, row.VersionId, cancellationToken);
                var title = (await CodingDocumentStore.ReadDocumentsAsync(connection, transaction, projectId, version.DocumentId, cancellationToken)).Single().Title;
                versions[row.VersionId] = source = (title, version.DocumentId, version.Text);
            }

            var coders = new List<RoundDifferenceCoder>();
            foreach (var (codingId, valence) in row.Coders)
            {
                var coding = codingsById.GetValueOrDefault(codingId) ?? await CodingStore.ReadCodingAsync(connection, transaction, projectId, codingId, cancellationToken);
                if (coding is not null)
                {
                    coders.Add(new RoundDifferenceCoder(coding, valence));
                }
            }

            var codedBy = coders.Select(c => c.Coding.CoderId).ToHashSet();
            var others = codings.Where(o => o.VersionId == row.VersionId && o.Start < row.End && o.End > row.Start && !(codedBy.Contains(o.CoderId) && o.CodeId == row.CodeId))
                .Select(o => (o.CoderName, codeNames.GetValueOrDefault(o.CodeId, "?"), CodePoints.Slice(source.Text, o.Start, o.End))).ToList();
            result.Add(new RoundDifference
            {
                Id = row.Id,
                DocumentId = source.DocumentId,
                DocumentTitle = source.Title,
                VersionId = row.VersionId,
                CodeId = row.CodeId,
                CodeName = codeNames.GetValueOrDefault(row.CodeId, "?"),
                Start = row.Start,
                End = row.End,
                Kind = row.Kind,
                Text = CodePoints.Slice(source.Text, row.Start, row.End),
                CodedBy = coders,
                NotCodedBy = round.Coders.Where(c => !codedBy.Contains(c.Id)).Select(c => c.Name).ToList(),
                OtherCodes = others,
                Decision = row.Decision,
                Valence = row.Valence,
            });
        }

        return result;
    }

    /// <summary>
    /// Settles one difference: "overgenomen" adds its characters to the consensus with code and
    /// <paramref name="valence"/> (needed when the coders gave different valences), "afgewezen" leaves them out.
    /// False when the round or difference is not found, or the round is still open.
    /// </summary>
    public async Task<bool> SettleAsync(long projectId, long roundId, long differenceId, bool accept, Valence? valence, Actor actor, CancellationToken cancellationToken = default)
    {
        var userId = actor.UserId ?? throw new ValidationException("Alleen een ingelogde gebruiker kan een verschil beslechten.");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var round = await ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken);
        var difference = (await ReadDifferenceRowsAsync(connection, transaction, roundId, differenceId, cancellationToken)).SingleOrDefault();
        if (round is null || round.Status != RoundStatus.Gesloten || difference is null)
        {
            return false;
        }

        if (difference.Decision is not null)
        {
            throw new ValidationException("Dit verschil is al beslecht.");
        }

        Valence? chosen = null;
        if (accept)
        {
            var given = difference.Coders.Select(c => c.Valence).Distinct().ToList();
            chosen = valence ?? (given.Count == 1 ? given[0] : throw new ValidationException([new ValidationError("valence",
                $"De codeurs gaven hier verschillende valenties ({string.Join(", ", given.Select(Codes.ToCode))}); kies de valentie voor de consensus.")]));
        }

        await DecideAsync(connection, transaction, projectId, difference, chosen, accept ? userId : null, actor.Name, Now(), cancellationToken);
        var decision = accept ? "overgenomen" : "afgewezen";
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("codingRound", roundId, projectId,
            new Dictionary<string, string?> { ["difference"] = Id(differenceId) },
            new Dictionary<string, string?> { ["difference"] = Id(differenceId), ["decision"] = decision, ["valence"] = chosen is { } v ? Codes.ToCode(v) : null }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Records the decision on a difference: accepted when <paramref name="valence"/> is given (a consensus coding
    /// over its characters is written by <paramref name="settlerId"/> unless null), rejected otherwise.
    /// </summary>
    private static async Task DecideAsync(DbConnection connection, DbTransaction transaction, long projectId, DifferenceRow difference, Valence? valence, long? settlerId, string by, string at, CancellationToken cancellationToken)
    {
        await PortfolioFigures.ProjectChangedAsync(connection, transaction, projectId, cancellationToken);
        if (valence is { } accepted && settlerId is { } settler)
        {
            var documentId = await connection.ScalarLongAsync(transaction, "SELECT document_id FROM document_versions WHERE id = @version;", cancellationToken, ("@version", difference.VersionId));
            var document = (await CodingDocumentStore.ReadDocumentsAsync(connection, transaction, projectId, documentId!.Value, cancellationToken)).Single();
            if (document.VersionId != difference.VersionId)
            {
                throw new ValidationException("De tekst is sindsdien gewijzigd; dit verschil kan niet meer in de consensus worden overgenomen.");
            }

            // The consensus is one coding per run of characters: an accepted place joins the consensus coding of its code and valence that it touches.
            var touching = await connection.QueryAsync(transaction, """
                SELECT id, start_pos, end_pos FROM codings
                WHERE round_id = @round AND is_consensus = 1 AND removed_at IS NULL AND version_id = @version AND code_id = @code AND valence = @valence
                  AND start_pos <= @end AND end_pos >= @start
                ORDER BY start_pos, id;
                """, reader => (Id: reader.GetInt64(0), Start: reader.GetInt32(1), End: reader.GetInt32(2)), cancellationToken,
                ("@round", difference.RoundId), ("@version", difference.VersionId), ("@code", difference.CodeId), ("@valence", Codes.ToCode(accepted)), ("@start", difference.Start), ("@end", difference.End));
            if (touching.Count == 0)
            {
                await CodingStore.InsertCodingAsync(connection, transaction, projectId, document,
                    new CodingInput(document.Id, difference.CodeId, difference.Start, difference.End, accepted, "", difference.RoundId, Consensus: true), settler, Guid.NewGuid(), at, cancellationToken);
            }
            else
            {
                await connection.ExecuteAsync(transaction, "UPDATE codings SET start_pos = @start, end_pos = @end WHERE id = @id;", cancellationToken, ("@id", touching[0].Id),
                    ("@start", Math.Min(difference.Start, touching[0].Start)), ("@end", Math.Max(difference.End, touching[^1].End)));
                foreach (var joined in touching.Skip(1))
                {
                    await connection.ExecuteAsync(transaction, "UPDATE codings SET removed_at = @at WHERE id = @id;", cancellationToken, ("@id", joined.Id), ("@at", at));
                }
            }
        }

        await connection.ExecuteAsync(transaction, """
            UPDATE coding_round_differences SET decision = @decision, valence = @valence, decided_by = @by, decided_at = @at WHERE id = @id;
            """, cancellationToken, ("@id", difference.Id), ("@decision", valence is null ? "afgewezen" : "overgenomen"), ("@valence", valence is { } v ? Codes.ToCode(v) : null),
            ("@by", by), ("@at", at));
    }

    private static async Task<List<DifferenceRow>> ReadDifferenceRowsAsync(DbConnection connection, DbTransaction transaction, long roundId, long? differenceId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT d.id, d.round_id, d.version_id, d.code_id, d.start_pos, d.end_pos, d.kind, d.decision, d.valence,
                   (SELECT json_group_array(json_array(k.coding_id, k.valence)) FROM coding_round_difference_coders k WHERE k.difference_id = d.id)
            FROM coding_round_differences d JOIN document_versions v ON v.id = d.version_id
            WHERE d.round_id = @round AND (@difference IS NULL OR d.id = @difference)
            ORDER BY v.document_id, d.start_pos, d.code_id, d.id;
            """;
        return await connection.QueryAsync(transaction, sql, reader => new DifferenceRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetInt32(5),
            Codes.Parse<DifferenceKind>(reader.GetString(6)), reader.GetStringOrNull(7), reader.GetStringOrNull(8) is { } valence ? Codes.Parse<Valence>(valence) : null,
            [.. JsonSerializer.Deserialize<List<JsonElement[]>>(reader.GetString(9))!.Select(pair => (pair[0].GetInt64(), Codes.Parse<Valence>(pair[1].GetString()!)))]),
            cancellationToken, ("@round", roundId), ("@difference", differenceId));
    }

    private sealed record DifferenceRow(long Id, long RoundId, long VersionId, long CodeId, int Start, int End, DifferenceKind Kind, string? Decision, Valence? Valence, IReadOnlyList<(long CodingId, Valence Valence)> Coders);

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
