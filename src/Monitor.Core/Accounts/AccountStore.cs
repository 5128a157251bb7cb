using System.Data.Common;
using System.Globalization;
using System.Net.Mail;
using Microsoft.Data.Sqlite;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Accounts;

/// <summary>Accounts, their project roles and their API tokens. Every change is audited in its own transaction.</summary>
public sealed class AccountStore
{
    private const string AccountColumns = "id, email, display_name, password_hash, is_admin, failed_logins, locked_until, must_change_password, is_demo, created_at";

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public AccountStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ScalarLongAsync(null, "SELECT count(*) FROM users;", cancellationToken) ?? 0;
    }

    /// <exception cref="ValidationException">Bad e-mail or name, or the e-mail is taken; nothing was written.</exception>
    public async Task<long> CreateAsync(NewAccount account, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var id = await InsertAsync(connection, transaction, account, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Creates the first beheerder, only while there are no accounts at all; returns null otherwise.</summary>
    public async Task<long?> CreateFirstAdminAsync(NewAccount account, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ScalarLongAsync(transaction, "SELECT count(*) FROM users;", cancellationToken) > 0)
        {
            return null;
        }

        var id = await InsertAsync(connection, transaction, account with { IsAdmin = true }, Actor.System, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    internal async Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, NewAccount account, Actor actor, CancellationToken cancellationToken)
    {
        var email = account.Email.Trim();
        var errors = ValidateIdentity(email, account.DisplayName);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        if (await connection.ScalarLongAsync(transaction, "SELECT EXISTS (SELECT 1 FROM users WHERE email = @email);", cancellationToken, ("@email", email)) == 1)
        {
            throw new ValidationException([new ValidationError("email", $"Er is al een account met e-mailadres {email}.")]);
        }

        const string sql = """
            INSERT INTO users (email, display_name, password_hash, is_admin, must_change_password, is_demo, created_at)
            VALUES (@email, @display_name, @password_hash, @is_admin, @must_change_password, @is_demo, @created_at)
            RETURNING id;
            """;
        var id = await connection.InsertAsync(transaction, sql, cancellationToken, ("@email", email), ("@display_name", account.DisplayName.Trim()),
            ("@password_hash", account.PasswordHash), ("@is_admin", account.IsAdmin ? 1 : 0), ("@must_change_password", account.MustChangePassword ? 1 : 0),
            ("@is_demo", account.IsDemo ? 1 : 0), ("@created_at", Now()));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("account", id, null, new Dictionary<string, string?>
        {
            ["email"] = email,
            ["displayName"] = account.DisplayName.Trim(),
            ["isAdmin"] = account.IsAdmin ? "ja" : "nee",
        }), cancellationToken);
        return id;
    }

    public async Task<Account?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        await FindAsync("email = @value", email.Trim(), cancellationToken);

    public async Task<Account?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        await FindAsync("id = @value", id, cancellationToken);

    public async Task<IReadOnlyList<AccountWithRoles>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var roles = new Dictionary<long, Dictionary<long, ProjectRole>>();
        foreach (var (userId, projectId, role) in await connection.QueryAsync(transaction, "SELECT user_id, project_id, role FROM project_roles;",
            reader => (reader.GetInt64(0), reader.GetInt64(1), Codes.Parse<ProjectRole>(reader.GetString(2))), cancellationToken))
        {
            if (!roles.TryGetValue(userId, out var map))
            {
                roles[userId] = map = [];
            }

            map[projectId] = role;
        }

        return await connection.QueryAsync(transaction, $"SELECT {AccountColumns} FROM users ORDER BY display_name COLLATE NOCASE, id;", reader =>
        {
            var account = ReadAccount(reader);
            return new AccountWithRoles(account, roles.GetValueOrDefault(account.Id) ?? []);
        }, cancellationToken);
    }

    /// <summary>Counts a failed login; locks the account for <paramref name="lockFor"/> once <paramref name="maxFailures"/> is reached.</summary>
    public async Task<DateTimeOffset?> RecordFailedLoginAsync(long userId, int maxFailures, TimeSpan lockFor, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE users
            SET failed_logins = failed_logins + 1,
                locked_until = CASE WHEN failed_logins + 1 >= @max THEN @until ELSE locked_until END
            WHERE id = @id
            RETURNING locked_until;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        var value = await connection.ScalarAsync(null, sql, cancellationToken,
            ("@max", maxFailures), ("@until", (_time.GetUtcNow() + lockFor).ToString("O", CultureInfo.InvariantCulture)), ("@id", userId));
        return value is string text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;
    }

    public async Task RecordSuccessfulLoginAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(null, "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = @id;", cancellationToken, ("@id", userId));
    }

    public async Task SetPasswordAsync(long userId, string passwordHash, bool mustChange, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ExecuteAsync(transaction, "UPDATE users SET password_hash = @hash, must_change_password = @must, failed_logins = 0, locked_until = NULL WHERE id = @id;",
            cancellationToken, ("@hash", passwordHash), ("@must", mustChange ? 1 : 0), ("@id", userId)) == 0)
        {
            throw new ValidationException([new ValidationError("id", "Dit account bestaat niet (meer).")]);
        }

        // The hash itself never goes into the trail.
        await _audit.RecordAsync(connection, transaction, actor, new AuditChange
        {
            Entity = "account",
            EntityId = userId,
            Action = "update",
            Changes = new Dictionary<string, FieldChange> { ["password"] = new("***", "***"), ["mustChangePassword"] = new(null, mustChange ? "ja" : "nee") },
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task UnlockAsync(long userId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await connection.ExecuteAsync(transaction, "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = @id;", cancellationToken, ("@id", userId));

        await _audit.RecordAsync(connection, transaction, actor, new AuditChange
        {
            Entity = "account",
            EntityId = userId,
            Action = "update",
            Changes = new Dictionary<string, FieldChange> { ["lockedUntil"] = new("vergrendeld", null) },
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Gives the user a role in the project, changes it, or (role null) removes it.</summary>
    public Task SetProjectRoleAsync(long userId, long projectId, ProjectRole? role, Actor actor, CancellationToken cancellationToken = default) =>
        SetProjectRolesAsync(userId, new Dictionary<long, ProjectRole?> { [projectId] = role }, actor, cancellationToken);

    /// <summary>Sets the user's role in several projects at once: all of them, or none when one fails.</summary>
    public async Task SetProjectRolesAsync(long userId, IReadOnlyDictionary<long, ProjectRole?> roles, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        foreach (var (projectId, role) in roles)
        {
            await SetProjectRoleAsync(connection, transaction, userId, projectId, role, actor, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SetProjectRoleAsync(DbConnection connection, DbTransaction transaction, long userId, long projectId, ProjectRole? role, Actor actor, CancellationToken cancellationToken)
    {
        var before = (string?)await connection.ScalarAsync(transaction, "SELECT role FROM project_roles WHERE user_id = @user_id AND project_id = @project_id;", cancellationToken,
            ("@user_id", userId), ("@project_id", projectId));
        var after = role?.ToCode();
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return;
        }

        var sql = after is null
            ? "DELETE FROM project_roles WHERE user_id = @user_id AND project_id = @project_id;"
            : """
              INSERT INTO project_roles (user_id, project_id, role) VALUES (@user_id, @project_id, @role)
              ON CONFLICT (user_id, project_id) DO UPDATE SET role = excluded.role;
              """;
        try
        {
            await connection.ExecuteAsync(transaction, sql, cancellationToken, ("@user_id", userId), ("@project_id", projectId), ("@role", after));
        }
        catch (DbException ex) when (ex.IsForeignKeyViolation())
        {
            throw new ValidationException([new ValidationError("projectId", "Het account of het project bestaat niet (meer).")]);
        }

        await _audit.RecordAsync(connection, transaction, actor, new AuditChange
        {
            Entity = "projectrol",
            EntityId = userId,
            Action = before is null ? "create" : after is null ? "delete" : "update",
            ProjectId = projectId,
            Changes = new Dictionary<string, FieldChange> { ["role"] = new(before, after) },
        }, cancellationToken);
    }

    public async Task<ProjectRole?> FindProjectRoleAsync(long userId, long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync(null, "SELECT role FROM project_roles WHERE user_id = @user_id AND project_id = @project_id;", cancellationToken,
            ("@user_id", userId), ("@project_id", projectId)) is string code ? Codes.Parse<ProjectRole>(code) : null;
    }

    /// <summary>Per project the ids of the users holding one of <paramref name="roles"/> there, for messages to a project's team.</summary>
    public async Task<ILookup<long, long>> UsersByProjectAsync(IReadOnlyCollection<ProjectRole> roles, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken))
            .SelectMany(a => a.Roles.Where(r => roles.Contains(r.Value)).Select(r => (ProjectId: r.Key, UserId: a.Account.Id)))
            .ToLookup(x => x.ProjectId, x => x.UserId);

    public async Task<IReadOnlyDictionary<long, ProjectRole>> GetProjectRolesAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var roles = new Dictionary<long, ProjectRole>();
        foreach (var (projectId, role) in await connection.QueryAsync(null, "SELECT project_id, role FROM project_roles WHERE user_id = @user_id;",
            reader => (reader.GetInt64(0), Codes.Parse<ProjectRole>(reader.GetString(1))), cancellationToken, ("@user_id", userId)))
        {
            roles[projectId] = role;
        }

        return roles;
    }

    /// <summary>Deletes the account with its roles and tokens; their audit entries stay, under an anonymous name.</summary>
    public async Task<bool> DeleteAsync(long userId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await AuditStore.AnonymiseActorAsync(connection, transaction, userId, cancellationToken);
        // codings stay (they are research data) under a neutral label; the foreign key then clears the coder
        const string sql = """
            UPDATE codings SET external_coder_name = coalesce(external_coder_name, 'Codeur #' || @id) WHERE coder_id = @id;
            DELETE FROM users WHERE id = @id;
            """;
        if (await connection.ExecuteAsync(transaction, sql, cancellationToken, ("@id", userId)) == 0)
        {
            return false;
        }

        // No names in the trail of a deleted person: only that account #id was removed.
        await _audit.RecordAsync(connection, transaction, actor, new AuditChange { Entity = "account", EntityId = userId, Action = "delete" }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<long> CreateTokenAsync(long userId, string name, string tokenHash, string prefix, Actor actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            throw new ValidationException([new ValidationError("name", "Geef het token een naam van 1 tot 100 tekens, bijvoorbeeld 'R-script rapportage'.")]);
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        const string sql = """
            INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at)
            VALUES (@user_id, @name, @token_hash, @prefix, @created_at)
            RETURNING id;
            """;
        var id = await connection.InsertAsync(transaction, sql, cancellationToken,
            ("@user_id", userId), ("@name", name.Trim()), ("@token_hash", tokenHash), ("@prefix", prefix), ("@created_at", Now()));

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("apitoken", id, null, new Dictionary<string, string?> { ["name"] = name.Trim(), ["prefix"] = prefix }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Returns the owner of an active (not revoked) token with this hash, or null. Its use is noted at most every five
    /// minutes and only as far as the database can be written: a read through the API also works on a full disk.
    /// </summary>
    public async Task<long?> UseTokenAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var token = await connection.QueryFirstAsync(null, "SELECT user_id, last_used_at FROM api_tokens WHERE token_hash = @hash AND revoked_at IS NULL;",
            reader => new TokenUse(reader.GetInt64(0), reader.GetStringOrNull(1)), cancellationToken, ("@hash", tokenHash));
        if (token is null)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (token.LastUsedAt is null || now - ParseTime(token.LastUsedAt) > TimeSpan.FromMinutes(5))
        {
            try
            {
                await connection.ExecuteAsync(null, "UPDATE api_tokens SET last_used_at = @now WHERE token_hash = @hash;", cancellationToken,
                    ("@now", now.ToString("O", CultureInfo.InvariantCulture)), ("@hash", tokenHash));
            }
            catch (DbException ex) when (ex is SqliteException sqlite
                ? DatabaseHealth.IsStorageFailure(sqlite) || sqlite.SqliteErrorCode is SqliteCodes.Busy or SqliteCodes.Locked
                : ex.IsTransient)
            {
                // "last used" is a convenience; the request itself must not fail over it
            }
        }

        return token.UserId;
    }

    public async Task<IReadOnlyList<ApiToken>> ListTokensAsync(long userId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id, user_id, name, prefix, created_at, last_used_at, revoked_at
            FROM api_tokens WHERE user_id = @user_id ORDER BY id DESC;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, sql, ReadToken, cancellationToken, ("@user_id", userId));
    }

    /// <summary>Revokes one of the user's own tokens; false when there is no such active token.</summary>
    public async Task<bool> RevokeTokenAsync(long userId, long tokenId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ExecuteAsync(transaction, "UPDATE api_tokens SET revoked_at = @now WHERE id = @id AND user_id = @user_id AND revoked_at IS NULL;", cancellationToken,
            ("@now", Now()), ("@id", tokenId), ("@user_id", userId)) == 0)
        {
            return false;
        }

        await _audit.RecordAsync(connection, transaction, actor, new AuditChange
        {
            Entity = "apitoken",
            EntityId = tokenId,
            Action = "update",
            Changes = new Dictionary<string, FieldChange> { ["revoked"] = new("nee", "ja") },
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public static IReadOnlyList<ValidationError> ValidateIdentity(string? email, string? displayName)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || !MailAddress.TryCreate(email.Trim(), out var parsed) || parsed.Address != email.Trim())
        {
            errors.Add(new("email", "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl."));
        }

        Checks.Required(errors, "displayName", displayName?.Trim(), 200, "de naam");

        return errors;
    }

    private async Task<Account?> FindAsync(string where, object value, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryFirstAsync(null, $"SELECT {AccountColumns} FROM users WHERE {where};", ReadAccount, cancellationToken, ("@value", value));
    }

    private static Account ReadAccount(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Email = reader.GetString(1),
        DisplayName = reader.GetString(2),
        PasswordHash = reader.GetString(3),
        IsAdmin = reader.GetFlag(4),
        FailedLogins = reader.GetInt32(5),
        LockedUntil = reader.IsDBNull(6) ? null : ParseTime(reader.GetString(6)),
        MustChangePassword = reader.GetFlag(7),
        IsDemo = reader.GetFlag(8),
        CreatedAt = ParseTime(reader.GetString(9)),
    };

    private static ApiToken ReadToken(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        UserId = reader.GetInt64(1),
        Name = reader.GetString(2),
        Prefix = reader.GetString(3),
        CreatedAt = ParseTime(reader.GetString(4)),
        LastUsedAt = reader.IsDBNull(5) ? null : ParseTime(reader.GetString(5)),
        RevokedAt = reader.IsDBNull(6) ? null : ParseTime(reader.GetString(6)),
    };

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>An active token's owner and when it was last used.</summary>
    private sealed record TokenUse(long UserId, string? LastUsedAt);
}
