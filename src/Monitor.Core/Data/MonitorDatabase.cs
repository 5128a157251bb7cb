using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Monitor.Core.Data;

/// <summary>
/// Opens connections to the one database that the web app and the worker share: by default the SQLite file
/// (every connection with foreign keys on and a busy timeout; WAL is set once by the migrator, it is a property of
/// the file), or a PostgreSQL database for several web nodes (Monitor:Database=postgresql, ConnectionStrings:Monitor).
/// Stores see ADO.NET's base classes and the one SQL helper (<see cref="Sql"/>); what only SQLite has — the file,
/// its backup API, PRAGMA checks — asks for <see cref="OpenSqliteAsync"/>.
/// </summary>
public sealed class MonitorDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlDataSource? _postgres;

    public MonitorDatabase(IOptions<MonitorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        BusyTimeoutSeconds = settings.BusyTimeoutSeconds;
        Engine = ParseEngine(settings.Database);
        if (Engine == DatabaseEngine.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(settings.ConnectionString))
            {
                throw new DatabaseStartupException(
                    "Monitor:Database is 'postgresql', maar ConnectionStrings:Monitor is leeg. Geef de verbinding op, bijvoorbeeld " +
                    "--ConnectionStrings:Monitor=\"Host=db;Database=monitor;Username=monitor;Password=…\".");
            }

            var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString)
            {
                // a writer that waits for the advisory writer lock waits as long as on SQLite
                CommandTimeout = Math.Max(settings.BusyTimeoutSeconds, 30),
            };
            _connectionString = builder.ConnectionString;
            _postgres = NpgsqlDataSource.Create(_connectionString);
            FilePath = "";
            return;
        }

        FilePath = Path.GetFullPath(settings.DatabasePath);
        SafeFile.ProtectDatabase(FilePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout runs out.
            DefaultTimeout = settings.BusyTimeoutSeconds,
            Pooling = true,
        }.ToString();
    }

    /// <summary>SQLite (the default) or PostgreSQL.</summary>
    public DatabaseEngine Engine { get; }

    public bool IsSqlite => Engine == DatabaseEngine.Sqlite;

    /// <summary>
    /// The connection string of every connection (SQLite: foreign keys, busy timeout as SQLITE_BUSY retries);
    /// also handed to Quartz's job store, so the scheduler's connections wait on a busy file as the app's own do.
    /// </summary>
    public string ConnectionString => _connectionString;

    /// <summary>Absolute path of the SQLite database file (empty on PostgreSQL).</summary>
    public string FilePath { get; }

    public int BusyTimeoutSeconds { get; }

    /// <summary>A short name of where the data lives, for log lines and messages: the file, or the PostgreSQL host and database.</summary>
    public string Description => _postgres is null
        ? FilePath
        : new NpgsqlConnectionStringBuilder(_connectionString) is var b ? $"postgresql://{b.Host}:{b.Port}/{b.Database}" : "";

    /// <summary>An open connection to the database, for the stores.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        _postgres is { } source ? await source.OpenConnectionAsync(cancellationToken) : await OpenSqliteAsync(cancellationToken);

    /// <summary>An open connection to the SQLite file, for what only SQLite has (backups, PRAGMA checks, the file's health).</summary>
    /// <exception cref="InvalidOperationException">The database is PostgreSQL.</exception>
    public async Task<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            throw new InvalidOperationException("This part of ImplementatieMonitor works on the SQLite file only; the database is PostgreSQL.");
        }

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

    public void Dispose() => _postgres?.Dispose();

    private static DatabaseEngine ParseEngine(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseEngine.Sqlite,
        "postgresql" or "postgres" => DatabaseEngine.PostgreSql,
        _ => throw new DatabaseStartupException(
            $"Monitor:Database '{name}' is onbekend. Kies 'sqlite' (één bestand, de standaard) of 'postgresql' (met ConnectionStrings:Monitor)."),
    };
}
