using System.Data.Common;
using System.Globalization;
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
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var member = await connection.QueryFirstAsync(transaction, $"""
            SELECT {GroupStore.MemberColumns} FROM group_members gm JOIN project_groups g ON g.id = gm.group_id WHERE gm.id = @id AND g.project_id = @project;
            """, GroupStore.ReadMember, cancellationToken, ("@id", memberId), ("@project", projectId));
        if (member is null)
        {
            return false;
        }

        if (userId is { } user
            && await connection.ScalarLongAsync(transaction, "SELECT count(*) FROM project_roles WHERE user_id = @user AND project_id = @project;", cancellationToken,
                ("@user", user), ("@project", projectId)) == 0)
        {
            throw new ValidationException([new ValidationError("userId", "Koppel alleen een account met een rol in dit project. Geef het account eerst een rol (Beheer › Accounts).")]);
        }

        try
        {
            await connection.ExecuteAsync(transaction, "UPDATE group_members SET user_id = @user WHERE id = @id;", cancellationToken, ("@user", userId), ("@id", memberId));
        }
        catch (DbException ex) when (ex.IsConstraintViolation())
        {
            throw new ValidationException([new ValidationError("userId", "Dit account is in deze groep al aan een ander lid gekoppeld.")]);
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("member", memberId, projectId,
            new Dictionary<string, string?> { ["account"] = member.UserId?.ToString(CultureInfo.InvariantCulture) },
            new Dictionary<string, string?> { ["account"] = userId?.ToString(CultureInfo.InvariantCulture) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Everything held about one member; null when the member is not in this project.</summary>
    public async Task<MemberPersonalData?> ExportAsync(long projectId, long memberId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        return (await ReadAsync(connection, transaction, "gm.id = @id AND g.project_id = @project", [("@id", memberId), ("@project", projectId)], cancellationToken)).SingleOrDefault();
    }

    /// <summary>Everything held about the members linked to an account, in every project.</summary>
    public async Task<IReadOnlyList<MemberPersonalData>> ExportForAccountAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        return await ReadAsync(connection, transaction, "gm.user_id = @user", [("@user", userId)], cancellationToken);
    }

    private static async Task<List<MemberPersonalData>> ReadAsync(DbConnection connection, DbTransaction transaction, string where, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        const string attendanceSql = """
            SELECT m.held_on, m.title, a.status FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE a.member_id = @id ORDER BY m.held_on, m.id;
            """;
        const string reflectionsSql = """
            SELECT m.held_on, m.title, r.went_well, r.went_less, f.text FROM reflections r JOIN meetings m ON m.id = r.meeting_id
            LEFT JOIN reflection_followups f ON f.reflection_id = r.id WHERE r.member_id = @id ORDER BY m.held_on, r.id;
            """;
        const string actionsSql = """
            SELECT m.held_on, a.description, a.due_on, a.status FROM action_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.owner_member_id = @id ORDER BY m.held_on, a.id;
            """;
        var members = await connection.QueryAsync(transaction, $"""
            SELECT {GroupStore.MemberColumns}, p.name, g.name, g.reflections_anonymous
            FROM group_members gm JOIN project_groups g ON g.id = gm.group_id JOIN projects p ON p.id = g.project_id
            WHERE {where} ORDER BY p.name, g.name, gm.id;
            """, reader => (Member: GroupStore.ReadMember(reader, 0), Project: reader.GetString(7), Group: reader.GetString(8), Anonymous: reader.GetFlag(9)),
            cancellationToken, parameters);
        var result = new List<MemberPersonalData>();
        foreach (var (member, project, group, anonymous) in members)
        {
            result.Add(new MemberPersonalData
            {
                ProjectName = project,
                GroupName = group,
                Member = member,
                Attendance = await connection.QueryAsync(transaction, attendanceSql,
                    reader => new MemberAttendance(reader.GetDate(0), reader.GetString(1), reader.GetString(2)), cancellationToken, ("@id", member.Id)),
                Reflections = await connection.QueryAsync(transaction, reflectionsSql,
                    reader => new MemberReflection(reader.GetDate(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetStringOrNull(4)),
                    cancellationToken, ("@id", member.Id)),
                ActionItems = await connection.QueryAsync(transaction, actionsSql,
                    reader => new MemberActionItem(reader.GetDate(0), reader.GetString(1), reader.GetDateOrNull(2), reader.GetString(3)), cancellationToken, ("@id", member.Id)),
                Note = anonymous ? AnonymousNote : "",
            });
        }

        return result;
    }
}
