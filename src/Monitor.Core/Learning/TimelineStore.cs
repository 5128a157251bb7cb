using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Learning;

/// <summary>
/// The project's eventful timeline, read from meetings, phase decisions and plan activities done, plus the high and low
/// points participants mark on it (the one thing this store writes — add, change, delete — with its audit entry in the same transaction).
/// </summary>
public sealed class TimelineStore
{
    public const int TitleMaxLength = 200;
    public const int StoryMaxLength = 2000;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public TimelineStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>
    /// The timeline of a project, all groups or one (<paramref name="groupId"/>: that group's meetings and moments, and
    /// everything that concerns the whole project); null when there is no such project.
    /// </summary>
    public async Task<ProjectTimeline?> ReadAsync(long projectId, long? groupId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var project = await connection.QueryFirstAsync(transaction, "SELECT start_date, end_date, current_phase FROM projects WHERE id = @id;",
            reader => new { Start = reader.GetDate(0), End = reader.GetDateOrNull(1), Phase = reader.GetInt32(2) }, cancellationToken, ("@id", projectId));
        if (project is null)
        {
            return null;
        }

        var parameters = new (string, object?)[] { ("@project_id", projectId), ("@group_id", groupId) };
        var groups = await connection.QueryAsync(transaction, "SELECT id, name FROM project_groups WHERE project_id = @project_id ORDER BY name;",
            reader => new TimelineGroup(reader.GetInt64(0), reader.GetString(1)), cancellationToken, parameters);
        var events = new List<TimelineEvent>();
        events.AddRange(await connection.QueryAsync(transaction, """
            SELECT m.id, m.held_on, m.title, g.id, g.name
            FROM meetings m JOIN project_groups g ON g.id = m.group_id
            WHERE g.project_id = @project_id AND m.status = 'gehouden' AND (@group_id IS NULL OR g.id = @group_id);
            """, reader => new TimelineEvent
        {
            Kind = TimelineEventKind.Bijeenkomst,
            SourceId = reader.GetInt64(0),
            On = reader.GetDate(1),
            Title = reader.GetString(2).Length > 0 ? reader.GetString(2) : reader.GetString(4),
            GroupId = reader.GetInt64(3),
            GroupName = reader.GetString(4),
        }, cancellationToken, parameters));
        var decisions = await connection.QueryAsync(transaction, """
            SELECT id, from_phase, to_phase, decided_on, note FROM phase_transitions WHERE project_id = @project_id ORDER BY decided_on, id;
            """, reader => (Id: reader.GetInt64(0), From: reader.GetInt32(1), To: reader.GetInt32(2), On: reader.GetDate(3), Note: reader.GetString(4)),
            cancellationToken, parameters);
        var names = (await connection.QueryAsync(transaction, "SELECT number, name_nl, name_en FROM movisie_phases;",
            reader => (Number: reader.GetInt32(0), Nl: reader.GetString(1), En: reader.GetString(2)), cancellationToken))
            .ToDictionary(p => p.Number, p => (p.Nl, p.En));
        events.AddRange(decisions.Select(d => new TimelineEvent
        {
            Kind = TimelineEventKind.Fasebesluit,
            SourceId = d.Id,
            On = d.On,
            Title = $"Fase {d.From.ToString(CultureInfo.InvariantCulture)} → {d.To.ToString(CultureInfo.InvariantCulture)} ({names.GetValueOrDefault(d.To).Nl})",
            Story = d.Note,
        }));
        events.AddRange(await connection.QueryAsync(transaction, """
            SELECT id, completed_on, title FROM plan_activities
            WHERE project_id = @project_id AND status = 'gereed' AND completed_on IS NOT NULL;
            """, reader => new TimelineEvent
        {
            Kind = TimelineEventKind.Mijlpaal,
            SourceId = reader.GetInt64(0),
            On = reader.GetDate(1),
            Title = reader.GetString(2),
        }, cancellationToken, parameters));
        events.AddRange(await connection.QueryAsync(transaction, """
            SELECT t.id, t.occurred_on, t.kind, t.title, t.story, t.group_id, g.name, t.is_reconstructed
            FROM timeline_moments t LEFT JOIN project_groups g ON g.id = t.group_id
            WHERE t.project_id = @project_id AND (@group_id IS NULL OR t.group_id IS NULL OR t.group_id = @group_id);
            """, reader => new TimelineEvent
        {
            SourceId = reader.GetInt64(0),
            On = reader.GetDate(1),
            Kind = Codes.Parse<MomentKind>(reader.GetString(2)) == MomentKind.Hoogtepunt ? TimelineEventKind.Hoogtepunt : TimelineEventKind.Dieptepunt,
            Title = reader.GetString(3),
            Story = reader.GetString(4),
            GroupId = reader.IsDBNull(5) ? null : reader.GetInt64(5),
            GroupName = reader.GetStringOrNull(6),
            Reconstructed = reader.GetFlag(7),
        }, cancellationToken, parameters));

        var sorted = events.OrderBy(e => e.On).ThenBy(e => e.Kind).ThenBy(e => e.SourceId).ToList();
        var today = DutchClock.Today(_time);
        var last = new[] { project.End ?? today, sorted.Count > 0 ? sorted[^1].On : project.Start }.Max();
        var phases = TimelinePhases.From(project.Start, last, project.Phase, [.. decisions.Select(d => (d.From, d.To, d.On))],
            number => names.TryGetValue(number, out var name) ? name : ($"Fase {number}", $"Phase {number}"));
        return new ProjectTimeline { ProjectId = projectId, Events = sorted, Phases = phases, Groups = groups, GroupId = groupId };
    }

