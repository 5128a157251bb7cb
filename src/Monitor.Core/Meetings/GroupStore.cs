using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Projects;

namespace Monitor.Core.Meetings;

/// <summary>
/// The groups of a project and their members. Every method takes the project id and refuses (null/false) a group of
/// another project, so a URL cannot reach into a project the caller was not authorised for. The group and member
/// inserts here are the only ones: a project created with its groups uses them too.
/// </summary>
public sealed class GroupStore
{
    internal const string GroupColumns = "g.id, g.project_id, g.kind, g.name, g.purpose, g.cadence, g.cadence_days, g.reflections_anonymous";
    internal const string MemberColumns = "gm.id, gm.role_label, gm.organisation, gm.joined_on, gm.left_on, gm.replaces_member_id, gm.user_id";

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;

    public GroupStore(MonitorDatabase database, AuditStore audit)
    {
        _database = database;
        _audit = audit;
    }

    /// <summary>The groups of a project with their settings; null when there is no such project.</summary>
    public async Task<IReadOnlyList<GroupInfo>?> ListGroupsAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        if (!await ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        return await connection.QueryAsync(transaction, $"SELECT {GroupColumns} FROM project_groups g WHERE g.project_id = @project_id ORDER BY g.id;",
            ReadGroup, cancellationToken, ("@project_id", projectId));
    }

    /// <summary>A group with members, meetings and open action items; null when it is not a group of this project.</summary>
    public async Task<GroupDetail?> FindGroupAsync(long projectId, long groupId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var group = await FindGroupInfoAsync(connection, transaction, projectId, groupId, cancellationToken);
        if (group is null)
        {
            return null;
        }

        return new GroupDetail
        {
            Group = group,
            Members = await ReadMembersAsync(connection, transaction, groupId, cancellationToken),
            Meetings = await connection.QueryAsync(transaction, $"SELECT {MeetingStore.MeetingColumns} FROM meetings m WHERE m.group_id = @group_id ORDER BY m.held_on, m.id;",
                MeetingStore.ReadMeeting, cancellationToken, ("@group_id", groupId)),
            OpenActionItems = await ActionItemStore.ReadActionItemsAsync(connection, transaction, "a.group_id = @id AND a.status = 'open' ORDER BY m.held_on, a.id", groupId, cancellationToken),
        };
    }

