using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Meetings;

namespace Monitor.Core.Projects;

/// <summary>Projects; a project is created with its groups, members and meetings through the meeting slice's inserts.</summary>
public sealed class ProjectStore
{
    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;
    private readonly MeetingWrites _writes;

    public ProjectStore(MonitorDatabase database, AuditStore audit, MeetingWrites writes, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _writes = writes;
        _time = time;
    }

    public async Task<IReadOnlyList<ProjectSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        const string projectsSql = """
            SELECT p.id, p.slug, p.name, p.organisation, p.innovation, p.start_date, p.end_date, p.current_phase, p.is_demo,
                   (SELECT max(m.held_on) FROM meetings m JOIN project_groups g ON g.id = m.group_id WHERE g.project_id = p.id)
            FROM projects p
            ORDER BY p.name COLLATE NOCASE, p.id;
            """;
        const string groupsSql = """
            SELECT g.project_id, g.id, g.kind, g.name, g.cadence,
                   (SELECT count(*) FROM group_members gm WHERE gm.group_id = g.id),
                   (SELECT count(*) FROM meetings m WHERE m.group_id = g.id)
            FROM project_groups g
            ORDER BY g.project_id, g.id;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var groups = (await connection.QueryAsync(transaction, groupsSql, reader => (ProjectId: reader.GetInt64(0), Group: new GroupSummary
        {
            Id = reader.GetInt64(1),
            Kind = Codes.Parse<GroupKind>(reader.GetString(2)),
            Name = reader.GetString(3),
            Cadence = reader.GetString(4),
            MemberCount = reader.GetInt32(5),
            MeetingCount = reader.GetInt32(6),
        }), cancellationToken)).ToLookup(g => g.ProjectId, g => g.Group);
        return await connection.QueryAsync(transaction, projectsSql, reader =>
        {
            var id = reader.GetInt64(0);
            return new ProjectSummary
            {
                Id = id,
                Slug = reader.GetString(1),
                Name = reader.GetString(2),
                Organisation = reader.GetString(3),
                Innovation = reader.GetString(4),
                StartDate = reader.GetDate(5),
                EndDate = reader.GetDateOrNull(6),
                CurrentPhase = reader.GetInt32(7),
                IsDemo = reader.GetFlag(8),
                LastMeetingOn = reader.GetDateOrNull(9),
                Groups = [.. groups[id]],
            };
        }, cancellationToken);
    }

    /// <summary>Returns the project with its groups, members and meetings, or null if there is none with this id.</summary>
    public async Task<Project?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        const string projectSql = """
            SELECT id, slug, name, organisation, innovation, description, start_date, end_date, current_phase, is_demo, created_at
            FROM projects
            WHERE id = @id;
            """;
        const string groupsSql = """
            SELECT id, kind, name, purpose, cadence
            FROM project_groups
            WHERE project_id = @id
            ORDER BY id;
            """;
        const string membersSql = $"""
            SELECT gm.group_id, {GroupStore.MemberColumns}
            FROM group_members gm
            JOIN project_groups g ON g.id = gm.group_id
            WHERE g.project_id = @id
            ORDER BY gm.group_id, gm.id;
            """;
        const string meetingsSql = $"""
            SELECT {MeetingStore.MeetingColumns}
            FROM meetings m
            JOIN project_groups g ON g.id = m.group_id
            WHERE g.project_id = @id
            ORDER BY m.group_id, m.held_on, m.id;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        // One deferred (read) transaction so the four queries see the same snapshot while the worker writes.
        await using var transaction = connection.BeginRead();

