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
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@name", name);
        command.Parameters.AddWithValue("@holder", holder);
        command.Parameters.AddWithValue("@now", now.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("@expires_at", (now + duration).ToString("O", CultureInfo.InvariantCulture));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    /// <summary>Gives the lease up (only when <paramref name="holder"/> has it), so another process can take over at once.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM scheduler_leases WHERE name = @name AND holder = @holder;";
        command.Parameters.AddWithValue("@name", name);
        command.Parameters.AddWithValue("@holder", holder);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
