namespace Monitor.Core.Data;

/// <summary>Housekeeping on the shared database file, run by the worker on a schedule.</summary>
public sealed class DatabaseMaintenance
{
    private readonly MonitorDatabase _database;

    public DatabaseMaintenance(MonitorDatabase database) => _database = database;

    /// <summary>
    /// Copies the WAL into the database file and truncates it, so the -wal file does not keep growing
    /// while the web app holds readers open. Returns the number of WAL frames checkpointed, or null
    /// when a reader or writer blocked a full checkpoint (it is simply tried again next time).
    /// </summary>
    public async Task<int?> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        if (!_database.IsSqlite)
        {
            return 0; // PostgreSQL checkpoints its own write-ahead log
        }

        await using var connection = await _database.OpenSqliteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var busy = reader.GetInt32(0);
        return busy == 0 ? reader.GetInt32(2) : null;
    }

    /// <summary>Size in bytes of the database file and its WAL, for /health and the worker log.</summary>
    public (long DatabaseBytes, long WalBytes) FileSizes()
    {
        if (!_database.IsSqlite)
        {
            return (0, 0);
        }

        return (SafeFile.Length(_database.FilePath), SafeFile.Length(_database.FilePath + "-wal"));
    }
}
