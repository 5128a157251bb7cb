using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Coding.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Coding;

public sealed partial class CodingStore
{
    internal const string CodingColumns = """
        c.id, v.document_id, c.version_id, c.code_id, c.start_pos, c.end_pos, c.valence, c.memo, coalesce(c.coder_id, 0), coalesce(c.external_coder_name, u.display_name, 'Verwijderde codeur'),
        c.round_id, c.is_consensus, c.guid, c.created_at, c.unplaced_at
        """;

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
        await using var transaction = connection.BeginTransaction(deferred: false);
        var document = (await ReadDocumentsAsync(connection, transaction, projectId, input.DocumentId, cancellationToken)).SingleOrDefault();
        if (document is null)
        {
            return null;
        }

        var id = await InsertCodingAsync(connection, transaction, projectId, document, input, coderId, Guid.NewGuid(), Now(), cancellationToken);
        await RecordActionAsync(connection, transaction, projectId, coderId, "toegevoegd", id, cancellationToken);
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

    internal static async Task<long> InsertCodingAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, CodingDocument document, CodingInput input, long coderId, Guid guid, string createdAt, CancellationToken cancellationToken)
    {
        if (input.Start < 0 || input.End > document.Length || input.Start >= input.End)
        {
            throw new ValidationException([new ValidationError("start", $"Het fragment {input.Start}–{input.End} ligt niet binnen de tekst van '{document.Title}' (0–{document.Length} tekens) of is leeg.")]);
        }

        var code = await FindUsableCodeAsync(connection, transaction, projectId, input.CodeId, cancellationToken)
            ?? throw new ValidationException([new ValidationError("codeId", "Deze code hoort niet bij een codeboek van dit project.")]);
        if (!code.IsCodable)
        {
            throw new ValidationException([new ValidationError("codeId", $"'{code.NameNl}' is een groep van codes; kies een code eronder.")]);
        }

        if (input.RoundId is { } roundId)
        {
            var round = await ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken)
                ?? throw new ValidationException([new ValidationError("roundId", "Deze coderingsronde hoort niet bij dit project.")]);
            if (input.Consensus)
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
        else if (input.Consensus)
        {
            throw new ValidationException([new ValidationError("consensus", "Een consensuscodering hoort bij een coderingsronde.")]);
        }

        var overlap = await connection.ScalarLongAsync(transaction, """
            SELECT id FROM codings
            WHERE version_id = @version AND code_id = @code AND coder_id = @coder AND removed_at IS NULL AND unplaced_at IS NULL
              AND round_id IS @round AND is_consensus = @consensus AND start_pos < @end AND end_pos > @start
            LIMIT 1;
            """, cancellationToken, ("@version", document.VersionId), ("@code", input.CodeId), ("@coder", coderId),
            ("@round", input.RoundId is { } r ? r : DBNull.Value), ("@consensus", input.Consensus ? 1 : 0), ("@start", input.Start), ("@end", input.End));
        if (overlap is not null)
        {
            throw new ValidationException([new ValidationError("start", $"Dit fragment overlapt met een codering met '{code.NameNl}' die er al is; pas die aan of verwijder die eerst.")]);
        }

        return await connection.InsertAsync(transaction, """
            INSERT INTO codings (project_id, version_id, code_id, start_pos, end_pos, valence, memo, coder_id, round_id, is_consensus, guid, created_at)
            VALUES (@project, @version, @code, @start, @end, @valence, @memo, @coder, @round, @consensus, @guid, @now) RETURNING id;
            """, cancellationToken, ("@project", projectId), ("@version", document.VersionId), ("@code", input.CodeId), ("@start", input.Start), ("@end", input.End),
            ("@valence", Codes.ToCode(input.Valence)), ("@memo", input.Memo.Trim()), ("@coder", coderId), ("@round", input.RoundId is { } rr ? rr : DBNull.Value),
            ("@consensus", input.Consensus ? 1 : 0), ("@guid", guid.ToString()), ("@now", createdAt));
    }

    private static async Task RecordActionAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, long userId, string action, long codingId, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(transaction, """
            INSERT INTO coding_actions (project_id, user_id, action, coding_id, at) VALUES (@project, @user, @action, @coding, datetime('now'));
            """, cancellationToken, ("@project", projectId), ("@user", userId), ("@action", action), ("@coding", codingId));

    /// <summary>
    /// Removes a coding (kept for undo). A coding of a blind round can only be removed by its own coder while
    /// the round is open. False when the coding is not in this project or already removed.
    /// </summary>
    public async Task<bool> RemoveCodingAsync(long projectId, long codingId, Actor actor, CancellationToken cancellationToken = default)
    {
        var userId = actor.UserId ?? throw new ValidationException("Alleen een ingelogde gebruiker kan coderingen verwijderen.");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var coding = await ReadCodingAsync(connection, transaction, projectId, codingId, cancellationToken);
        if (coding is null || await connection.ScalarLongAsync(transaction, "SELECT removed_at IS NOT NULL FROM codings WHERE id = @id;", cancellationToken, ("@id", codingId)) == 1)
        {
            return false;
        }

        if (coding.RoundId is { } roundId && !coding.IsConsensus)
        {
            var round = await ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken);
            if (coding.CoderId != userId || round?.Status != RoundStatus.Open)
            {
                throw new ValidationException("Een codering uit een dubbele-coderingsronde kan alleen door de codeur zelf worden verwijderd, zolang de ronde open is.");
            }
        }

        await connection.ExecuteAsync(transaction, "UPDATE codings SET removed_at = @now WHERE id = @id;", cancellationToken, ("@id", codingId), ("@now", Now()));
        await RecordActionAsync(connection, transaction, projectId, userId, "verwijderd", codingId, cancellationToken);
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
        var userId = actor.UserId ?? throw new ValidationException("Alleen een ingelogde gebruiker kan iets ongedaan maken.");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        (long Id, string Action, long CodingId)? last = null;
        await using (var command = connection.Command(transaction, """
            SELECT id, action, coding_id FROM coding_actions WHERE project_id = @project AND user_id = @user AND undone = 0 ORDER BY id DESC LIMIT 1;
            """, ("@project", projectId), ("@user", userId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                last = (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2));
            }
        }

        if (last is not { } action)
        {
            return null;
        }

        var coding = await ReadCodingAsync(connection, transaction, projectId, action.CodingId, cancellationToken);
        if (coding is not null && coding.RoundId is { } roundId && !coding.IsConsensus
            && (await ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken))?.Status != RoundStatus.Open)
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
            var clash = await connection.ScalarLongAsync(transaction, """
                SELECT o.id FROM codings o JOIN codings c ON c.id = @id
                WHERE o.id <> c.id AND o.version_id = c.version_id AND o.code_id = c.code_id AND o.coder_id = c.coder_id AND o.removed_at IS NULL
                  AND o.unplaced_at IS NULL AND o.round_id IS c.round_id AND o.is_consensus = c.is_consensus AND o.start_pos < c.end_pos AND o.end_pos > c.start_pos LIMIT 1;
                """, cancellationToken, ("@id", action.CodingId));
            if (clash is not null)
            {
                throw new ValidationException("De verwijderde codering overlapt met een nieuwere codering met dezelfde code; verwijder die eerst.");
            }

            await connection.ExecuteAsync(transaction, "UPDATE codings SET removed_at = NULL WHERE id = @id;", cancellationToken, ("@id", action.CodingId));
            description = "Codering teruggezet.";
        }

        await connection.ExecuteAsync(transaction, "UPDATE coding_actions SET undone = 1 WHERE id = @id;", cancellationToken, ("@id", action.Id));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("coding", action.CodingId, projectId,
            new Dictionary<string, string?> { ["undo"] = null }, new Dictionary<string, string?> { ["undo"] = action.Action }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return description;
    }

    private static async Task<Coding?> ReadCodingAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, long codingId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, $"""
            SELECT {CodingColumns} FROM codings c JOIN document_versions v ON v.id = c.version_id LEFT JOIN users u ON u.id = c.coder_id
            WHERE c.id = @id AND c.project_id = @project;
            """, ("@id", codingId), ("@project", projectId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadCoding(reader) : null;
    }

    internal static Coding ReadCoding(SqliteDataReader reader) => new()
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

    /// <summary>
    /// The codings of a document's current version as the viewer may see them. Without a round: the regular and
    /// consensus codings of everyone. In an open round: only the viewer's own blind codings. In a closed round:
    /// every coder's codings of that round and the consensus.
    /// </summary>
    public async Task<IReadOnlyList<Coding>> ListCodingsAsync(long projectId, long documentId, long viewerId, long? roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var document = (await ReadDocumentsAsync(connection, transaction, projectId, documentId, cancellationToken)).SingleOrDefault();
        if (document is null)
        {
            return [];
        }

        var filter = "c.round_id IS NULL OR c.is_consensus = 1";
        if (roundId is { } r)
        {
            var round = await ReadRoundAsync(connection, transaction, projectId, r, cancellationToken);
            if (round is null)
            {
                return [];
            }

            filter = round.Status == RoundStatus.Open ? "c.round_id = @round AND c.is_consensus = 0 AND c.coder_id = @viewer" : "c.round_id = @round";
        }

        var codings = new List<Coding>();
        await using var command = connection.Command(transaction, $"""
            SELECT {CodingColumns} FROM codings c JOIN document_versions v ON v.id = c.version_id LEFT JOIN users u ON u.id = c.coder_id
            WHERE c.version_id = @version AND c.removed_at IS NULL AND c.unplaced_at IS NULL AND ({filter})
            ORDER BY c.start_pos, c.end_pos, c.id;
            """, ("@version", document.VersionId), ("@round", roundId ?? 0), ("@viewer", viewerId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            codings.Add(ReadCoding(reader));
        }

        return codings;
    }

    /// <summary>Codings left on an older version because the edited text no longer holds their fragment.</summary>
    public async Task<IReadOnlyList<Fragment>> ListUnplacedAsync(long projectId, long documentId, CancellationToken cancellationToken = default) =>
        (await QueryFragmentsAsync(projectId, new FragmentFilter { DocumentId = documentId }, unplaced: true, cancellationToken)).ToList();

    /// <summary>
    /// Coded fragments for retrieval: the regular and consensus codings (not the individual codings of a blind
    /// round), with context and source, filtered.
    /// </summary>
    public async Task<IReadOnlyList<Fragment>> ListFragmentsAsync(long projectId, FragmentFilter filter, CancellationToken cancellationToken = default) =>
        await QueryFragmentsAsync(projectId, filter, unplaced: false, cancellationToken);

    private async Task<IReadOnlyList<Fragment>> QueryFragmentsAsync(long projectId, FragmentFilter filter, bool unplaced, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var books = await ReadCodebooksAsync(connection, transaction, projectId, cancellationToken);
        var codes = books.SelectMany(b => b.Codes.Select(c => (Code: c, Book: b))).ToDictionary(x => x.Code.Id);
        var phases = await ReadPhaseTimelineAsync(connection, transaction, projectId, cancellationToken);
        var where = new List<string> { "c.project_id = @project", "c.removed_at IS NULL", unplaced ? "c.unplaced_at IS NOT NULL" : "c.unplaced_at IS NULL" };
        if (!unplaced)
        {
            where.Add("(c.round_id IS NULL OR c.is_consensus = 1)");
        }

        var parameters = new List<(string, object)> { ("@project", projectId) };
        if (filter.CodeId is { } codeId)
        {
            where.Add("c.code_id = @code");
            parameters.Add(("@code", codeId));
        }

        if (filter.CodeKey is { } key)
        {
            where.Add("c.code_id = (SELECT id FROM codes WHERE key = @key)");
            parameters.Add(("@key", key));
        }

        if (filter.GroupId is { } groupId)
        {
            where.Add("m.group_id = @group");
            parameters.Add(("@group", groupId));
        }

        if (filter.From is { } from)
        {
            where.Add("coalesce(m.held_on, substr(d.created_at, 1, 10)) >= @from");
            parameters.Add(("@from", from.ToDbValue()));
        }

        if (filter.To is { } to)
        {
            where.Add("coalesce(m.held_on, substr(d.created_at, 1, 10)) <= @to");
            parameters.Add(("@to", to.ToDbValue()));
        }

        if (filter.Valence is { } valence)
        {
            where.Add("c.valence = @valence");
            parameters.Add(("@valence", Codes.ToCode(valence)));
        }

        if (filter.CoderId is { } coder)
        {
            where.Add("c.coder_id = @coder");
            parameters.Add(("@coder", coder));
        }

        if (filter.DocumentId is { } documentId)
        {
            where.Add("d.id = @document");
            parameters.Add(("@document", documentId));
        }

        var fragments = new List<Fragment>();
        var texts = new Dictionary<long, string>();
        await using var command = connection.Command(transaction, $"""
            SELECT {CodingColumns}, d.title, d.kind, d.meeting_id, m.group_id, g.name, coalesce(m.held_on, substr(d.created_at, 1, 10)), v.text
            FROM codings c JOIN document_versions v ON v.id = c.version_id JOIN coding_documents d ON d.id = v.document_id
            LEFT JOIN users u ON u.id = c.coder_id
            LEFT JOIN meetings m ON m.id = d.meeting_id LEFT JOIN project_groups g ON g.id = m.group_id
            WHERE {string.Join(" AND ", where)}
            ORDER BY coalesce(m.held_on, substr(d.created_at, 1, 10)), d.id, c.start_pos, c.id;
            """, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var coding = ReadCoding(reader);
            var date = reader.GetDate(20);
            var phase = PhaseAt(phases, date);
            if (filter.Phase is { } wanted && phase != wanted)
            {
                continue;
            }

            if (!texts.TryGetValue(coding.VersionId, out var text))
            {
                texts[coding.VersionId] = text = reader.GetString(21);
            }

            var (code, book) = codes[coding.CodeId];
            fragments.Add(new Fragment
            {
                Coding = coding,
                CodeName = code.NameNl,
                CodeKey = code.Key,
                CodebookName = book.Name,
                CodePath = CodePath(code, book, codes),
                DocumentTitle = reader.GetString(15),
                DocumentKind = Codes.Parse<DocumentKind>(reader.GetString(16)),
                MeetingId = reader.IsDBNull(17) ? null : reader.GetInt64(17),
                GroupId = reader.IsDBNull(18) ? null : reader.GetInt64(18),
                GroupName = reader.GetStringOrNull(19),
                Date = date,
                Phase = phase,
                Text = CodePoints.Slice(text, coding.Start, coding.End),
                Before = Context(text, Math.Max(0, coding.Start - 120), coding.Start, before: true),
                After = Context(text, coding.End, Math.Min(CodePoints.Length(text), coding.End + 120), before: false),
                ReflectionPart = reader.GetString(16) == "reflectie" ? ReflectionPart(text, coding.Start) : null,
            });
            if (fragments.Count >= filter.Limit)
            {
                break;
            }
        }

        return fragments;
    }

    /// <summary>Which answer of a reflection document (see <see cref="ReflectionText"/>) a code point lies in.</summary>
    internal static string ReflectionPart(string text, int start)
    {
        var less = text.IndexOf("Wat werkte minder: ", StringComparison.Ordinal);
        return less >= 0 && start >= CodePoints.FromUtf16(text, less) ? "minder" : "wel";
    }

    private static string Context(string text, int start, int end, bool before)
    {
        var slice = CodePoints.Slice(text, start, end);
        return before ? (start > 0 ? "…" + slice : slice) : (end < CodePoints.Length(text) ? slice + "…" : slice);
    }

    private static string CodePath(Code code, Codebook book, Dictionary<long, (Code Code, Codebook Book)> codes)
    {
        var names = new List<string> { code.NameNl };
        var parent = code.ParentId;
        while (parent is { } p && codes.TryGetValue(p, out var up) && names.Count < 100)
        {
            names.Add(up.Code.NameNl);
            parent = up.Code.ParentId;
        }

        names.Add(book.Name);
        names.Reverse();
        return string.Join(" / ", names);
    }

    /// <summary>
    /// The project's Movisie phase per date: the phase it entered at the latest phase decision on or before that
    /// date. A project without phase decisions (such as the reconstructed demo projects) gets its timeline from
    /// the plan instead: it is taken to be in a phase from the day the first activity of that phase started
    /// (or its planned month), never going back to a lower phase.
    /// </summary>
    internal static async Task<(int Initial, IReadOnlyList<(DateOnly On, int To)> Changes)> ReadPhaseTimelineAsync(SqliteConnection connection, SqliteTransaction? transaction, long projectId, CancellationToken cancellationToken)
    {
        var changes = new List<(DateOnly, int, int)>();
        await using (var command = connection.Command(transaction, "SELECT decided_on, from_phase, to_phase FROM phase_transitions WHERE project_id = @project ORDER BY decided_on, id;", ("@project", projectId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add((reader.GetDate(0), reader.GetInt32(1), reader.GetInt32(2)));
            }
        }

        if (changes.Count > 0)
        {
            return (changes[0].Item2, changes.Select(c => (c.Item1, c.Item3)).ToList());
        }

        var starts = new List<(DateOnly On, int Phase)>();
        await using (var command = connection.Command(transaction, """
            SELECT phase, min(coalesce(started_on, planned_month || '-01')) FROM plan_activities
            WHERE project_id = @project AND status <> 'vervallen' AND coalesce(started_on, planned_month) IS NOT NULL
            GROUP BY phase ORDER BY phase;
            """, ("@project", projectId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                starts.Add((reader.GetDate(1), reader.GetInt32(0)));
            }
        }

        var current = (int)(await connection.ScalarLongAsync(transaction, "SELECT current_phase FROM projects WHERE id = @id;", cancellationToken, ("@id", projectId)) ?? 0);
        if (starts.Count == 0)
        {
            return (current, []);
        }

        var derived = new List<(DateOnly, int)>();
        var highest = -1;
        foreach (var (on, phase) in starts.OrderBy(s => s.On).ThenBy(s => s.Phase))
        {
            if (phase > highest)
            {
                derived.Add((on, phase));
                highest = phase;
            }
        }

        return (derived[0].Item2, derived);
    }

    internal static int PhaseAt((int Initial, IReadOnlyList<(DateOnly On, int To)> Changes) timeline, DateOnly date)
    {
        var phase = timeline.Initial;
        foreach (var (on, to) in timeline.Changes)
        {
            if (on > date)
            {
                break;
            }

            phase = to;
        }

        return phase;
    }

    /// <summary>
    /// MIDI determinants against the Movisie phases (byGroup false) or the project's groups (true), with
    /// facilitator / barrier counts of the regular and consensus codings.
    /// </summary>
    public async Task<CodeMatrix> MatrixAsync(long projectId, bool byGroup, CancellationToken cancellationToken = default)
    {
        var fragments = await ListFragmentsAsync(projectId, new FragmentFilter { Limit = int.MaxValue }, cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var books = await ReadCodebooksAsync(connection, null, projectId, cancellationToken);
        var midi = books.Single(b => b.Framework == "midi");
        var groupNames = midi.Codes.Where(c => !c.IsCodable).ToDictionary(c => c.Id, c => c.NameNl);
        List<(string Key, string Label)> columns;
        Func<Fragment, string?> column;
        if (byGroup)
        {
            columns = [];
            await using var command = connection.Command(null, "SELECT id, name FROM project_groups WHERE project_id = @project ORDER BY id;", ("@project", projectId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add((Id(reader.GetInt64(0)), reader.GetString(1)));
            }

            columns.Add(("", "Geen groep"));
            column = f => f.GroupId is { } g ? Id(g) : "";
        }
        else
        {
            columns = [];
            await using var command = connection.Command(null, "SELECT number, name_nl FROM movisie_phases ORDER BY number;");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add((Id(reader.GetInt64(0)), reader.GetString(1)));
            }

            column = f => f.Phase?.ToString(CultureInfo.InvariantCulture);
        }

        var index = columns.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var rows = new List<MatrixRow>();
        var byCode = fragments.ToLookup(f => f.Coding.CodeId);
        foreach (var code in midi.Codes.Where(c => c.IsCodable))
        {
            var cells = new int[columns.Count, 4];
            foreach (var fragment in byCode[code.Id])
            {
                if (column(fragment) is { } key && index.TryGetValue(key, out var i))
                {
                    cells[i, (int)fragment.Coding.Valence]++;
                }
            }

            rows.Add(new MatrixRow(code, code.ParentId is { } p ? groupNames.GetValueOrDefault(p, "") : "",
                Enumerable.Range(0, columns.Count).Select(i => new MatrixCell(cells[i, 0], cells[i, 1], cells[i, 2], cells[i, 3])).ToList()));
        }

        if (byGroup && rows.All(r => r.Cells[^1].Total == 0))
        {
            columns.RemoveAt(columns.Count - 1);
            rows = rows.Select(r => r with { Cells = r.Cells.Take(columns.Count).ToList() }).ToList();
        }

        return new CodeMatrix(columns, rows);
    }

    /// <summary>Who made the project's regular and consensus codings (for the coder filter), by name.</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> ListCodersAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var coders = new List<(long, string)>();
        await using var command = connection.Command(null, """
            SELECT DISTINCT coalesce(c.coder_id, 0), coalesce(c.external_coder_name, u.display_name, 'Verwijderde codeur') AS name
            FROM codings c LEFT JOIN users u ON u.id = c.coder_id
            WHERE c.project_id = @project AND c.removed_at IS NULL AND c.unplaced_at IS NULL AND (c.round_id IS NULL OR c.is_consensus = 1)
            ORDER BY name;
            """, ("@project", projectId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            coders.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return coders;
    }

    /// <summary>How often each code is used (regular and consensus codings), per codebook, most used first.</summary>
    public async Task<IReadOnlyList<CodeFrequency>> FrequenciesAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var books = await ReadCodebooksAsync(connection, null, projectId, cancellationToken);
        var codes = books.SelectMany(b => b.Codes.Select(c => (Code: c, Book: b))).ToDictionary(x => x.Code.Id);
        var result = new List<CodeFrequency>();
        await using var command = connection.Command(null, """
            SELECT c.code_id, count(*), count(DISTINCT v.document_id), sum(c.valence = 'bevorderend'), sum(c.valence = 'belemmerend')
            FROM codings c JOIN document_versions v ON v.id = c.version_id
            WHERE c.project_id = @project AND c.removed_at IS NULL AND c.unplaced_at IS NULL AND (c.round_id IS NULL OR c.is_consensus = 1)
            GROUP BY c.code_id;
            """, ("@project", projectId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (code, book) = codes[reader.GetInt64(0)];
            result.Add(new CodeFrequency(code, book.Name, reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
        }

        return result.OrderByDescending(f => f.Codings).ThenBy(f => f.CodebookName).ThenBy(f => f.Code.Position).ToList();
    }
}
