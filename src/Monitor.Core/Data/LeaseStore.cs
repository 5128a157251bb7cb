using System.Globalization;

namespace Monitor.Core.Data;

/// <summary>A named lease in the database, so that of several processes on one database only one does a thing.</summary>
public sealed class LeaseStore
{
    private readonly MonitorDatabase _database;
    private readonly TimeProvider _time;

    public LeaseStore(MonitorDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>
    /// Takes the lease when it is free or expired, or renews it when <paramref name="holder"/> already has it.
    /// Returns whether the holder has the lease now.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO scheduler_leases (name, holder, expires_at) VALUES (@name, @holder, @expires_at)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE scheduler_leases.holder = excluded.holder OR scheduler_leases.expires_at < @now;
            SELECT changes();
            """;
        var now = _time.GetUtcNow();
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ScalarLongAsync(null, sql, cancellationToken, ("@name", name), ("@holder", holder),
            ("@now", now.ToString("O", CultureInfo.InvariantCulture)), ("@expires_at", (now + duration).ToString("O", CultureInfo.InvariantCulture))) == 1;
    }

    /// <summary>Gives the lease up (only when <paramref name="holder"/> has it), so another process can take over at once.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(null, "DELETE FROM scheduler_leases WHERE name = @name AND holder = @holder;", cancellationToken, ("@name", name), ("@holder", holder));
    }
}
