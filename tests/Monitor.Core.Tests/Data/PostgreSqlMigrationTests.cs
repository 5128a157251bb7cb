using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Data;

/// <summary>One schema history for both engines (#20), on a real PostgreSQL server.</summary>
public sealed class PostgreSqlMigrationTests
{
    private static (MonitorDatabase Database, SchemaMigrator Migrator) On(string connectionString)
    {
        var database = new MonitorDatabase(Options.Create(new MonitorOptions { Database = "postgresql", ConnectionString = connectionString }));
        return (database, new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance));
    }

    [Test]
    public async Task AnEmptyDatabaseGetsTheBaselineAndEveryLaterMigrationOnce()
    {
        var connectionString = PostgresServer.CreateEmptyDatabase();
        try
        {
            var (database, migrator) = On(connectionString);
            using (database)
            {
                Assert.That(await migrator.CurrentVersionAsync(), Is.Zero);
                Assert.That(await migrator.MigrateAsync(), Is.GreaterThanOrEqualTo(1));
                Assert.That(await migrator.CurrentVersionAsync(), Is.EqualTo(migrator.LatestVersion));
                Assert.That(await migrator.MigrateAsync(), Is.Zero, "a second start applies nothing");
            }
        }
        finally
        {
            PostgresServer.DropDatabase(connectionString);
        }
    }

    [Test]
    public async Task TwoNodesStartingTogetherMigrateOnce()
    {
        var connectionString = PostgresServer.CreateEmptyDatabase();
        try
        {
            var (first, firstMigrator) = On(connectionString);
            var (second, secondMigrator) = On(connectionString);
            using (first)
            using (second)
            {
                var applied = await Task.WhenAll(Task.Run(() => firstMigrator.MigrateAsync()), Task.Run(() => secondMigrator.MigrateAsync()));
                Assert.That(applied.Count(a => a > 0), Is.EqualTo(1), "one node migrated, the other waited and found nothing to do");
                Assert.That(await firstMigrator.CurrentVersionAsync(), Is.EqualTo(firstMigrator.LatestVersion));
            }
        }
        finally
        {
            PostgresServer.DropDatabase(connectionString);
        }
    }

    [Test]
    public async Task ANewerSchemaIsRefusedAndLeftAsItIs()
    {
        using var db = await TempDatabase.MigratedAsync(DatabaseEngine.PostgreSql);
        var newer = db.Migrator.LatestVersion + 1;
        await db.ScalarAsync($"UPDATE monitor_schema SET version = {newer} RETURNING version;");

        var refused = Assert.ThrowsAsync<DatabaseStartupException>(() => db.Migrator.MigrateAsync());
        Assert.That(refused!.Message, Does.Contain("nieuwere versie").And.Contain(newer.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(await db.ScalarAsync("SELECT version FROM monitor_schema;"), Is.EqualTo(newer));
    }

    /// <summary>
    /// The PostgreSQL baseline is generated from the SQLite migrations (tools/make-postgresql-baseline.py): a migration
    /// added without regenerating it, or without a PostgreSQL version of its own, leaves a table or column missing here.
    /// </summary>
    [Test]
    public async Task BothEnginesHaveTheSameTablesAndColumns()
    {
        using var sqlite = await TempDatabase.MigratedAsync(DatabaseEngine.Sqlite);
        using var postgres = await TempDatabase.MigratedAsync(DatabaseEngine.PostgreSql);

        var onSqlite = await ColumnsAsync(sqlite, """
            SELECT lower(m.name) || '.' || lower(p.name) FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'meeting_search%' AND lower(m.name) NOT LIKE 'qrtz_%'
            """);
        var onPostgres = await ColumnsAsync(postgres, """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name NOT IN ('monitor_schema', 'meeting_search') AND table_name NOT LIKE 'qrtz_%'
            """);

        Assert.That(onPostgres, Is.EquivalentTo(onSqlite));
    }

    private static async Task<List<string>> ColumnsAsync(TempDatabase db, string sql)
    {
        await using var connection = await db.Database.OpenAsync();
        return await connection.QueryAsync(null, sql, reader => reader.GetString(0), CancellationToken.None);
    }
}
