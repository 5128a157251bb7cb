using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Storage;

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

    /// <exception cref="BackupException">The folder is not writable, the disk is full, or the copy did not verify.</exception>
    public async Task<BackupResult> CreateAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var target = Path.Combine(Folder, Prefix + now.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture) + ".db");
        var partial = target + ".partial";
        try
        {
            Directory.CreateDirectory(Folder);
            await using (var source = await _database.OpenAsync(cancellationToken))
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await destination.OpenAsync(cancellationToken);
                source.BackupDatabase(destination);
            }

            await VerifyAsync(partial, cancellationToken);
            File.Move(partial, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            TryDelete(partial);
            throw new BackupException($"De back-up naar '{target}' is mislukt: {ex.Message} De database zelf is niet gewijzigd.", ex);
        }

        var removed = Prune();
        return new BackupResult(target, new FileInfo(target).Length, removed);
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
    /// Restores a backup over the database file. Only while neither the web app nor the worker runs: the
    /// copy is verified first, the current file is kept beside it as "*.voor-herstel", and its WAL is removed
    /// so SQLite cannot replay newer pages over the restored file.
    /// </summary>
    public static async Task RestoreAsync(string backupPath, string databasePath, CancellationToken cancellationToken = default)
    {
        await VerifyAsync(backupPath, cancellationToken);
        SqliteConnection.ClearAllPools();
        if (File.Exists(databasePath))
        {
            File.Copy(databasePath, databasePath + ".voor-herstel", overwrite: true);
        }

        TryDelete(databasePath + "-wal");
        TryDelete(databasePath + "-shm");
        File.Copy(backupPath, databasePath, overwrite: true);
    }

    private static async Task VerifyAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
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
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
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

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
