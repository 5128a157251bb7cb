using Microsoft.Data.Sqlite;
using Monitor.Core.Data;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Data;

public sealed class SchemaMigratorTests
{
    [Test]
    public async Task AppliesEveryMigrationToANewFile()
    {
        using var db = new TempDatabase();

        var applied = await db.Migrator.MigrateAsync();

        Assert.That(applied, Is.EqualTo(db.Migrator.Migrations.Count));
        Assert.That(await db.ScalarAsync("PRAGMA user_version;"), Is.EqualTo(db.Migrator.LatestVersion));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'projects';"), Is.EqualTo(1));
    }

    [Test]
    public void EmbedsEveryMigrationFileInOrder()
    {
        using var db = new TempDatabase();
        var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "src", "Monitor.Core", "Data", "Migrations");
        var files = Directory.GetFiles(folder, "*.sql").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        var embedded = db.Migrator.Migrations.Select(m => $"{m.Version:0000}_{m.Name}");

        Assert.That(embedded, Is.EqualTo(files));
    }

    [Test]
    public async Task ApplyingTwiceIsANoOp()
    {
        using var db = await TempDatabase.MigratedAsync();
        var tablesBefore = await db.ScalarAsync("SELECT count(*) FROM sqlite_master;");
        var determinantsBefore = await db.ScalarAsync("SELECT count(*) FROM midi_determinants;");

        var applied = await db.Migrator.MigrateAsync();

        Assert.That(applied, Is.Zero);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM sqlite_master;"), Is.EqualTo(tablesBefore));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM midi_determinants;"), Is.EqualTo(determinantsBefore));
    }

    [Test]
    public async Task AppliesOnlyThePendingMigrationsToAnExistingDatabase()
    {
        using var db = new TempDatabase();
        // A database written by an older build: only the first two migrations, with a row of its own.
        await using (var connection = await db.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = string.Concat(db.Migrator.Migrations.Take(2).Select(m => m.Sql)) +
                "UPDATE reference_frameworks SET note = 'lokale aantekening' WHERE code = 'midi'; PRAGMA user_version = 2;";
            await command.ExecuteNonQueryAsync();
        }

        var applied = await db.Migrator.MigrateAsync();

        Assert.That(applied, Is.EqualTo(db.Migrator.LatestVersion - 2));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM projects;"), Is.Zero);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM midi_determinants;"), Is.EqualTo(29), "the reference data of migration 2 is kept, not loaded twice");
        Assert.That(await db.TextAsync("SELECT note FROM reference_frameworks WHERE code = 'midi';"), Is.EqualTo("lokale aantekening"));
    }

    [Test]
    [Description("issue #26: migration 16 removes the authors of answers in anonymous groups, keeps the rest and their links")]
    public async Task TheAnonymousReflectionsMigrationForgetsAuthorsOfAnonymousGroupsOnly()
    {
        using var db = new TempDatabase();
        await using (var connection = await db.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = string.Concat(db.Migrator.Migrations.Take(15).Select(m => m.Sql)) + """
                INSERT INTO projects (id, slug, name, organisation, innovation, start_date, current_phase, created_at) VALUES (1, 'p', 'P', 'O', 'I', '2026-01-01', 1, '2026-01-01');
                INSERT INTO project_groups (id, project_id, kind, name, reflections_anonymous) VALUES (1, 1, 'ontwikkelgroep', 'Anoniem', 1), (2, 1, 'kernteam', 'Met namen', 0);
                INSERT INTO group_members (id, group_id, role_label) VALUES (1, 1, 'Werkcoach 1'), (2, 2, 'Werkcoach 2');
                INSERT INTO meetings (id, group_id, held_on, status) VALUES (1, 1, '2026-02-01', 'gehouden'), (2, 2, '2026-02-01', 'gehouden'), (3, 1, '2026-03-01', 'gehouden');
                INSERT INTO reflections (id, meeting_id, member_id, went_well, went_less, source, created_at, updated_at)
                VALUES (1, 1, 1, 'goed', 'minder', 'secretaris', 'x', 'x'), (2, 2, 2, 'goed', '', 'secretaris', 'x', 'x');
                INSERT INTO reflection_followups (reflection_id, meeting_id, text, recorded_at, recorded_by) VALUES (1, 3, 'besproken', 'x', 'x');
                PRAGMA user_version = 15;
                """;
            await command.ExecuteNonQueryAsync();
        }

        await db.Migrator.MigrateAsync();

        Assert.That(await db.TextAsync("SELECT group_concat(id || ':' || coalesce(member_id, '-') || ':' || anonymous, ' ') FROM reflections ORDER BY id;"), Is.EqualTo("1:-:1 2:2:0"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM reflection_followups;"), Is.EqualTo(1), "the follow-up survives the rebuild");
        Assert.That(await db.ScalarAsync("PRAGMA foreign_keys;"), Is.EqualTo(1));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM pragma_foreign_key_check;"), Is.Zero);
    }

    [Test]
    [Description("issue #13: migration 19 gives every report snapshot its period and marks the monthly job's reports scheduled")]
    public async Task TheReportPeriodMigrationFillsThePeriodAndScheduledFlagFromTheStoredParameters()
    {
        using var db = new TempDatabase();
        await using (var connection = await db.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = string.Concat(db.Migrator.Migrations.Take(18).Select(m => m.Sql)) + """
                INSERT INTO projects (id, slug, name, organisation, innovation, start_date, current_phase, created_at) VALUES (1, 'p', 'P', 'O', 'I', '2026-01-01', 1, '2026-01-01');
                INSERT INTO report_snapshots (id, project_id, report_type, template_name, template_version, parameters, markdown, html, sha256, created_at, created_by) VALUES
                    (1, 1, 'voortgang', 'Standaard', 'v', '{"van":"2026-10-01","tot":"2026-10-31","datum":"2026-11-02","sjabloon":"Standaard"}', '', '', '', 'x', 'Maandelijkse rapportage'),
                    (2, 1, 'voortgang', 'Standaard', 'v', '{"van":"2026-10-01","tot":"2026-10-31","datum":"2026-11-05","sjabloon":"Standaard"}', '', '', '', 'x', 'Onderzoeker A'),
                    (3, 1, 'procesevaluatie', 'Standaard', 'v', 'geen json', '', '', '', 'x', 'Onderzoeker A');
                PRAGMA user_version = 18;
                """;
            await command.ExecuteNonQueryAsync();
        }

        await db.Migrator.MigrateAsync();

        Assert.That(await db.TextAsync("SELECT group_concat(id || ':' || coalesce(period_start, '-') || ':' || coalesce(period_end, '-') || ':' || scheduled, ' ') FROM (SELECT * FROM report_snapshots ORDER BY id);"),
            Is.EqualTo("1:2026-10-01:2026-10-31:1 2:2026-10-01:2026-10-31:0 3:-:-:0"));
        Assert.That(await db.Reports.HasScheduledReportAsync(1, Monitor.Core.Reports.ReportKind.Voortgang, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), Is.True);
    }

    [Test]
    public async Task SetsWalModeAndForeignKeys()
    {
        using var db = await TempDatabase.MigratedAsync();

        Assert.That(await db.TextAsync("PRAGMA journal_mode;"), Is.EqualTo("wal"));
        Assert.That(await db.ScalarAsync("PRAGMA foreign_keys;"), Is.EqualTo(1));
        Assert.That(await db.ScalarAsync("PRAGMA busy_timeout;"), Is.EqualTo(10_000));
    }

    [Test]
    public async Task RefusesADatabaseFromANewerVersionAndLeavesItUntouched()
    {
        using var db = await TempDatabase.MigratedAsync();
        await using (var connection = await db.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA user_version = 999; PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var before = await File.ReadAllBytesAsync(db.FilePath);

        var error = Assert.ThrowsAsync<DatabaseStartupException>(() => db.Migrator.MigrateAsync());

        Assert.That(error!.Message, Does.Contain("999").And.Contain(db.FilePath).And.Contain("nieuwere versie"));
        SqliteConnection.ClearAllPools();
        Assert.That(await File.ReadAllBytesAsync(db.FilePath), Is.EqualTo(before));
    }

    [Test]
    public async Task RefusesAFileThatIsNotADatabaseAndLeavesItUntouched()
    {
        using var db = new TempDatabase();
        var content = "Dit is een Word-document, geen database.\n"u8.ToArray();
        await File.WriteAllBytesAsync(db.FilePath, content);

        var error = Assert.ThrowsAsync<DatabaseStartupException>(() => db.Migrator.MigrateAsync());

        Assert.That(error!.Message, Does.Contain(db.FilePath).And.Contain("geen SQLite-database"));
        Assert.That(await File.ReadAllBytesAsync(db.FilePath), Is.EqualTo(content));
        Assert.That(File.Exists(db.FilePath + "-wal"), Is.False);
    }

    [Test]
    public async Task RefusesACorruptDatabaseWithAValidHeader()
    {
        using var db = await TempDatabase.MigratedAsync();
        await using (var connection = await db.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(db.FilePath);
        // Keep the 100-byte header, overwrite the schema page and beyond with garbage.
        for (var i = 100; i < bytes.Length; i++)
        {
            bytes[i] = 0x5A;
        }

        await File.WriteAllBytesAsync(db.FilePath, bytes);

        var error = Assert.ThrowsAsync<DatabaseStartupException>(() => db.Migrator.MigrateAsync());

        Assert.That(error!.Message, Does.Contain(db.FilePath));
        SqliteConnection.ClearAllPools();
        Assert.That(await File.ReadAllBytesAsync(db.FilePath), Is.EqualTo(bytes));
    }

    [Test]
    public void ExplainsAFolderThatCannotBeCreated()
    {
        using var db = new TempDatabase();
        var blocker = Path.Combine(db.Folder, "not-a-folder");
        File.WriteAllText(blocker, "a file where the data folder should be");
        var options = Microsoft.Extensions.Options.Options.Create(new MonitorOptions { DatabasePath = Path.Combine(blocker, "monitor.db") });
        var migrator = new SchemaMigrator(new MonitorDatabase(options), Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance);

        var error = Assert.ThrowsAsync<DatabaseStartupException>(() => migrator.MigrateAsync());

        Assert.That(error!.Message, Does.Contain(blocker).And.Contain("Monitor:DatabasePath"));
    }

    [Test]
    public async Task TreatsAnEmptyFileAsANewDatabase()
    {
        using var db = new TempDatabase();
        await File.WriteAllBytesAsync(db.FilePath, []);

        var applied = await db.Migrator.MigrateAsync();

        Assert.That(applied, Is.EqualTo(db.Migrator.LatestVersion));
    }
}
