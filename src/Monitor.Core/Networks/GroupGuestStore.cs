using System.Data.Common;
using System.Globalization;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Networks;

/// <summary>
/// Guests from other organisations in one group of a project (issue #23): their own account, the deelnemer role for that
/// group only (no project role) and their organisation. The web app's authorization asks <see cref="HasAccessAsync"/>
/// whether a request's group or meeting is one of the guest's. Every write is one transaction with its audit entry.
/// </summary>
public sealed class GroupGuestStore
{
    public const int OrganisationMaxLength = 200;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly AccountStore _accounts;
    private readonly TimeProvider _time;

    public GroupGuestStore(MonitorDatabase database, AuditStore audit, AccountStore accounts, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _accounts = accounts;
        _time = time;
    }

    /// <summary>The guests of a group; null when the group is not in this project.</summary>
    public async Task<IReadOnlyList<GroupGuest>?> ListAsync(long projectId, long groupId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        if (!await GroupInProjectAsync(connection, transaction, projectId, groupId, cancellationToken))
        {
            return null;
        }

        return await connection.QueryAsync(transaction, """
            SELECT gg.id, gg.group_id, u.id, u.email, u.display_name, gg.organisation, gg.invited_at
            FROM group_guests gg JOIN users u ON u.id = gg.user_id
            WHERE gg.group_id = @group ORDER BY gg.organisation, u.display_name;
            """, reader => new GroupGuest
        {
            Id = reader.GetInt64(0),
            GroupId = reader.GetInt64(1),
            UserId = reader.GetInt64(2),
            Email = reader.GetString(3),
            DisplayName = reader.GetString(4),
            Organisation = reader.GetString(5),
            InvitedAt = DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture),
        }, cancellationToken, ("@group", groupId));
    }

    /// <summary>
    /// Invites a person into the group: the existing account with that e-mail address, or a new one made from
    /// <see cref="GuestInvitation.NewAccount"/> — account and membership in one transaction. Null when the group is not in this project.
    /// </summary>
    /// <exception cref="ValidationException">No organisation, no account and none to create, an account that already has a role in this project or is already a guest here; nothing was written.</exception>
    public async Task<long?> InviteAsync(long projectId, long groupId, GuestInvitation invitation, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var errors = new List<ValidationError>();
        Checks.Required(errors, "organisation", invitation.Organisation, OrganisationMaxLength, "de organisatie");
        Checks.Required(errors, "email", invitation.Email, 254, "het e-mailadres");
        Checks.ThrowIfAny(errors);
        var email = invitation.Email.Trim();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await GroupInProjectAsync(connection, transaction, projectId, groupId, cancellationToken))
        {
            return null;
        }

        var userId = await connection.ScalarLongAsync(transaction, "SELECT id FROM users WHERE email = @email;", cancellationToken, ("@email", email));
        if (userId is null)
        {
            if (invitation.NewAccount is not { } account)
            {
                throw new ValidationException([new ValidationError("password", $"Er is nog geen account met e-mailadres {email}: vul ook een naam en een tijdelijk wachtwoord in.")]);
            }

            userId = await _accounts.InsertAsync(connection, transaction, account with { Email = email }, actor, cancellationToken);
        }
        else if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM project_roles WHERE user_id = @user AND project_id = @project;", cancellationToken,
                     ("@user", userId), ("@project", projectId)) is not null)
        {
            throw new ValidationException([new ValidationError("email", $"{email} heeft al een rol in dit project en hoeft niet als gast te worden uitgenodigd.")]);
        }
        else if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM group_guests WHERE user_id = @user AND group_id = @group;", cancellationToken,
                     ("@user", userId), ("@group", groupId)) is not null)
        {
            throw new ValidationException([new ValidationError("email", $"{email} is al gast in deze groep.")]);
        }

        var id = await connection.InsertAsync(transaction, """
            INSERT INTO group_guests (group_id, user_id, organisation, invited_at, invited_by) VALUES (@group, @user, @organisation, @now, @by) RETURNING id;
            """, cancellationToken, ("@group", groupId), ("@user", userId), ("@organisation", invitation.Organisation.Trim()), ("@now", Now()), ("@by", actor.Name));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("groupGuest", id, projectId, new Dictionary<string, string?>
        {
            ["groupId"] = groupId.ToString(CultureInfo.InvariantCulture),
            ["account"] = userId.Value.ToString(CultureInfo.InvariantCulture),
            ["organisation"] = invitation.Organisation.Trim(),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Ends a guest's membership of the group (the account stays); false when the guest is not in this group.</summary>
    public async Task<bool> RemoveAsync(long projectId, long groupId, long guestId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await GroupInProjectAsync(connection, transaction, projectId, groupId, cancellationToken)
            || await connection.QueryFirstAsync(transaction, "DELETE FROM group_guests WHERE id = @id AND group_id = @group RETURNING organisation;",
                reader => reader.GetString(0), cancellationToken, ("@id", guestId), ("@group", groupId)) is not { } organisation)
        {
            return false;
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Deleted("groupGuest", guestId, projectId, new Dictionary<string, string?>
        {
            ["groupId"] = groupId.ToString(CultureInfo.InvariantCulture),
            ["organisation"] = organisation,
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The groups <paramref name="userId"/> is a guest in, with their projects.</summary>
    public async Task<IReadOnlyList<GuestGroup>> GroupsOfAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, """
            SELECT p.id, p.name, g.id, g.name, gg.organisation
            FROM group_guests gg JOIN project_groups g ON g.id = gg.group_id JOIN projects p ON p.id = g.project_id
            WHERE gg.user_id = @user ORDER BY p.name, g.name;
            """, reader => new GuestGroup(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4)),
            cancellationToken, ("@user", userId));
    }

    /// <summary>
    /// Whether <paramref name="userId"/> is a guest of the project's group <paramref name="groupId"/>, or of the group whose
    /// meeting is <paramref name="meetingId"/>. With neither, false: a guest reaches nothing else of the project.
    /// </summary>
    public async Task<bool> HasAccessAsync(long userId, long projectId, long? groupId, long? meetingId, CancellationToken cancellationToken = default)
    {
        if (groupId is null && meetingId is null)
        {
            return false;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ScalarLongAsync(null, """
            SELECT 1 FROM group_guests gg JOIN project_groups g ON g.id = gg.group_id
            WHERE gg.user_id = @user AND g.project_id = @project
              AND (@group IS NULL OR g.id = @group)
              AND (@meeting IS NULL OR g.id = (SELECT m.group_id FROM meetings m WHERE m.id = @meeting));
            """, cancellationToken, ("@user", userId), ("@project", projectId), ("@group", groupId), ("@meeting", meetingId)) is not null;
    }

    private static async Task<bool> GroupInProjectAsync(DbConnection connection, DbTransaction transaction, long projectId, long groupId, CancellationToken cancellationToken) =>
        await connection.ScalarLongAsync(transaction, "SELECT 1 FROM project_groups WHERE id = @group AND project_id = @project;", cancellationToken,
            ("@group", groupId), ("@project", projectId)) is not null;

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
