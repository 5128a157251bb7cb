using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Monitor.Core.Data;

/// <summary>
/// Whether the database can really be read and written right now, for /health (polled every few seconds, so
/// each check is one small write transaction). Unhealthy when the disk is (nearly) full, when the probe write
/// fails (read-only, locked out by another process, malformed, full), when a request hit a storage failure in
/// the last <see cref="FailureWindow"/>, or when the periodic quick_check finds damage.
/// </summary>
public sealed class DatabaseHealth
{
    /// <summary>How long a storage failure seen by a request keeps /health unhealthy.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan _quickCheckEvery = TimeSpan.FromMinutes(5);
    private const int ProbeBusyMilliseconds = 2000;

    private readonly MonitorDatabase _database;
    private readonly SchemaMigrator _migrator;
    private readonly IOptions<MonitorOptions> _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private (DateTimeOffset At, int Code, string Message)? _lastFailure;
    private (DateTimeOffset At, string Result)? _lastQuickCheck;

    public DatabaseHealth(MonitorDatabase database, SchemaMigrator migrator, IOptions<MonitorOptions> options, TimeProvider time)
    {
        _database = database;
        _migrator = migrator;
        _options = options;
        _time = time;
    }

    /// <summary>True for the SQLite errors that mean the file itself is in trouble (not a constraint or a busy lock).</summary>
    public static bool IsStorageFailure(SqliteException exception) =>
        (exception ?? throw new ArgumentNullException(nameof(exception))).SqliteErrorCode is
            SqliteCodes.Full or SqliteCodes.Corrupt or SqliteCodes.NotADatabase or SqliteCodes.IoError or SqliteCodes.ReadOnly or SqliteCodes.CantOpen;

    /// <summary>Remembers a storage failure that a request or job ran into.</summary>
    public void RecordFailure(SqliteException exception)
    {
        if (IsStorageFailure(exception))
        {
            lock (_gate)
            {
                _lastFailure = (_time.GetUtcNow(), exception.SqliteErrorCode, exception.Message);
                if (exception.SqliteErrorCode is SqliteCodes.Corrupt or SqliteCodes.NotADatabase)
                {
                    _lastQuickCheck = null; // look at every page again at the next check
                }
            }
        }
    }

    public async Task<DatabaseHealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        if (!_database.IsSqlite)
        {
            return await CheckPostgreSqlAsync(cancellationToken);
        }

        var folder = Path.GetDirectoryName(_database.FilePath)!;
        var minimumFree = _options.Value.MinimumFreeDiskMegabytes * 1024L * 1024L;
        var free = new DriveInfo(folder).AvailableFreeSpace;
        if (free < minimumFree)
        {
            return Unhealthy($"disk nearly full: {free / 1024} KiB free in {folder} (minimum {_options.Value.MinimumFreeDiskMegabytes} MiB)");
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            // A full disk is judged by the free space and the probe below: once a write succeeds again, it is over.
            if (_lastFailure is { } failure && failure.Code != SqliteCodes.Full && now - failure.At < FailureWindow)
            {
                return Unhealthy($"storage failure at {failure.At:O}: {failure.Message}");
            }
        }

        try
        {
            await using var connection = await _database.OpenSqliteAsync(cancellationToken);
            // both the driver's retry loop and SQLite's busy handler give up after two seconds
            connection.DefaultTimeout = ProbeBusyMilliseconds / 1000;
            await using (var timeout = connection.CreateCommand())
            {
                timeout.CommandText = $"PRAGMA busy_timeout = {ProbeBusyMilliseconds};";
                await timeout.ExecuteNonQueryAsync(cancellationToken);
            }

            var version = await SchemaMigrator.GetUserVersionAsync(connection, cancellationToken);
            if (version != _migrator.LatestVersion)
            {
                return Unhealthy($"schema {version}, expected {_migrator.LatestVersion}");
            }

            await WriteProbeAsync(connection, cancellationToken);
            var quickCheck = await QuickCheckAsync(connection, now, cancellationToken);
            return string.Equals(quickCheck, "ok", StringComparison.Ordinal)
                ? new DatabaseHealthReport(true, $"schema {version}, writable, {free / (1024 * 1024)} MiB free")
                : Unhealthy($"quick_check: {quickCheck}");
        }
        catch (SqliteException ex)
        {
            RecordFailure(ex);
            return Unhealthy($"database unavailable: {ex.Message}");
        }
    }

    /// <summary>On PostgreSQL: the schema version and one small write, within two seconds (disk space is the server's).</summary>
    private async Task<DatabaseHealthReport> CheckPostgreSqlAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(ProbeBusyMilliseconds));
            var version = await _migrator.CurrentVersionAsync(timeout.Token);
            if (version != _migrator.LatestVersion)
            {
                return Unhealthy($"schema {version}, expected {_migrator.LatestVersion}");
            }

            await using var connection = await _database.OpenAsync(timeout.Token);
            await connection.ExecuteAsync(null,
                "INSERT INTO health_probe (id, checked_at) VALUES (1, @now) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at;",
                timeout.Token, ("@now", _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
            return new DatabaseHealthReport(true, $"schema {version}, writable, PostgreSQL {_database.Description}");
        }
        catch (Exception ex) when ((ex is System.Data.Common.DbException or OperationCanceledException or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            return Unhealthy($"database unavailable: {ex.Message}");
        }
    }

    /// <summary>One small write transaction: proves the file, its WAL and the lock are usable.</summary>
    internal static async Task WriteProbeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO health_probe (id, checked_at) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at;
            SELECT count(*) FROM sqlite_schema;
            """;
        await command.ExecuteScalarAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // A full quick_check reads every page: done at most every few minutes, its result kept in between.
    private async Task<string> QuickCheckAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_lastQuickCheck is { } last && now - last.At < _quickCheckEvery)
            {
                return last.Result;
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(1);";
        var result = (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "no result";
        lock (_gate)
        {
            _lastQuickCheck = (now, result);
        }

        return result;
    }

    private static DatabaseHealthReport Unhealthy(string description) => new(false, description);
}
