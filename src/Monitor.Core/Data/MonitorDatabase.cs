using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Monitor.Core.Data;

/// <summary>
/// Opens connections to the one SQLite file that the web app and the worker share.
/// Every connection has foreign keys on and a busy timeout; WAL is set once by the migrator
/// (it is a property of the file, not of the connection).
/// </summary>
public sealed class MonitorDatabase
{
    private readonly string _connectionString;

    public MonitorDatabase(IOptions<MonitorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FilePath = Path.GetFullPath(options.Value.DatabasePath);
        SafeFile.ProtectDatabase(FilePath);
        BusyTimeoutSeconds = options.Value.BusyTimeoutSeconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout runs out.
            DefaultTimeout = options.Value.BusyTimeoutSeconds,
            Pooling = true,
        }.ToString();
    }

    /// <summary>
    /// The connection string of every connection to the file (foreign keys, busy timeout as SQLITE_BUSY retries);
    /// also handed to Quartz's job store, so the scheduler's connections wait on a busy file as the app's own do.
    /// </summary>
    public string ConnectionString => _connectionString;

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath { get; }

    public int BusyTimeoutSeconds { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000};";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
