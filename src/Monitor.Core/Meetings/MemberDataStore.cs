using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Meetings;

/// <summary>
/// A group member as a person: the link to their account, and everything the tool holds about them for a data
/// export (AVG art. 15), per member or for every member linked to an account.
/// </summary>
public sealed class MemberDataStore
{
    private const string AnonymousNote =
        "Deze groep bewaart de antwoorden op de slotvraag zonder naam; ze zijn daarom niet aan dit lid te koppelen en staan hier niet in.";

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;

    public MemberDataStore(MonitorDatabase database, AuditStore audit)
    {
        _database = database;
        _audit = audit;
    }

    /// <summary>
    /// Links a member to the account of the person (null unlinks). The account must have a role in the project.
    /// False when the member is not in this project.
    /// </summary>
    public async Task<bool> LinkAccountAsync(long projectId, long memberId, long? userId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        long? before;
        await using (var find = connection.Command(transaction, """
            SELECT gm.user_id, gm.group_id FROM group_members gm JOIN project_groups g ON g.id = gm.group_id WHERE gm.id = @id AND g.project_id = @project;
            """, ("@id", memberId), ("@project", projectId)))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return false;
            }

            before = reader.IsDBNull(0) ? null : reader.GetInt64(0);
        }

        if (userId is { } user)
        {
            await using var role = connection.Command(transaction, "SELECT count(*) FROM project_roles WHERE user_id = @user AND project_id = @project;",
                ("@user", user), ("@project", projectId));
            if ((long)(await role.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                throw new ValidationException([new ValidationError("userId", "Koppel alleen een account met een rol in dit project. Geef het account eerst een rol (Beheer › Accounts).")]);
            }
        }

        try
        {
            await using var update = connection.Command(transaction, "UPDATE group_members SET user_id = @user WHERE id = @id;",
                ("@user", (object?)userId ?? DBNull.Value), ("@id", memberId));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            throw new ValidationException([new ValidationError("userId", "Dit account is in deze groep al aan een ander lid gekoppeld.")]);
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("member", memberId, projectId,
            new Dictionary<string, string?> { ["account"] = before?.ToString(CultureInfo.InvariantCulture) },
            new Dictionary<string, string?> { ["account"] = userId?.ToString(CultureInfo.InvariantCulture) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Everything held about one member; null when the member is not in this project.</summary>
    public async Task<MemberPersonalData?> ExportAsync(long projectId, long memberId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return (await ReadAsync(connection, transaction, "gm.id = @id AND g.project_id = @project", [("@id", memberId), ("@project", projectId)], cancellationToken)).SingleOrDefault();
    }

    /// <summary>Everything held about the members linked to an account, in every project.</summary>
    public async Task<IReadOnlyList<MemberPersonalData>> ExportForAccountAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await ReadAsync(connection, transaction, "gm.user_id = @user", [("@user", userId)], cancellationToken);
    }

    private static async Task<List<MemberPersonalData>> ReadAsync(SqliteConnection connection, SqliteTransaction transaction, string where, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        var members = new List<(MemberInfo Member, string Project, string Group, bool Anonymous)>();
        await using (var command = connection.Command(transaction, $"""
            SELECT gm.id, gm.role_label, gm.organisation, gm.joined_on, gm.left_on, gm.replaces_member_id, gm.user_id, p.name, g.name, g.reflections_anonymous
            FROM group_members gm JOIN project_groups g ON g.id = gm.group_id JOIN projects p ON p.id = g.project_id
            WHERE {where} ORDER BY p.name, g.name, gm.id;
            """, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                members.Add((new MemberInfo
                {
                    Id = reader.GetInt64(0),
                    RoleLabel = reader.GetString(1),
                    Organisation = reader.GetString(2),
                    JoinedOn = reader.GetDateOrNull(3),
                    LeftOn = reader.GetDateOrNull(4),
                    ReplacesMemberId = reader.IsDBNull(5) ? null : reader.GetInt64(5),
                    UserId = reader.IsDBNull(6) ? null : reader.GetInt64(6),
                }, reader.GetString(7), reader.GetString(8), reader.GetFlag(9)));
            }
        }

        var result = new List<MemberPersonalData>();
        foreach (var (member, project, group, anonymous) in members)
        {
            var attendance = new List<MemberAttendance>();
            await using (var command = connection.Command(transaction, """
                SELECT m.held_on, m.title, a.status FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE a.member_id = @id ORDER BY m.held_on, m.id;
                """, ("@id", member.Id)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    attendance.Add(new MemberAttendance(reader.GetDate(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            var reflections = new List<MemberReflection>();
            await using (var command = connection.Command(transaction, """
                SELECT m.held_on, m.title, r.went_well, r.went_less, f.text FROM reflections r JOIN meetings m ON m.id = r.meeting_id
                LEFT JOIN reflection_followups f ON f.reflection_id = r.id WHERE r.member_id = @id ORDER BY m.held_on, r.id;
                """, ("@id", member.Id)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    reflections.Add(new MemberReflection(reader.GetDate(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetStringOrNull(4)));
                }
            }

            var actions = new List<MemberActionItem>();
            await using (var command = connection.Command(transaction, """
                SELECT m.held_on, a.description, a.due_on, a.status FROM action_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.owner_member_id = @id ORDER BY m.held_on, a.id;
                """, ("@id", member.Id)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    actions.Add(new MemberActionItem(reader.GetDate(0), reader.GetString(1), reader.GetDateOrNull(2), reader.GetString(3)));
                }
            }

            result.Add(new MemberPersonalData
            {
                ProjectName = project,
                GroupName = group,
                Member = member,
                Attendance = attendance,
                Reflections = reflections,
                ActionItems = actions,
                Note = anonymous ? AnonymousNote : "",
            });
        }

        return result;
    }
}
