using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Meetings;

/// <summary>
/// Personal calendar subscriptions: one secret feed address per account, for calendar apps that cannot log in. The
/// address is "{id}-{secret}"; only the SHA-256 of the secret is stored and it is compared in constant time.
/// </summary>
public sealed class CalendarSubscriptionStore
{
    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public CalendarSubscriptionStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>When the account's current subscription was made; null when it has none.</summary>
    public async Task<DateTimeOffset?> FindCreatedAtAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var created = (string?)await connection.ScalarAsync(null, "SELECT created_at FROM calendar_subscriptions WHERE user_id = @user_id;", cancellationToken,
            ("@user_id", userId));
        return created is null ? null : DateTimeOffset.Parse(created, CultureInfo.InvariantCulture);
    }

    /// <summary>Makes a new subscription for the account, replacing (and so revoking) the old one. Returns the address token, shown once.</summary>
    public async Task<string> RenewAsync(long userId, Actor actor, CancellationToken cancellationToken = default)
    {
        var secret = SecretTokens.New("");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await connection.ExecuteAsync(transaction, "DELETE FROM calendar_subscriptions WHERE user_id = @user_id;", cancellationToken, ("@user_id", userId));
        var id = await connection.InsertAsync(transaction, """
            INSERT INTO calendar_subscriptions (user_id, token_hash, created_at) VALUES (@user_id, @hash, @now) RETURNING id;
            """, cancellationToken, ("@user_id", userId), ("@hash", SecretTokens.Hash(secret)), ("@now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("calendarSubscription", id, null,
            new Dictionary<string, string?> { ["user"] = userId.ToString(CultureInfo.InvariantCulture) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return $"{id.ToString(CultureInfo.InvariantCulture)}-{secret}";
    }

    /// <summary>Ends the account's subscription; false when it had none.</summary>
    public async Task<bool> RevokeAsync(long userId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var id = await connection.ScalarLongAsync(transaction, "DELETE FROM calendar_subscriptions WHERE user_id = @user_id RETURNING id;", cancellationToken,
            ("@user_id", userId));
        if (id is not { } removed)
        {
            return false;
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Deleted("calendarSubscription", removed, null,
            new Dictionary<string, string?> { ["user"] = userId.ToString(CultureInfo.InvariantCulture) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The account a subscription address belongs to; null for an unknown, malformed or revoked one.</summary>
    public async Task<long?> FindUserAsync(string token, CancellationToken cancellationToken = default)
    {
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        if (token.Length > 100 || dash <= 0 || !long.TryParse(token.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstAsync(null, "SELECT user_id, token_hash FROM calendar_subscriptions WHERE id = @id;",
            r => new Subscription(r.GetInt64(0), r.GetString(1)), cancellationToken, ("@id", id));
        return row is not null && SecretTokens.Matches(token[(dash + 1)..], row.TokenHash) ? row.UserId : null;
    }

    private sealed record Subscription(long UserId, string TokenHash);
}
