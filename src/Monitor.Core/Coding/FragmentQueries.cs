using System.Data.Common;
using System.Globalization;
using Monitor.Core.Coding.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Planning;

namespace Monitor.Core.Coding;

/// <summary>
/// Read-only questions about the coded material: fragments with their context and source, filtered; the
/// determinant matrix against phases or groups; how often each code is used; who coded. Counts the regular and
/// consensus codings, never the individual codings of a blind round. Each question reads one snapshot.
/// </summary>
public sealed class FragmentQueries
{
    private readonly MonitorDatabase _database;

    public FragmentQueries(MonitorDatabase database) => _database = database;

    /// <summary>
    /// Coded fragments for retrieval: the regular and consensus codings (not the individual codings of a blind
    /// round), with context and source, filtered.
    /// </summary>
    public async Task<IReadOnlyList<Fragment>> ListFragmentsAsync(long projectId, FragmentFilter filter, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        return await QueryFragmentsAsync(connection, transaction, projectId, filter, unplaced: false, cancellationToken);
    }

    /// <summary>Codings left on an older version because the edited text no longer holds their fragment.</summary>
    public async Task<IReadOnlyList<Fragment>> ListUnplacedAsync(long projectId, long documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        return await QueryFragmentsAsync(connection, transaction, projectId, new FragmentFilter { DocumentId = documentId }, unplaced: true, cancellationToken);
    }

