using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Backups;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Backups;

public sealed class BackupServiceTests
{
    [Test]
    public async Task ABackupRestoredOverAChangedDatabaseGivesBackTheSameData()
    {
        using var db = await TempDatabase.MigratedAsync();
        await db.Demo.LoadIfEmptyAsync();
        var backups = Service(db, Path.Combine(db.Folder, "backups"));
        var before = await DumpAsync(db.FilePath);

        var result = await backups.CreateAsync();
        await using (var connection = await db.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM meetings; UPDATE projects SET name = 'gewijzigd';";
            await command.ExecuteNonQueryAsync();
        }

        Assert.That(await DumpAsync(db.FilePath), Is.Not.EqualTo(before), "the change is real");
        await BackupService.RestoreAsync(result.Path, db.FilePath);

        Assert.That(await DumpAsync(db.FilePath), Is.EqualTo(before));
        Assert.That(File.Exists(db.FilePath + ".voor-herstel"), Is.True, "the replaced file is kept");
    }

    [TestCase(null, "bestaat niet")]
    [TestCase("geen database", "geen bruikbare SQLite-back-up")]
    public async Task RefusesToRestoreAMissingOrBrokenBackupAndLeavesTheDatabaseAlone(string? content, string message)
    {
        using var db = await TempDatabase.MigratedAsync();
        var backup = Path.Combine(db.Folder, "kapot.db");
        if (content is not null)
        {
            await File.WriteAllTextAsync(backup, content);
        }

        var before = await DumpAsync(db.FilePath);

        var error = Assert.ThrowsAsync<BackupException>(() => BackupService.RestoreAsync(backup, db.FilePath));

        Assert.That(error!.Message, Does.Contain(message));
        Assert.That(await DumpAsync(db.FilePath), Is.EqualTo(before));
        Assert.That(File.Exists(db.FilePath + ".voor-herstel"), Is.False);
    }

    [Test]
    public async Task AnUnwritableFolderFailsVisiblyAndLeavesTheDatabaseAlone()
    {
        using var db = await TempDatabase.MigratedAsync();
        var blocker = Path.Combine(db.Folder, "geen-map");
        await File.WriteAllTextAsync(blocker, "een bestand waar de back-upmap zou moeten staan");
        var before = await DumpAsync(db.FilePath);

        var error = Assert.ThrowsAsync<BackupException>(() => Service(db, Path.Combine(blocker, "backups")).CreateAsync());

        Assert.That(error!.Message, Does.Contain("mislukt").And.Contain("niet gewijzigd"));
        Assert.That(await DumpAsync(db.FilePath), Is.EqualTo(before));
    }

    [Test]
    public async Task PrunesOldBackupsByTheRetentionRule()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 2, 30, 0, TimeSpan.Zero));
        using var db = new TempDatabase(clock);
        await db.Migrator.MigrateAsync();
        var backups = Service(db, Path.Combine(db.Folder, "backups"), keepDaily: 3, keepWeekly: 0);

        BackupResult? last = null;
        for (var night = 0; night < 6; night++)
        {
            last = await backups.CreateAsync();
            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.That(backups.List().Select(b => b.MadeAt.Day), Is.EqualTo(new[] { 6, 5, 4 }));
        Assert.That(last!.Removed, Has.Count.EqualTo(1));
        Assert.That(Directory.GetFiles(backups.Folder, "*.partial"), Is.Empty);
    }

    [Test]
    [Description("issue #26: backups leave no -wal, -shm or .partial files beside them, also not those of an earlier crash")]
    public async Task ABackupIsOneFileAndLeftoversOfEarlierRunsGo()
    {
        using var db = await TempDatabase.MigratedAsync();
        var folder = Path.Combine(db.Folder, "backups");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "monitor-20260101-023000.db.partial-wal"), "van een eerdere crash");
        await File.WriteAllTextAsync(Path.Combine(folder, "monitor-20260101-023000.db.partial"), "van een eerdere crash");
        var backups = Service(db, folder);

        var result = await backups.CreateAsync();

        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EqualTo(new[] { Path.GetFileName(result.Path) }));
        await using var connection = new SqliteConnection($"Data Source={result.Path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("delete"), "a standalone file, not in WAL mode");
    }

    [Test]
    [Description("issue #26: restoring over a file SQLite cannot read moves it aside with its companions")]
    public async Task RestoresOverAnUnreadableDatabaseFile()
    {
        using var db = await TempDatabase.MigratedAsync();
        await db.Demo.LoadIfEmptyAsync();
        var result = await Service(db, Path.Combine(db.Folder, "backups")).CreateAsync();
        var before = await DumpAsync(result.Path);
        SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(db.FilePath, "kapot");

        await BackupService.RestoreAsync(result.Path, db.FilePath);

        Assert.That(await DumpAsync(db.FilePath), Is.EqualTo(before));
        Assert.That(await File.ReadAllTextAsync(db.FilePath + ".voor-herstel"), Is.EqualTo("kapot"));
    }

    private static BackupService Service(TempDatabase db, string folder, int keepDaily = 14, int keepWeekly = 8) =>
        new(db.Database, Options.Create(new BackupOptions { Folder = folder, KeepDaily = keepDaily, KeepWeekly = keepWeekly }), db.Time);

    /// <summary>Every row of every table, in a stable order: equal dumps mean equal data.</summary>
    private static async Task<string> DumpAsync(string path)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1;";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                dump.Append(table).Append(':');
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                dump.Append('\n');
            }
        }

        return dump.ToString();
    }
}
