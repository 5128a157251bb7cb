using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Monitor.Worker.Scheduling;
using Quartz;

namespace Monitor.Worker.Tests.Jobs;

public sealed class CheckpointDatabaseJobTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "monitor-worker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task WorkerMigratesTheDatabaseAndSchedulesTheCheckpoint()
    {
        using var host = BuildHost();

        await host.StartAsync();
        var scheduler = host.Services.GetRequiredService<ClusterScheduler>().Scheduler!;
        var triggers = await scheduler.GetTriggersOfJob(JobCatalogue.CheckpointDatabaseKey);

        Assert.That(triggers, Has.Count.EqualTo(1));
        Assert.That(((ICronTrigger)triggers.Single()).CronExpressionString, Is.EqualTo("0 0 3 1 1 ?"));
        var database = host.Services.GetRequiredService<MonitorDatabase>();
        await using (var connection = await database.OpenSqliteAsync())
        {
            Assert.That(await SchemaMigrator.GetUserVersionAsync(connection), Is.EqualTo(host.Services.GetRequiredService<SchemaMigrator>().LatestVersion));
        }

        Assert.That(await CountAsync(database, "SELECT count(*) FROM projects;"), Is.Zero, "the worker does not load demo data");
        await host.StopAsync();
    }

    [Test]
    public async Task TriggeringTheJobTruncatesTheWal()
    {
        using var host = BuildHost();
        await host.StartAsync();
        var database = host.Services.GetRequiredService<MonitorDatabase>();
        var maintenance = host.Services.GetRequiredService<DatabaseMaintenance>();
        await using (var connection = await database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO app_settings (key, value) SELECT 'k' || i, hex(randomblob(500)) FROM n;";
            await command.ExecuteNonQueryAsync();
        }

        var walBefore = maintenance.FileSizes().WalBytes;
        Assert.That(walBefore, Is.GreaterThan(100_000), "200 rows of 1 kB are in the WAL");
        var scheduler = host.Services.GetRequiredService<ClusterScheduler>().Scheduler!;
        var done = new TaskCompletionSource();
        scheduler.ListenerManager.AddJobListener(new CompletionListener(done), Quartz.Matchers.Key(JobCatalogue.CheckpointDatabaseKey));

        await scheduler.TriggerJob(JobCatalogue.CheckpointDatabaseKey);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Truncated by the checkpoint (a WAL file never shrinks otherwise). Writes after it start a new WAL: the job
        // history's row and Quartz's bookkeeping of the finished fire (its tables are in this file too), a few dozen
        // pages at most, well under a quarter of what was there.
        Assert.That(maintenance.FileSizes().WalBytes, Is.LessThan(walBefore / 4), $"before: {walBefore}");
        await host.StopAsync();
    }

    [Test]
    public async Task TriggeringTheBackupJobWritesAVerifiedBackup()
    {
        using var host = BuildHost();
        await host.StartAsync();
        var scheduler = host.Services.GetRequiredService<ClusterScheduler>().Scheduler!;
        var done = new TaskCompletionSource();
        scheduler.ListenerManager.AddJobListener(new CompletionListener(done), Quartz.Matchers.Key(JobCatalogue.BackupDatabaseKey));

        await scheduler.TriggerJob(JobCatalogue.BackupDatabaseKey);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var backups = host.Services.GetRequiredService<Monitor.Core.Backups.BackupService>().List();
        Assert.That(backups, Has.Count.EqualTo(1));
        Assert.That(Path.GetDirectoryName(backups[0].Path), Is.EqualTo(Path.Combine(_folder, "backups")));
        await host.StopAsync();
    }

    [Test]
    public void RefusesAnInvalidCronExpressionBeforeStarting()
    {
        using var host = BuildHost(cron: "elke dag");

        var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(error!.Message, Does.Contain("Worker:CheckpointDatabaseCron"));
    }

    // The checkpoint fires on its own only at 03:00 on 1 January, so a regular fire never completes in place of the one a test triggers.
    private IHost BuildHost(string cron = "0 0 3 1 1 ?") => WorkerHost.Build([], new Dictionary<string, string?>
    {
        ["Monitor:DatabasePath"] = Path.Combine(_folder, "monitor.db"),
        ["Worker:CheckpointDatabaseCron"] = cron,
        ["Monitor:Backup:Folder"] = Path.Combine(_folder, "backups"),
    });

    private static async Task<long> CountAsync(MonitorDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class CompletionListener(TaskCompletionSource done) : IJobListener
    {
        public string Name => "test-completion";

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (jobException is null)
            {
                done.TrySetResult();
            }
            else
            {
                done.TrySetException(jobException);
            }

            return ValueTask.CompletedTask;
        }
    }
}