    /// <summary>
    /// Adds a high or low point; null when there is no such project. With <paramref name="onlyGroupsOfUser"/> (a deelnemer)
    /// the moment must belong to a group that user is a member of.
    /// </summary>
    /// <exception cref="ValidationException">A field breaks a rule or the group is not one the user may add to; nothing was written.</exception>
    public async Task<long?> AddMomentAsync(long projectId, MomentDraft draft, Actor actor, long? onlyGroupsOfUser = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        CheckDraft(draft);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM projects WHERE id = @id;", cancellationToken, ("@id", projectId)) is null)
        {
            return null;
        }

        await CheckGroupAsync(connection, transaction, projectId, draft.GroupId, cancellationToken);
        if (onlyGroupsOfUser is { } userId && (draft.GroupId is null || !(await GroupIdsOfUserAsync(connection, transaction, projectId, userId, cancellationToken)).Contains(draft.GroupId.Value)))
        {
            throw new ValidationException([new ValidationError("groupId", "Kies een groep waarvan je zelf lid bent.")]);
        }

        var id = await connection.InsertAsync(transaction, """
            INSERT INTO timeline_moments (project_id, group_id, occurred_on, kind, title, story, is_reconstructed, created_at, created_by)
            VALUES (@project_id, @group_id, @on, @kind, @title, @story, @reconstructed, @now, @by)
            RETURNING id;
            """, cancellationToken, ("@project_id", projectId), ("@group_id", draft.GroupId), ("@on", draft.OccurredOn.ToDbValue()), ("@kind", draft.Kind.ToCode()),
            ("@title", draft.Title.Trim()), ("@story", draft.Story.Trim()), ("@reconstructed", draft.Reconstructed ? 1 : 0),
            ("@now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)), ("@by", actor.Name));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("timelineMoment", id, projectId, Values(draft)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>A high or low point as its edit form shows it; null when it is not in this project.</summary>
    public async Task<MomentDraft?> FindMomentAsync(long projectId, long momentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        return await FindMomentAsync(connection, transaction, projectId, momentId, cancellationToken);
    }

    /// <summary>
    /// Who added each high or low point of the project (the user id of the audit entry that created it; null for demo
    /// data and accounts since deleted), for <see cref="MomentRules"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, long?>> MomentAuthorsAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var authors = await connection.QueryAsync(null, $"""
            SELECT t.id, {AuthorSql} FROM timeline_moments t WHERE t.project_id = @project_id;
            """, reader => (Id: reader.GetInt64(0), Author: reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1)), cancellationToken, ("@project_id", projectId));
        return authors.ToDictionary(a => a.Id, a => a.Author);
    }

    /// <summary>
    /// Changes a high or low point; null when it is not in this project. With <paramref name="onlyOwnOfUser"/> (a deelnemer)
    /// it must be their own, in a group of theirs, and stay in one.
    /// </summary>
    /// <exception cref="ValidationException">A field breaks a rule or the user may not change this moment; nothing was written.</exception>
    public async Task<string?> UpdateMomentAsync(long projectId, long momentId, MomentDraft draft, Actor actor, long? onlyOwnOfUser = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        CheckDraft(draft);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await FindMomentAsync(connection, transaction, projectId, momentId, cancellationToken) is not { } before)
        {
            return null;
        }

        await CheckGroupAsync(connection, transaction, projectId, draft.GroupId, cancellationToken);
        if (onlyOwnOfUser is { } userId)
        {
            var groups = await GroupIdsOfUserAsync(connection, transaction, projectId, userId, cancellationToken);
            var author = await AuthorAsync(connection, transaction, momentId, cancellationToken);
            if (!MomentRules.MayChange(false, userId, author, before.GroupId, groups) || !MomentRules.MayChange(false, userId, author, draft.GroupId, groups))
            {
                throw new ValidationException([new ValidationError("groupId", "Je kunt alleen je eigen hoogte- en dieptepunten in je eigen groep wijzigen.")]);
            }
        }

        await connection.ExecuteAsync(transaction, """
            UPDATE timeline_moments SET group_id = @group_id, occurred_on = @on, kind = @kind, title = @title, story = @story WHERE id = @id;
            """, cancellationToken, ("@id", momentId), ("@group_id", draft.GroupId), ("@on", draft.OccurredOn.ToDbValue()), ("@kind", draft.Kind.ToCode()),
            ("@title", draft.Title.Trim()), ("@story", draft.Story.Trim()));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("timelineMoment", momentId, projectId, Values(before), Values(draft)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return draft.Title.Trim();
    }

    /// <summary>Deletes a high or low point; null when it is not in this project. With <paramref name="onlyOwnOfUser"/> as for <see cref="UpdateMomentAsync"/>.</summary>
    /// <exception cref="ValidationException">The user may not delete this moment; nothing was written.</exception>
    public async Task<string?> DeleteMomentAsync(long projectId, long momentId, Actor actor, long? onlyOwnOfUser = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await FindMomentAsync(connection, transaction, projectId, momentId, cancellationToken) is not { } before)
        {
            return null;
        }

        if (onlyOwnOfUser is { } userId
            && !MomentRules.MayChange(false, userId, await AuthorAsync(connection, transaction, momentId, cancellationToken), before.GroupId,
                await GroupIdsOfUserAsync(connection, transaction, projectId, userId, cancellationToken)))
        {
            throw new ValidationException([new ValidationError("momentId", "Je kunt alleen je eigen hoogte- en dieptepunten in je eigen groep verwijderen.")]);
        }

        await connection.ExecuteAsync(transaction, "DELETE FROM timeline_moments WHERE id = @id;", cancellationToken, ("@id", momentId));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Deleted("timelineMoment", momentId, projectId, Values(before)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return before.Title;
    }

    /// <summary>The groups of a project the user is (or was) a member of.</summary>
    public async Task<IReadOnlyList<long>> GroupIdsOfUserAsync(long projectId, long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        return await GroupIdsOfUserAsync(connection, transaction, projectId, userId, cancellationToken);
    }

    // The author is whoever the audit log says created the moment: the one record of who did what.
    private const string AuthorSql = "(SELECT a.actor_user_id FROM audit_log a WHERE a.entity = 'timelineMoment' AND a.entity_id = t.id AND a.action = 'create' ORDER BY a.id LIMIT 1)";

    private static void CheckDraft(MomentDraft draft)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "title", draft.Title, TitleMaxLength, "de titel");
        Checks.Optional(errors, "story", draft.Story, StoryMaxLength, "het verhaal");
        Checks.ThrowIfAny(errors);
    }

    private static async Task CheckGroupAsync(DbConnection connection, DbTransaction transaction, long projectId, long? groupId, CancellationToken cancellationToken)
    {
        if (groupId is { } id
            && await connection.ScalarLongAsync(transaction, "SELECT 1 FROM project_groups WHERE id = @id AND project_id = @project_id;", cancellationToken,
                ("@id", id), ("@project_id", projectId)) is null)
        {
            throw new ValidationException([new ValidationError("groupId", $"Dit project heeft geen groep {id}.")]);
        }
    }

    private static Dictionary<string, string?> Values(MomentDraft draft) => new()
    {
        ["occurredOn"] = draft.OccurredOn.ToDbValue(),
        ["kind"] = draft.Kind.ToCode(),
        ["title"] = draft.Title.Trim(),
        ["story"] = draft.Story.Trim(),
        ["group"] = draft.GroupId?.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task<MomentDraft?> FindMomentAsync(DbConnection connection, DbTransaction transaction, long projectId, long momentId, CancellationToken cancellationToken) =>
        await connection.QueryFirstAsync(transaction, """
            SELECT occurred_on, kind, title, story, group_id, is_reconstructed FROM timeline_moments WHERE id = @id AND project_id = @project_id;
            """, reader => new MomentDraft
        {
            OccurredOn = reader.GetDate(0),
            Kind = Codes.Parse<MomentKind>(reader.GetString(1)),
            Title = reader.GetString(2),
            Story = reader.GetString(3),
            GroupId = reader.IsDBNull(4) ? null : reader.GetInt64(4),
            Reconstructed = reader.GetFlag(5),
        }, cancellationToken, ("@id", momentId), ("@project_id", projectId));

    private static async Task<long?> AuthorAsync(DbConnection connection, DbTransaction transaction, long momentId, CancellationToken cancellationToken) =>
        await connection.ScalarLongAsync(transaction, $"SELECT {AuthorSql} FROM timeline_moments t WHERE t.id = @id;", cancellationToken, ("@id", momentId));

    private static async Task<IReadOnlyList<long>> GroupIdsOfUserAsync(DbConnection connection, DbTransaction transaction, long projectId, long userId, CancellationToken cancellationToken) =>
        await connection.QueryAsync(transaction, """
            SELECT DISTINCT g.id FROM project_groups g JOIN group_members gm ON gm.group_id = g.id
            WHERE g.project_id = @project_id AND gm.user_id = @user_id;
            """, reader => reader.GetInt64(0), cancellationToken, ("@project_id", projectId), ("@user_id", userId));
}