    /// <summary>Creates a group in the project; null when there is no such project.</summary>
    public async Task<long?> CreateGroupAsync(long projectId, GroupSettings settings, Actor actor, CancellationToken cancellationToken = default)
    {
        Check(settings);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        await ThrowIfNameTakenAsync(connection, transaction, projectId, settings.Name.Trim(), null, cancellationToken);
        var id = await InsertGroupAsync(connection, transaction, projectId, settings, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("group", id, projectId, Values(settings)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Changes a group's settings; false when it is not a group of this project.</summary>
    public async Task<bool> UpdateGroupAsync(long projectId, long groupId, GroupSettings settings, Actor actor, CancellationToken cancellationToken = default)
    {
        Check(settings);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var before = await FindGroupInfoAsync(connection, transaction, projectId, groupId, cancellationToken);
        if (before is null)
        {
            return false;
        }

        await ThrowIfNameTakenAsync(connection, transaction, projectId, settings.Name.Trim(), groupId, cancellationToken);
        await connection.ExecuteAsync(transaction, """
            UPDATE project_groups
            SET kind = @kind, name = @name, purpose = @purpose, cadence = @cadence, cadence_days = @cadence_days, reflections_anonymous = @anonymous
            WHERE id = @id;
            """, cancellationToken, [("@id", groupId), .. Parameters(settings)]);
        var beforeValues = Values(new GroupSettings
        {
            Kind = before.Kind,
            Name = before.Name,
            Purpose = before.Purpose,
            Cadence = before.Cadence,
            CadenceDays = before.CadenceDays,
            ReflectionsAnonymous = before.ReflectionsAnonymous,
        });
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("group", groupId, projectId, beforeValues, Values(settings)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Adds a member to a group. When <paramref name="replacesMemberId"/> is given, that member must be
    /// in the same group; if they have not left yet, they leave the day before the new member joins.
    /// Returns null when the group is not in this project.
    /// </summary>
    public async Task<long?> AddMemberAsync(long projectId, long groupId, MemberDraft member, long? replacesMemberId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var errors = new List<ValidationError>();
        CheckMember(errors, "", member);
        if (replacesMemberId is not null && member.JoinedOn is null)
        {
            errors.Add(new ValidationError("joinedOn", "Geef bij een vervanging de datum waarop het nieuwe lid begint."));
        }

        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await FindGroupInfoAsync(connection, transaction, projectId, groupId, cancellationToken) is null)
        {
            return null;
        }

        if (replacesMemberId is { } replaced)
        {
            var old = (await ReadMembersAsync(connection, transaction, groupId, cancellationToken)).FirstOrDefault(m => m.Id == replaced)
                ?? throw new ValidationException([new ValidationError("replacesMemberId", "Het lid dat vervangen wordt, hoort niet bij deze groep.")]);
            if (old.LeftOn is null)
            {
                var leftOn = member.JoinedOn!.Value.AddDays(-1);
                if (old.JoinedOn is { } oldJoined && leftOn < oldJoined)
                {
                    throw new ValidationException([new ValidationError("joinedOn", "Het nieuwe lid kan niet beginnen voordat het vervangen lid begon.")]);
                }

                await connection.ExecuteAsync(transaction, "UPDATE group_members SET left_on = @left_on WHERE id = @id;", cancellationToken, ("@id", replaced), ("@left_on", leftOn.ToDbValue()));
            }
        }

        var id = await InsertMemberAsync(connection, transaction, groupId, member, replacesMemberId, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("member", id, projectId, new Dictionary<string, string?>
        {
            ["group"] = groupId.ToString(CultureInfo.InvariantCulture),
            ["roleLabel"] = member.RoleLabel.Trim(),
            ["organisation"] = member.Organisation.Trim(),
            ["joinedOn"] = member.JoinedOn?.ToDbValue(),
            ["replaces"] = replacesMemberId?.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Records that a member left the group (history is kept); false when not a member of this project.</summary>
    public async Task<bool> SetMemberLeftAsync(long projectId, long memberId, DateOnly leftOn, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var member = await connection.QueryFirstAsync(transaction, $"""
            SELECT {MemberColumns} FROM group_members gm JOIN project_groups g ON g.id = gm.group_id
            WHERE gm.id = @id AND g.project_id = @project_id;
            """, ReadMember, cancellationToken, ("@id", memberId), ("@project_id", projectId));
        if (member is null)
        {
            return false;
        }

        if (member.JoinedOn is { } joined && leftOn < joined)
        {
            throw new ValidationException([new ValidationError("leftOn", "De vertrekdatum ligt voor de datum van toetreden.")]);
        }

        await connection.ExecuteAsync(transaction, "UPDATE group_members SET left_on = @left_on WHERE id = @id;", cancellationToken, ("@id", memberId), ("@left_on", leftOn.ToDbValue()));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("member", memberId, projectId,
            new Dictionary<string, string?> { ["leftOn"] = member.LeftOn?.ToDbValue() }, new Dictionary<string, string?> { ["leftOn"] = leftOn.ToDbValue() }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The one insert of a group (also for a project created with its groups).</summary>
    internal static async Task<long> InsertGroupAsync(DbConnection connection, DbTransaction transaction, long projectId, GroupSettings settings, CancellationToken cancellationToken) =>
        await connection.InsertAsync(transaction, """
            INSERT INTO project_groups (project_id, kind, name, purpose, cadence, cadence_days, reflections_anonymous)
            VALUES (@project_id, @kind, @name, @purpose, @cadence, @cadence_days, @anonymous)
            RETURNING id;
            """, cancellationToken, [("@project_id", projectId), .. Parameters(settings)]);

    /// <summary>The one insert of a group member (also for a project created with its groups).</summary>
    internal static async Task<long> InsertMemberAsync(DbConnection connection, DbTransaction transaction, long groupId, MemberDraft member, long? replacesMemberId, CancellationToken cancellationToken) =>
        await connection.InsertAsync(transaction, """
            INSERT INTO group_members (group_id, role_label, organisation, joined_on, left_on, replaces_member_id)
            VALUES (@group_id, @role_label, @organisation, @joined_on, @left_on, @replaces)
            RETURNING id;
            """, cancellationToken, ("@group_id", groupId), ("@role_label", member.RoleLabel.Trim()), ("@organisation", member.Organisation.Trim()),
            ("@joined_on", member.JoinedOn.ToDbValue()), ("@left_on", member.LeftOn.ToDbValue()), ("@replaces", replacesMemberId));

    internal static async Task<GroupInfo?> FindGroupInfoAsync(DbConnection connection, DbTransaction transaction, long projectId, long groupId, CancellationToken cancellationToken) =>
        await connection.QueryFirstAsync(transaction, $"SELECT {GroupColumns} FROM project_groups g WHERE g.id = @id AND g.project_id = @project_id;",
            ReadGroup, cancellationToken, ("@id", groupId), ("@project_id", projectId));

    internal static async Task<IReadOnlyList<MemberInfo>> ReadMembersAsync(DbConnection connection, DbTransaction transaction, long groupId, CancellationToken cancellationToken) =>
        await connection.QueryAsync(transaction, $"SELECT {MemberColumns} FROM group_members gm WHERE gm.group_id = @id ORDER BY gm.id;", ReadMember, cancellationToken, ("@id", groupId));

    internal static MemberInfo ReadMember(DbDataReader reader) => ReadMember(reader, 0);

    /// <summary>A member from <see cref="MemberColumns"/> starting at column <paramref name="first"/>.</summary>
    internal static MemberInfo ReadMember(DbDataReader reader, int first) => new()
    {
        Id = reader.GetInt64(first),
        RoleLabel = reader.GetString(first + 1),
        Organisation = reader.GetString(first + 2),
        JoinedOn = reader.GetDateOrNull(first + 3),
        LeftOn = reader.GetDateOrNull(first + 4),
        ReplacesMemberId = reader.IsDBNull(first + 5) ? null : reader.GetInt64(first + 5),
        UserId = reader.IsDBNull(first + 6) ? null : reader.GetInt64(first + 6),
    };

    internal static GroupInfo ReadGroup(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        ProjectId = reader.GetInt64(1),
        Kind = Codes.Parse<GroupKind>(reader.GetString(2)),
        Name = reader.GetString(3),
        Purpose = reader.GetString(4),
        Cadence = reader.GetString(5),
        CadenceDays = reader.GetInt32OrNull(6),
        ReflectionsAnonymous = reader.GetFlag(7),
    };

    /// <summary>The checks of a group's settings (also used for the groups of a new project).</summary>
    internal static void Check(List<ValidationError> errors, string path, GroupSettings settings)
    {
        Checks.Required(errors, path + "name", settings.Name, MeetingRules.NameMaxLength, "de naam van de groep");
        Checks.Optional(errors, path + "purpose", settings.Purpose, 2000, "het doel");
        Checks.Optional(errors, path + "cadence", settings.Cadence, 200, "het ritme");
        if (settings.CadenceDays is { } days && (days < 1 || days > 366))
        {
            errors.Add(new ValidationError(path + "cadenceDays", "Het ritme ligt tussen 1 en 366 dagen (leeg = wisselend)."));
        }

        if (!Enum.IsDefined(settings.Kind))
        {
            errors.Add(new ValidationError(path + "kind", "Onbekend soort groep."));
        }
    }

    /// <summary>The checks of a member (also used for the members of a new project).</summary>
    internal static void CheckMember(List<ValidationError> errors, string path, MemberDraft member)
    {
        Checks.Required(errors, path + "roleLabel", member.RoleLabel, MeetingRules.NameMaxLength, "de rol of naam");
        Checks.Optional(errors, path + "organisation", member.Organisation, MeetingRules.NameMaxLength, "de organisatie");
        if (member.JoinedOn is { } joined && member.LeftOn is { } left && left < joined)
        {
            errors.Add(new ValidationError(path + "leftOn", "De vertrekdatum ligt voor de datum van toetreden."));
        }
    }

    internal static async Task<bool> ProjectExistsAsync(DbConnection connection, DbTransaction transaction, long projectId, CancellationToken cancellationToken) =>
        await connection.ScalarLongAsync(transaction, "SELECT EXISTS (SELECT 1 FROM projects WHERE id = @id);", cancellationToken, ("@id", projectId)) == 1;

    private static void Check(GroupSettings settings)
    {
        var errors = new List<ValidationError>();
        Check(errors, "", settings);
        Checks.ThrowIfAny(errors);
    }

    private static async Task ThrowIfNameTakenAsync(DbConnection connection, DbTransaction transaction, long projectId, string name, long? exceptGroupId, CancellationToken cancellationToken)
    {
        if (await connection.ScalarLongAsync(transaction, """
            SELECT EXISTS (SELECT 1 FROM project_groups WHERE project_id = @project_id AND name = @name AND id <> @except);
            """, cancellationToken, ("@project_id", projectId), ("@name", name), ("@except", exceptGroupId ?? 0)) == 1)
        {
            throw new ValidationException([new ValidationError("name", $"Dit project heeft al een groep met de naam '{name}'.")]);
        }
    }

    private static (string Name, object? Value)[] Parameters(GroupSettings settings) =>
    [
        ("@kind", settings.Kind.ToCode()),
        ("@name", settings.Name.Trim()),
        ("@purpose", settings.Purpose.Trim()),
        ("@cadence", settings.Cadence.Trim()),
        ("@cadence_days", settings.CadenceDays),
        ("@anonymous", settings.ReflectionsAnonymous ? 1 : 0),
    ];

    private static Dictionary<string, string?> Values(GroupSettings settings) => new()
    {
        ["kind"] = settings.Kind.ToCode(),
        ["name"] = settings.Name.Trim(),
        ["purpose"] = settings.Purpose.Trim(),
        ["cadence"] = settings.Cadence.Trim(),
        ["cadenceDays"] = settings.CadenceDays?.ToString(CultureInfo.InvariantCulture),
        ["reflectionsAnonymous"] = settings.ReflectionsAnonymous ? "ja" : "nee",
    };
}
