using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;

namespace Monitor.Core.Backups;

/// <summary>
/// Online backups of the live database (SQLite's backup API: consistent while the app keeps writing), each
/// checked with PRAGMA integrity_check before it counts, then old backups pruned by <see cref="BackupRetention"/>.
/// Files are named monitor-yyyyMMdd-HHmmss.db (UTC), so the name says when it was made.
/// </summary>
public sealed class BackupService
{
    private const string Prefix = "monitor-";
    private const string Format = "yyyyMMdd-HHmmss";

    private readonly MonitorDatabase _database;
    private readonly IOptions<BackupOptions> _options;
    private readonly TimeProvider _time;

    public BackupService(MonitorDatabase database, IOptions<BackupOptions> options, TimeProvider time)
    {
        _database = database;
        _options = options;
        _time = time;
    }

    public string Folder => Path.GetFullPath(_options.Value.Folder);

    /// <summary>
    /// Checks that the backup folder can be created and written, so an unusable folder is reported when the
    /// scheduler starts rather than at the first night's backup.
    /// </summary>
    /// <exception cref="BackupException">The folder cannot be created or written.</exception>
    public void CheckFolder()
    {
        if (!_database.IsSqlite)
        {
            return; // PostgreSQL is backed up by its operator (pg_dump), not by this service
        }

        var probe = Path.Combine(Folder, $".schrijftest-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Folder);
            SafeFile.WriteAllBytes(probe, []);
            SafeFile.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupException(
                $"De back-upmap '{Folder}' kan niet worden aangemaakt of beschreven ({ex.Message}). " +
                "Geef schrijfrechten of kies een andere map met Monitor:Backup:Folder.", ex);
        }
    }

    /// <exception cref="BackupException">The folder is not writable, the disk is full, or the copy did not verify.</exception>
    public async Task<BackupResult> CreateAsync(CancellationToken cancellationToken = default)
    {
        if (!_database.IsSqlite)
        {
            throw new BackupException(
                "De database is PostgreSQL: de ingebouwde back-up geldt alleen voor het SQLite-bestand. Maak back-ups met pg_dump " +
                "(bijvoorbeeld 'pg_dump -Fc -f monitor.dump <database>') volgens het beheer van de databaseserver.");
        }

        var now = _time.GetUtcNow();
        var target = Path.Combine(Folder, Prefix + now.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture) + ".db");
        var partial = target + ".partial";
        try
        {
            Directory.CreateDirectory(Folder);
            RemoveLeftovers();
            await using (var source = await _database.OpenSqliteAsync(cancellationToken))
            {
                await CopyAsync(source, partial, cancellationToken);
            }

            await VerifyAsync(partial, cancellationToken);
            SafeFile.Move(partial, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            TryDeleteWithCompanions(partial);
            throw new BackupException($"De back-up naar '{target}' is mislukt: {ex.Message} De database zelf is niet gewijzigd.", ex);
        }

        var removed = Prune();
        return new BackupResult(target, SafeFile.Length(target), removed);
    }

    /// <summary>The backups in the folder, newest first.</summary>
    public IReadOnlyList<(string Path, DateTimeOffset MadeAt)> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(Folder, Prefix + "*.db")
            .Select(path => (Path: path, Parsed: DateTime.TryParseExact(System.IO.Path.GetFileNameWithoutExtension(path)[Prefix.Length..], Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : (DateTime?)null))
            .Where(b => b.Parsed is not null)
            .Select(b => (b.Path, MadeAt: new DateTimeOffset(b.Parsed!.Value, TimeSpan.Zero)))
            .OrderByDescending(b => b.MadeAt)
            .ToList();
    }

    /// <summary>
    /// Restores a backup over the database file, meant for when neither the web app nor the worker runs. The backup
    /// is verified first. A readable database is kept beside it as "*.voor-herstel" and then overwritten through
    /// SQLite's backup API, so SQLite's own locking and WAL handling apply even if a process still has it open. A
    /// file SQLite cannot read at all (the usual reason to restore) is moved aside with its -wal and -shm instead.
    /// </summary>
    public static async Task RestoreAsync(string backupPath, string databasePath, CancellationToken cancellationToken = default)
    {
        await VerifyAsync(backupPath, cancellationToken);
        var aside = databasePath + ".voor-herstel";
        TryDeleteWithCompanions(aside);
        if (SafeFile.Exists(databasePath))
        {
            if (await IsReadableAsync(databasePath, cancellationToken))
            {
                await using var current = Open(databasePath, SqliteOpenMode.ReadWrite);
                await current.OpenAsync(cancellationToken);
                await CopyAsync(current, aside, cancellationToken);
            }
            else
            {
                SqliteConnection.ClearAllPools();
                SafeFile.MoveAsideUnreadableDatabase(databasePath, aside);
            }
        }

        await using var backup = Open(backupPath, SqliteOpenMode.ReadOnly);
        await backup.OpenAsync(cancellationToken);
        await using var target = Open(databasePath, SqliteOpenMode.ReadWriteCreate);
        await target.OpenAsync(cancellationToken);
        backup.BackupDatabase(target);
    }

    // Copies a database into a new standalone file through SQLite's backup API; the copy is switched to a
    // rollback journal so it is one file, with no -wal or -shm left beside it.
    private static async Task CopyAsync(SqliteConnection source, string path, CancellationToken cancellationToken)
    {
        await using var destination = Open(path, SqliteOpenMode.ReadWriteCreate);
        await destination.OpenAsync(cancellationToken);
        source.BackupDatabase(destination);
        await using var command = destination.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> IsReadableAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = Open(path, SqliteOpenMode.ReadWrite);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(1);";
            return string.Equals((string?)await command.ExecuteScalarAsync(cancellationToken), "ok", StringComparison.Ordinal);
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());

    private static async Task VerifyAsync(string path, CancellationToken cancellationToken)
    {
        if (!SafeFile.Exists(path))
        {
            throw new BackupException($"Het back-upbestand '{path}' bestaat niet.");
        }

        try
        {
            await CheckIntegrityAsync(path, cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw new BackupException($"'{path}' is geen bruikbare SQLite-back-up ({ex.Message}).", ex);
        }
    }

    private static async Task CheckIntegrityAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = Open(path, SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
        {
            throw new BackupException($"De back-up '{path}' is niet in orde (integrity_check: {result}).");
        }
    }

    private List<string> Prune()
    {
        var backups = List();
        var keep = BackupRetention.Keep(backups.Select(b => b.MadeAt), _options.Value.KeepDaily, _options.Value.KeepWeekly);
        var removed = new List<string>();
        foreach (var (path, madeAt) in backups.Where(b => !keep.Contains(b.MadeAt)))
        {
            if (TryDelete(path))
            {
                removed.Add(path);
            }
        }

        return removed;
    }

    // A crash during a backup (or an older version that kept its backups in WAL mode) can leave *.partial files
    // and -wal/-shm/-journal companions; none of them is a backup, so they go.
    private void RemoveLeftovers()
    {
        foreach (var path in Directory.EnumerateFiles(Folder, Prefix + "*"))
        {
            var name = Path.GetFileName(path);
            if (name.Contains(".partial", StringComparison.Ordinal) || name.EndsWith("-wal", StringComparison.Ordinal) ||
                name.EndsWith("-shm", StringComparison.Ordinal) || name.EndsWith("-journal", StringComparison.Ordinal))
            {
                TryDelete(path);
            }
        }
    }

    private static void TryDeleteWithCompanions(string path)
    {
        foreach (var suffix in (string[])["", "-wal", "-shm", "-journal"])
        {
            TryDelete(path + suffix);
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            SafeFile.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
