using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Learning;

/// <summary>
/// The learning agenda of a project: leervragen and knelpunten with every status they had (date and who), owner, actions,
/// what was learned and the sources they are linked to. Every write goes through <see cref="WriteAsync{T}"/>: one
/// transaction with its audit entry.
/// </summary>
public sealed class LearningAgendaStore
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 4000;
    public const int OwnerMaxLength = 200;
    public const int NoteMaxLength = 1000;
    public const int MaxSources = 50;

    private const string ItemColumns = """
        id, project_id, kind, title, description, owner, actions, learned, status, is_reconstructed
        """;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public LearningAgendaStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>The agenda of a project, in the order entries were added; null when there is no such project.</summary>
    public async Task<IReadOnlyList<LearningItem>?> ListAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        if (!await ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        return await ReadItemsAsync(connection, transaction, projectId, null, cancellationToken);
    }

    /// <summary>One entry; null when it is not in this project.</summary>
    public async Task<LearningItem?> FindAsync(long projectId, long itemId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        return (await ReadItemsAsync(connection, transaction, projectId, itemId, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Puts an entry on the agenda with its first status; null when there is no such project.</summary>
    /// <exception cref="ValidationException">A field breaks a rule or a source is not in this project; nothing was written.</exception>
    public async Task<long?> CreateAsync(long projectId, LearningItemDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        var (found, id) = await WriteAsync<long>(projectId, actor, async (connection, transaction) =>
        {
            await CheckSourcesAsync(connection, transaction, projectId, draft.Sources, cancellationToken);
            var id = await connection.InsertAsync(transaction, """
                INSERT INTO learning_items (project_id, kind, title, description, owner, actions, learned, status, is_reconstructed, created_at, created_by)
                VALUES (@project_id, @kind, @title, @description, @owner, @actions, @learned, @status, @reconstructed, @now, @by)
                RETURNING id;
                """, cancellationToken, ("@project_id", projectId), ("@kind", draft.Kind.ToCode()), ("@title", draft.Title.Trim()),
                ("@description", draft.Description.Trim()), ("@owner", draft.Owner.Trim()), ("@actions", draft.Actions.Trim()),
                ("@learned", draft.Learned.Trim()), ("@status", draft.Status.ToCode()), ("@reconstructed", draft.Reconstructed ? 1 : 0),
                ("@now", Now()), ("@by", actor.Name));
            var on = draft.StatusOn ?? DutchClock.Today(_time);
            await InsertStatusAsync(connection, transaction, id, draft.Status, on, draft.StatusNote, actor, cancellationToken);
            await WriteSourcesAsync(connection, transaction, id, draft.Sources, cancellationToken);
            return (id, (AuditChange?)AuditChange.Created("learningItem", id, projectId, AuditValues(draft, on)));
        }, cancellationToken);
        return found ? id : null;
    }

    /// <summary>
    /// Changes an entry; a new status is added to its history (dated <see cref="LearningItemDraft.StatusOn"/> or today,
    /// not before the entry's last status). False when the entry is not in this project.
    /// </summary>
    /// <exception cref="ValidationException">A field breaks a rule or a source is not in this project; nothing was written.</exception>
    public async Task<bool> UpdateAsync(long projectId, long itemId, LearningItemDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        return await UpdateAsync(projectId, itemId, _ => draft, actor, cancellationToken);
    }

    /// <summary>
    /// Records what the group concluded about an entry in a look-back session (issue #19): the conclusion is added to
    /// what was learned (dated), and a new <paramref name="status"/> is a status change on <paramref name="on"/> with the
    /// note "terugblik". False when the entry is not in this project.
    /// </summary>
    /// <exception cref="ValidationException">The conclusion is empty or what was learned becomes too long; nothing was written.</exception>
    public async Task<bool> RecordLookBackAsync(long projectId, long itemId, LearningStatus status, string conclusion, DateOnly on, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "conclusion", conclusion, TextMaxLength, "de conclusie");
        Checks.ThrowIfAny(errors);
        return await UpdateAsync(projectId, itemId, before =>
        {
            var line = $"{on.ToDbValue()} (terugblik): {conclusion.Trim()}";
            var draft = ToDraft(before) with
            {
                Learned = before.Learned.Length == 0 ? line : before.Learned + "\n" + line,
                Status = status,
                StatusOn = on,
                StatusNote = "terugblik",
            };
            Validate(draft);
            return draft;
        }, actor, cancellationToken);
    }

    // The one update path: the new draft is made from the stored entry inside the write transaction.
    private async Task<bool> UpdateAsync(long projectId, long itemId, Func<LearningItem, LearningItemDraft> change, Actor actor, CancellationToken cancellationToken)
    {
        var (found, _) = await WriteAsync<bool>(projectId, actor, async (connection, transaction) =>
        {
            if ((await ReadItemsAsync(connection, transaction, projectId, itemId, cancellationToken)).SingleOrDefault() is not { } before)
            {
                return (false, null);
            }

            var draft = change(before);
            await CheckSourcesAsync(connection, transaction, projectId, draft.Sources, cancellationToken);
            var on = draft.StatusOn ?? DutchClock.Today(_time);
            if (draft.Status != before.Status)
            {
                if (before.History.Count > 0 && on < before.History[^1].On)
                {
                    throw new ValidationException([new ValidationError("statusOn",
                        $"De datum van de statuswijziging ligt voor de vorige wijziging ({before.History[^1].On.ToDbValue()}).")]);
                }

                await InsertStatusAsync(connection, transaction, itemId, draft.Status, on, draft.StatusNote, actor, cancellationToken);
            }

            await connection.ExecuteAsync(transaction, """
                UPDATE learning_items
                SET kind = @kind, title = @title, description = @description, owner = @owner, actions = @actions, learned = @learned, status = @status
                WHERE id = @id;
                """, cancellationToken, ("@id", itemId), ("@kind", draft.Kind.ToCode()), ("@title", draft.Title.Trim()),
                ("@description", draft.Description.Trim()), ("@owner", draft.Owner.Trim()), ("@actions", draft.Actions.Trim()),
                ("@learned", draft.Learned.Trim()), ("@status", draft.Status.ToCode()));
            await connection.ExecuteAsync(transaction, "DELETE FROM learning_item_sources WHERE item_id = @id;", cancellationToken, ("@id", itemId));
            await WriteSourcesAsync(connection, transaction, itemId, draft.Sources, cancellationToken);
            var beforeValues = AuditValues(ToDraft(before), before.History.Count > 0 ? before.History[^1].On : on);
            return (true, (AuditChange?)AuditChange.Updated("learningItem", itemId, projectId, beforeValues, AuditValues(draft, draft.Status != before.Status ? on : before.History[^1].On)));
        }, cancellationToken);
        return found;
    }

    /// <summary>
    /// What the sources linked to the project's agenda are, for links: per source its meeting (with day and group) and a
    /// short label (a meeting's title, a "minder gewerkt" answer, an action item, a finding's title). Sources that no
    /// longer exist are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<LearningSource, LearningSourceTarget>> DescribeSourcesAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var targets = await connection.QueryAsync(null, """
            WITH linked AS (
                SELECT DISTINCT s.kind, s.source_id FROM learning_item_sources s JOIN learning_items i ON i.id = s.item_id WHERE i.project_id = @project_id)
            SELECT l.kind, l.source_id, m.id, m.held_on, g.name, m.title
            FROM linked l JOIN meetings m ON m.id = l.source_id JOIN project_groups g ON g.id = m.group_id
            WHERE l.kind = 'bijeenkomst' AND g.project_id = @project_id
            UNION ALL
            SELECT l.kind, l.source_id, m.id, m.held_on, g.name, CASE WHEN trim(r.went_less) <> '' THEN r.went_less ELSE r.went_well END
            FROM linked l JOIN reflections r ON r.id = l.source_id JOIN meetings m ON m.id = r.meeting_id JOIN project_groups g ON g.id = m.group_id
            WHERE l.kind = 'reflectie' AND g.project_id = @project_id
            UNION ALL
            SELECT l.kind, l.source_id, m.id, m.held_on, g.name, a.description
            FROM linked l JOIN action_items a ON a.id = l.source_id JOIN meetings m ON m.id = a.meeting_id JOIN project_groups g ON g.id = m.group_id
            WHERE l.kind = 'actiepunt' AND g.project_id = @project_id
            UNION ALL
            SELECT l.kind, l.source_id, NULL, NULL, NULL, f.title
            FROM linked l JOIN findings f ON f.id = l.source_id
            WHERE l.kind = 'bevinding' AND f.project_id = @project_id;
            """, reader => new LearningSourceTarget(
                new LearningSource(Codes.Parse<LearningSourceKind>(reader.GetString(0)), reader.GetInt64(1)),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.GetDateOrNull(3),
                reader.GetStringOrNull(4),
                Shorten(reader.GetString(5))), cancellationToken, ("@project_id", projectId));
        return targets.ToDictionary(t => t.Source);
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 80 ? line : string.Concat(line.AsSpan(0, 79).TrimEnd(), "…");
    }

    /// <summary>
    /// The "minder gewerkt" answers of a project with the MIDI determinants coded on their reflection (impeding or mixed),
    /// and whether an agenda entry already links them; the input of <see cref="LearningSuggester"/>.
    /// </summary>
    public async Task<IReadOnlyList<LessAnswer>> LessAnswersAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var determinants = (await connection.QueryAsync(transaction, """
            SELECT DISTINCT d.reflection_id, c.key
            FROM codings cg
            JOIN document_versions v ON v.id = cg.version_id
            JOIN coding_documents d ON d.id = v.document_id
            JOIN codes c ON c.id = cg.code_id
            WHERE d.project_id = @project_id AND d.reflection_id IS NOT NULL AND c.key LIKE 'midi-%'
              AND cg.valence IN ('belemmerend', 'gemengd') AND (cg.round_id IS NULL OR cg.is_consensus = 1);
            """, reader => (ReflectionId: reader.GetInt64(0), Key: reader.GetString(1)), cancellationToken, ("@project_id", projectId)))
            .Select(r => (r.ReflectionId, Number: int.TryParse(r.Key.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null))
            .Where(r => r.Number is not null)
            .ToLookup(r => r.ReflectionId, r => r.Number!.Value);
        return await connection.QueryAsync(transaction, """
            SELECT r.id, r.meeting_id, m.held_on, m.group_id, r.went_less,
                EXISTS (SELECT 1 FROM learning_item_sources s JOIN learning_items i ON i.id = s.item_id
                        WHERE s.kind = 'reflectie' AND s.source_id = r.id AND i.project_id = @project_id)
            FROM reflections r
            JOIN meetings m ON m.id = r.meeting_id
            JOIN project_groups g ON g.id = m.group_id
            WHERE g.project_id = @project_id AND trim(r.went_less) <> ''
            ORDER BY m.held_on, r.id;
            """, reader => new LessAnswer
        {
            ReflectionId = reader.GetInt64(0),
            MeetingId = reader.GetInt64(1),
            HeldOn = reader.GetDate(2),
            GroupId = reader.GetInt64(3),
            Text = reader.GetString(4),
            Determinants = [.. determinants[reader.GetInt64(0)].Order()],
            AlreadyLinked = reader.GetFlag(5),
        }, cancellationToken, ("@project_id", projectId));
    }

    private async Task<(bool Found, T? Value)> WriteAsync<T>(long projectId, Actor actor, Func<DbConnection, DbTransaction, Task<(T Value, AuditChange? Audit)>> change, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return (false, default);
        }

        var (value, audit) = await change(connection, transaction);
        if (audit is null)
        {
            return (false, default);
        }

        await _audit.RecordAsync(connection, transaction, actor, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (true, value);
    }

    private static void Validate(LearningItemDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ValidationError>();
        Checks.Required(errors, "title", draft.Title, TitleMaxLength, "de titel");
        Checks.Optional(errors, "description", draft.Description, TextMaxLength, "de toelichting");
        Checks.Optional(errors, "owner", draft.Owner, OwnerMaxLength, "de eigenaar");
        Checks.Optional(errors, "actions", draft.Actions, TextMaxLength, "de ondernomen acties");
        Checks.Optional(errors, "learned", draft.Learned, TextMaxLength, "wat er geleerd is");
        Checks.Optional(errors, "statusNote", draft.StatusNote, NoteMaxLength, "de toelichting bij de status");
        if (draft.Sources.Count > MaxSources)
        {
            errors.Add(new ValidationError("sources", $"Koppel hooguit {MaxSources} bronnen aan een punt van de leeragenda."));
        }

        Checks.ThrowIfAny(errors);
    }

    private static async Task CheckSourcesAsync(DbConnection connection, DbTransaction transaction, long projectId, IReadOnlyList<LearningSource> sources, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        foreach (var source in sources.Distinct())
        {
            var sql = source.Kind switch
            {
                LearningSourceKind.Bijeenkomst => "SELECT 1 FROM meetings m JOIN project_groups g ON g.id = m.group_id WHERE m.id = @id AND g.project_id = @project_id;",
                LearningSourceKind.Reflectie => """
                    SELECT 1 FROM reflections r JOIN meetings m ON m.id = r.meeting_id JOIN project_groups g ON g.id = m.group_id
                    WHERE r.id = @id AND g.project_id = @project_id;
                    """,
                LearningSourceKind.Actiepunt => "SELECT 1 FROM action_items a JOIN project_groups g ON g.id = a.group_id WHERE a.id = @id AND g.project_id = @project_id;",
                _ => "SELECT 1 FROM findings WHERE id = @id AND project_id = @project_id;",
            };
            if (await connection.ScalarLongAsync(transaction, sql, cancellationToken, ("@id", source.Id), ("@project_id", projectId)) is null)
            {
                errors.Add(new ValidationError("sources", $"Dit project heeft geen {source.Kind.Label("nl")} {source.Id}."));
            }
        }

        Checks.ThrowIfAny(errors);
    }

    private static async Task WriteSourcesAsync(DbConnection connection, DbTransaction transaction, long itemId, IReadOnlyList<LearningSource> sources, CancellationToken cancellationToken)
    {
        foreach (var source in sources.Distinct())
        {
            await connection.ExecuteAsync(transaction, """
                INSERT INTO learning_item_sources (item_id, kind, source_id) VALUES (@item_id, @kind, @source_id);
                """, cancellationToken, ("@item_id", itemId), ("@kind", source.Kind.ToCode()), ("@source_id", source.Id));
        }
    }

    private static async Task InsertStatusAsync(DbConnection connection, DbTransaction transaction, long itemId, LearningStatus status, DateOnly on, string note, Actor actor, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(transaction, """
            INSERT INTO learning_item_statuses (item_id, status, changed_on, changed_by, note) VALUES (@item_id, @status, @on, @by, @note);
            """, cancellationToken, ("@item_id", itemId), ("@status", status.ToCode()), ("@on", on.ToDbValue()), ("@by", actor.Name), ("@note", note.Trim()));

    private static async Task<bool> ProjectExistsAsync(DbConnection connection, DbTransaction transaction, long projectId, CancellationToken cancellationToken) =>
        await connection.ScalarLongAsync(transaction, "SELECT 1 FROM projects WHERE id = @id;", cancellationToken, ("@id", projectId)) is not null;

    private static async Task<IReadOnlyList<LearningItem>> ReadItemsAsync(DbConnection connection, DbTransaction transaction, long projectId, long? itemId, CancellationToken cancellationToken)
    {
        var parameters = new (string, object?)[] { ("@project_id", projectId), ("@item_id", itemId) };
        const string filter = "project_id = @project_id AND (@item_id IS NULL OR id = @item_id)";
        var history = (await connection.QueryAsync(transaction, $"""
            SELECT item_id, status, changed_on, changed_by, note FROM learning_item_statuses
            WHERE item_id IN (SELECT id FROM learning_items WHERE {filter})
            ORDER BY changed_on, id;
            """, reader => (ItemId: reader.GetInt64(0), Change: new LearningStatusChange(Codes.Parse<LearningStatus>(reader.GetString(1)), reader.GetDate(2), reader.GetString(3), reader.GetString(4))),
            cancellationToken, parameters)).ToLookup(h => h.ItemId, h => h.Change);
        var sources = (await connection.QueryAsync(transaction, $"""
            SELECT item_id, kind, source_id FROM learning_item_sources
            WHERE item_id IN (SELECT id FROM learning_items WHERE {filter})
            ORDER BY kind, source_id;
            """, reader => (ItemId: reader.GetInt64(0), Source: new LearningSource(Codes.Parse<LearningSourceKind>(reader.GetString(1)), reader.GetInt64(2))),
            cancellationToken, parameters)).ToLookup(s => s.ItemId, s => s.Source);
        return await connection.QueryAsync(transaction, $"SELECT {ItemColumns} FROM learning_items WHERE {filter} ORDER BY id;", reader => new LearningItem
        {
            Id = reader.GetInt64(0),
            ProjectId = reader.GetInt64(1),
            Kind = Codes.Parse<LearningItemKind>(reader.GetString(2)),
            Title = reader.GetString(3),
            Description = reader.GetString(4),
            Owner = reader.GetString(5),
            Actions = reader.GetString(6),
            Learned = reader.GetString(7),
            Status = Codes.Parse<LearningStatus>(reader.GetString(8)),
            Reconstructed = reader.GetFlag(9),
            History = [.. history[reader.GetInt64(0)]],
            Sources = [.. sources[reader.GetInt64(0)]],
        }, cancellationToken, parameters);
    }

    private static LearningItemDraft ToDraft(LearningItem item) => new()
    {
        Kind = item.Kind,
        Title = item.Title,
        Description = item.Description,
        Owner = item.Owner,
        Actions = item.Actions,
        Learned = item.Learned,
        Status = item.Status,
        Sources = item.Sources,
    };

    private static Dictionary<string, string?> AuditValues(LearningItemDraft draft, DateOnly statusOn) => new()
    {
        ["kind"] = draft.Kind.ToCode(),
        ["title"] = draft.Title.Trim(),
        ["description"] = draft.Description.Trim(),
        ["owner"] = draft.Owner.Trim(),
        ["actions"] = draft.Actions.Trim(),
        ["learned"] = draft.Learned.Trim(),
        ["status"] = draft.Status.ToCode(),
        ["statusOn"] = statusOn.ToDbValue(),
        ["sources"] = string.Join(", ", draft.Sources.Distinct().OrderBy(s => s.Kind).ThenBy(s => s.Id).Select(s => $"{s.Kind.ToCode()}:{s.Id.ToString(CultureInfo.InvariantCulture)}")),
    };

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