        var project = await connection.QueryFirstAsync(transaction, projectSql, reader => new Project
        {
            Id = reader.GetInt64(0),
            Slug = reader.GetString(1),
            Name = reader.GetString(2),
            Organisation = reader.GetString(3),
            Innovation = reader.GetString(4),
            Description = reader.GetString(5),
            StartDate = reader.GetDate(6),
            EndDate = reader.GetDateOrNull(7),
            CurrentPhase = reader.GetInt32(8),
            IsDemo = reader.GetFlag(9),
            CreatedAt = DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture),
            Groups = [],
        }, cancellationToken, ("@id", id));
        if (project is null)
        {
            return null;
        }

        var members = (await connection.QueryAsync(transaction, membersSql, r => (Group: r.GetInt64(0), Member: GroupStore.ReadMember(r, 1)), cancellationToken, ("@id", id)))
            .ToLookup(m => m.Group, m => m.Member);
        var meetings = (await connection.QueryAsync(transaction, meetingsSql, MeetingStore.ReadMeeting, cancellationToken, ("@id", id)))
            .ToLookup(m => m.GroupId, MeetingSummary.From);
        var groups = await connection.QueryAsync(transaction, groupsSql, reader =>
        {
            var groupId = reader.GetInt64(0);
            return new ProjectGroup
            {
                Id = groupId,
                Kind = Codes.Parse<GroupKind>(reader.GetString(1)),
                Name = reader.GetString(2),
                Purpose = reader.GetString(3),
                Cadence = reader.GetString(4),
                Members = [.. members[groupId]],
                Meetings = [.. meetings[groupId]],
            };
        }, cancellationToken, ("@id", id));

        await transaction.CommitAsync(cancellationToken);
        return project with { Groups = groups };
    }

    /// <summary>Creates the project with its groups, members and meetings in one transaction.</summary>
    /// <exception cref="ValidationException">The draft breaks a rule; nothing was written.</exception>
    public async Task<long> CreateAsync(ProjectDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var id = await InsertAsync(connection, transaction, draft, isDemo: false, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    internal async Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, ProjectDraft draft, bool isDemo, Actor actor, CancellationToken cancellationToken)
    {
        var errors = ProjectDraftValidator.Validate(draft);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        if (await SlugExistsAsync(connection, transaction, draft.Slug, cancellationToken))
        {
            throw new ValidationException([new ValidationError("slug", $"Er is al een project met de korte naam '{draft.Slug}'. Kies een andere.")]);
        }

        const string projectSql = """
            INSERT INTO projects (slug, name, organisation, innovation, description, start_date, end_date, current_phase, is_demo, created_at)
            VALUES (@slug, @name, @organisation, @innovation, @description, @start_date, @end_date, @current_phase, @is_demo, @created_at)
            RETURNING id;
            """;
        var projectId = await connection.InsertAsync(transaction, projectSql, cancellationToken, ("@slug", draft.Slug), ("@name", draft.Name.Trim()),
            ("@organisation", draft.Organisation.Trim()), ("@innovation", draft.Innovation.Trim()), ("@description", draft.Description),
            ("@start_date", draft.StartDate.ToDbValue()), ("@end_date", draft.EndDate.ToDbValue()), ("@current_phase", draft.CurrentPhase),
            ("@is_demo", isDemo ? 1 : 0), ("@created_at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));

        // Groups, members and meetings through the meeting slice's own inserts: one way to write each of them.
        foreach (var group in draft.Groups)
        {
            var groupId = await GroupStore.InsertGroupAsync(connection, transaction, projectId,
                new GroupSettings { Kind = group.Kind, Name = group.Name.Trim(), Purpose = group.Purpose, Cadence = group.Cadence }, cancellationToken);
            var memberIds = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var member in group.Members)
            {
                long? replaces = string.IsNullOrWhiteSpace(member.Replaces) ? null : memberIds[member.Replaces.Trim()];
                memberIds[member.RoleLabel.Trim()] = await GroupStore.InsertMemberAsync(connection, transaction, groupId, member, replaces, cancellationToken);
            }

            foreach (var meeting in group.Meetings)
            {
                var plan = new MeetingPlan { HeldOn = meeting.HeldOn, DurationMinutes = meeting.DurationMinutes, Title = meeting.Title, Status = MeetingStatus.Gehouden };
                var meetingId = await MeetingStore.InsertMeetingAsync(connection, transaction, groupId, plan, meeting.DatePrecision, meeting.Note, cancellationToken);
                await _writes.FinishAsync(connection, transaction, meetingId, actor, null, cancellationToken);
            }
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("project", projectId, projectId, new Dictionary<string, string?>
        {
            ["name"] = draft.Name.Trim(),
            ["organisation"] = draft.Organisation.Trim(),
            ["innovation"] = draft.Innovation.Trim(),
            ["currentPhase"] = draft.CurrentPhase.ToString(CultureInfo.InvariantCulture),
            ["groups"] = draft.Groups.Count.ToString(CultureInfo.InvariantCulture),
            ["meetings"] = draft.Groups.Sum(g => g.Meetings.Count).ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        return projectId;
    }

    internal static async Task<int> DeleteDemoProjectsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(transaction, "DELETE FROM projects WHERE is_demo = 1;", cancellationToken);

    private static async Task<bool> SlugExistsAsync(DbConnection connection, DbTransaction transaction, string slug, CancellationToken cancellationToken) =>
        await connection.ScalarLongAsync(transaction, "SELECT EXISTS (SELECT 1 FROM projects WHERE slug = @slug);", cancellationToken, ("@slug", slug)) == 1;
}