    private static async Task<List<Fragment>> QueryFragmentsAsync(DbConnection connection, DbTransaction transaction, long projectId, FragmentFilter filter, bool unplaced, CancellationToken cancellationToken)
    {
        var books = await CodebookStore.ReadCodebooksAsync(connection, transaction, projectId, cancellationToken);
        var codes = books.SelectMany(b => b.Codes.Select(c => (Code: c, Book: b))).ToDictionary(x => x.Code.Id);
        var phases = await ReadPhaseHistoryAsync(connection, transaction, projectId, cancellationToken);
        var where = new List<string> { "c.project_id = @project", "c.removed_at IS NULL", unplaced ? "c.unplaced_at IS NOT NULL" : "c.unplaced_at IS NULL" };
        if (!unplaced)
        {
            where.Add("(c.round_id IS NULL OR c.is_consensus = 1)");
        }

        var parameters = new List<(string, object?)> { ("@project", projectId) };
        void Add(string condition, string name, object value)
        {
            where.Add(condition);
            parameters.Add((name, value));
        }

        if (filter.CodeId is { } codeId)
        {
            Add("c.code_id = @code", "@code", codeId);
        }

        if (filter.CodeKey is { } key)
        {
            Add("c.code_id = (SELECT id FROM codes WHERE key = @key)", "@key", key);
        }

        if (filter.GroupId is { } groupId)
        {
            Add("m.group_id = @group", "@group", groupId);
        }

        if (filter.From is { } from)
        {
            Add("coalesce(m.held_on, d.held_on, substr(d.created_at, 1, 10)) >= @from", "@from", from.ToDbValue());
        }

        if (filter.To is { } to)
        {
            Add("coalesce(m.held_on, d.held_on, substr(d.created_at, 1, 10)) <= @to", "@to", to.ToDbValue());
        }

        if (filter.Valence is { } valence)
        {
            Add("c.valence = @valence", "@valence", Codes.ToCode(valence));
        }

        if (filter.CoderId is { } coder)
        {
            Add("coalesce(c.coder_id, -c.file_coder_id, 0) = @coder", "@coder", coder);
        }

        if (filter.DocumentId is { } documentId)
        {
            Add("d.id = @document", "@document", documentId);
        }

        if (filter.Attribute is { } attribute)
        {
            Add("EXISTS (SELECT 1 FROM document_attributes a WHERE a.document_id = d.id AND a.name = @attribute_name AND a.value = @attribute_value)",
                "@attribute_name", attribute.Name);
            parameters.Add(("@attribute_value", attribute.Value));
        }

        var sql = $"""
            SELECT {CodingStore.CodingColumns}, d.title, d.kind, d.meeting_id, m.group_id, g.name, coalesce(m.held_on, d.held_on, substr(d.created_at, 1, 10)), v.text
            FROM codings c JOIN document_versions v ON v.id = c.version_id JOIN coding_documents d ON d.id = v.document_id
            LEFT JOIN users u ON u.id = c.coder_id
            LEFT JOIN meetings m ON m.id = d.meeting_id LEFT JOIN project_groups g ON g.id = m.group_id
            WHERE {string.Join(" AND ", where)}
            ORDER BY coalesce(m.held_on, d.held_on, substr(d.created_at, 1, 10)), d.id, c.start_pos, c.id;
            """;
        var fragments = new List<Fragment>();
        var texts = new Dictionary<long, string>();
        await using var command = connection.Command(transaction, sql, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // read row by row rather than through Sql.QueryAsync: the phase filter is applied here and the limit stops the read early
        while (await reader.ReadAsync(cancellationToken))
        {
            var coding = CodingStore.ReadCoding(reader);
            var date = reader.GetDate(20);
            var phase = phases.At(date);
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

    /// <summary>Which answer of a reflection document (see <see cref="CodingDocumentStore.ReflectionText"/>) a code point lies in.</summary>
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
    /// The project's Movisie phase per date (<see cref="PhaseHistory"/>): from the recorded phase decisions, never
    /// guessed from the plan; unknown (null) before the project's start.
    /// </summary>
    internal static async Task<PhaseHistory> ReadPhaseHistoryAsync(DbConnection connection, DbTransaction? transaction, long projectId, CancellationToken cancellationToken)
    {
        const string decisionsSql = "SELECT decided_on, from_phase, to_phase FROM phase_transitions WHERE project_id = @project ORDER BY decided_on, id;";
        var decisions = await connection.QueryAsync(transaction, decisionsSql, reader => (reader.GetDate(0), reader.GetInt32(1), reader.GetInt32(2)),
            cancellationToken, ("@project", projectId));
        var project = await connection.QueryFirstAsync(transaction, "SELECT start_date, current_phase FROM projects WHERE id = @id;",
            reader => new { Start = reader.GetDate(0), Phase = reader.GetInt32(1) }, cancellationToken, ("@id", projectId));
        return PhaseHistory.From(project?.Start ?? DateOnly.MinValue, project?.Phase ?? 0, decisions);
    }

    /// <summary>
    /// MIDI determinants against the Movisie phases (byGroup false) or the project's groups (true), with
    /// facilitator / barrier counts of the regular and consensus codings.
    /// </summary>
    public async Task<CodeMatrix> MatrixAsync(long projectId, bool byGroup, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var fragments = await QueryFragmentsAsync(connection, transaction, projectId, new FragmentFilter { Limit = int.MaxValue }, unplaced: false, cancellationToken);
        var books = await CodebookStore.ReadCodebooksAsync(connection, transaction, projectId, cancellationToken);
        var midi = books.Single(b => b.Framework == "midi");
        var groupNames = midi.Codes.Where(c => !c.IsCodable).ToDictionary(c => c.Id, c => c.NameNl);
        List<(string Key, string Label)> columns;
        Func<Fragment, string?> column;
        if (byGroup)
        {
            columns = await connection.QueryAsync(transaction, "SELECT id, name FROM project_groups WHERE project_id = @project ORDER BY id;",
                reader => (Id(reader.GetInt64(0)), reader.GetString(1)), cancellationToken, ("@project", projectId));
            columns.Add(("", "Geen groep"));
            column = f => f.GroupId is { } g ? Id(g) : "";
        }
        else
        {
            columns = await connection.QueryAsync(transaction, "SELECT number, name_nl FROM movisie_phases ORDER BY number;",
                reader => (Id(reader.GetInt64(0)), reader.GetString(1)), cancellationToken);
            // a fragment dated before the project's start has no recorded phase: shown as such, never guessed
            columns.Add(("", "Fase onbekend"));
            column = f => f.Phase?.ToString(CultureInfo.InvariantCulture) ?? "";
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

        if (rows.All(r => r.Cells[^1].Total == 0))
        {
            columns.RemoveAt(columns.Count - 1);
            rows = rows.Select(r => r with { Cells = r.Cells.Take(columns.Count).ToList() }).ToList();
        }

        return new CodeMatrix(columns, rows);
    }

    /// <summary>Who made the project's regular and consensus codings (for the coder filter), by name.</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> ListCodersAsync(long projectId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT DISTINCT coalesce(c.coder_id, -c.file_coder_id, 0), coalesce(c.external_coder_name, u.display_name, 'Verwijderde codeur') AS name
            FROM codings c LEFT JOIN users u ON u.id = c.coder_id
            WHERE c.project_id = @project AND c.removed_at IS NULL AND c.unplaced_at IS NULL AND (c.round_id IS NULL OR c.is_consensus = 1)
            ORDER BY name;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, sql, reader => (reader.GetInt64(0), reader.GetString(1)), cancellationToken, ("@project", projectId));
    }

    /// <summary>The distinct document attributes (name and value) of the project's documents, for the fragment filter.</summary>
    public async Task<IReadOnlyList<DocumentVariable>> ListAttributesAsync(long projectId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT DISTINCT a.name, a.value
            FROM document_attributes a JOIN coding_documents d ON d.id = a.document_id
            WHERE d.project_id = @project
            ORDER BY a.name, a.value
            LIMIT 500;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, sql, reader => new DocumentVariable(reader.GetString(0), reader.GetString(1)), cancellationToken, ("@project", projectId));
    }

    /// <summary>How often each code is used (regular and consensus codings), per codebook, most used first.</summary>
    public async Task<IReadOnlyList<CodeFrequency>> FrequenciesAsync(long projectId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT c.code_id, count(*), count(DISTINCT v.document_id), sum(CASE WHEN c.valence = 'bevorderend' THEN 1 ELSE 0 END), sum(CASE WHEN c.valence = 'belemmerend' THEN 1 ELSE 0 END)
            FROM codings c JOIN document_versions v ON v.id = c.version_id
            WHERE c.project_id = @project AND c.removed_at IS NULL AND c.unplaced_at IS NULL AND (c.round_id IS NULL OR c.is_consensus = 1)
            GROUP BY c.code_id;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var books = await CodebookStore.ReadCodebooksAsync(connection, transaction, projectId, cancellationToken);
        var codes = books.SelectMany(b => b.Codes.Select(c => (Code: c, Book: b))).ToDictionary(x => x.Code.Id);
        var result = await connection.QueryAsync(transaction, sql, reader =>
        {
            var (code, book) = codes[reader.GetInt64(0)];
            return new CodeFrequency(code, book.Name, reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
        }, cancellationToken, ("@project", projectId));
        return result.OrderByDescending(f => f.Codings).ThenBy(f => f.CodebookName).ThenBy(f => f.Code.Position).ToList();
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
