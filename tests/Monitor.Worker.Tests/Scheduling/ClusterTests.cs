using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Core.Data;
using Monitor.Worker.Scheduling;
using Quartz;

namespace Monitor.Worker.Tests.Scheduling;

/// <summary>
/// Two hosts in one test process on one database, each with a scheduler instance of its own (as the web app and the
/// standalone worker on one SQLite file, or two web nodes on PostgreSQL): the cluster fires a trigger once, and a job
/// whose instance went away is run by the other.
/// </summary>
[NonParallelizable]
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class ClusterTests
{
    private readonly DatabaseEngine _engine;
    private string _folder = "";
    private string? _postgres;

    public ClusterTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "monitor-worker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _postgres = _engine == DatabaseEngine.PostgreSql ? Monitor.Core.Tests.Support.PostgresServer.CreateEmptyDatabase() : null;
        BlockingJob.Reset();
        ProbeJob.Reset();
    }

    [TearDown]
    public void DeleteFolder()
    {
        BlockingJob.Release();
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            Monitor.Core.Tests.Support.PostgresServer.DropDatabase(_postgres);
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task TwoInstancesOnOneFileRunEachOfTwentyFiresExactlyOnce()
    {
        const int fires = 20;
        using var first = BuildHost();
        using var second = BuildHost();
        await first.StartAsync();
        var a = first.Services.GetRequiredService<ClusterScheduler>();
        // five triggers of four fires each, 300 ms apart, staggered by 50 ms so that no two fires share a time
        var job = JobBuilder.Create<ProbeJob>().WithIdentity("cluster-probe", "tests").Build();
        var start = TimeProvider.System.GetUtcNow().AddSeconds(2);
        var triggers = Enumerable.Range(0, 5).Select(i => TriggerBuilder.Create().WithIdentity($"cluster-probe-{i}", "tests")
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(300)).WithRepeatCount(fires / 5 - 1))
            .StartAt(start.AddMilliseconds(50 * i)).Build()).ToList();
        await a.Scheduler!.ScheduleJob(job, triggers);
        // started after the trigger is stored, so its first look at the store already sees the fires to compete for
        await second.StartAsync();
        var b = second.Services.GetRequiredService<ClusterScheduler>();
        Assert.That(a.InstanceId, Is.Not.EqualTo(b.InstanceId));
        Assert.That((a.IsRunning, b.IsRunning), Is.EqualTo((true, true)), "both are members that run jobs; no standby");

        var database = first.Services.GetRequiredService<MonitorDatabase>();
        await PollAsync(async () => await ScalarAsync(database, "SELECT count(*) FROM job_runs WHERE job = 'cluster-probe' AND finished_at IS NOT NULL;") >= fires
            && (await a.Scheduler.GetTriggersOfJob(job.Key)).Count == 0, TimeSpan.FromSeconds(60), "all fires run and the triggers are complete");

        var runs = await QueryAsync(database, "SELECT scheduled_for || '|' || runner FROM job_runs WHERE job = 'cluster-probe';");
        var fireTimes = runs.Select(r => r.Split('|')[0]).ToList();
        await TestContext.Out.WriteLineAsync($"{fires} fires: " + string.Join(", ", runs.GroupBy(r => r.Split('|')[1]).Select(g => $"{g.Key} ran {g.Count()}")));
        Assert.That(runs, Has.Count.EqualTo(fires), "each fire ran once, in one of the two instances");
        Assert.That(fireTimes.Distinct().Count(), Is.EqualTo(fires), "no fire time twice");
        Assert.That(ProbeJob.Runs, Is.EqualTo(fires));
        Assert.That(runs.Select(r => r.Split('|')[1]).All(runner => runner == a.InstanceId || runner == b.InstanceId), Is.True);
        Assert.That(await QueryAsync(database, "SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE ORDER BY INSTANCE_NAME;"),
            Is.EquivalentTo(new[] { a.InstanceId, b.InstanceId }), "both instances check in with the cluster");
        await second.StopAsync();
        await first.StopAsync();
    }

    [Test]
    public async Task AJobWhoseInstanceStopsWithoutFinishingItIsRunAgainByTheOtherAsRecovering()
    {
        using var first = BuildHost();
        using var second = BuildHost();
        await first.StartAsync();
        await second.StartAsync();
        var instances = new[] { first, second }.Select(h => h.Services.GetRequiredService<ClusterScheduler>()).ToList();
        var job = JobBuilder.Create<BlockingJob>().WithIdentity("cluster-blocking", "tests").StoreDurably().RequestRecovery().Build();
        await instances[0].Scheduler!.AddJob(job);

        await instances[0].Scheduler!.TriggerJob(job.Key);
        var runner = await BlockingJob.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var dying = instances.Single(i => i.InstanceId == runner);
        var survivor = instances.Single(i => i.InstanceId != runner);
        // The instance goes away mid-job: its scheduler stops without waiting and never checks in again, while the
        // job (which ignores cancellation, as a hung process would) has not finished.
        await dying.Scheduler!.Shutdown(waitForJobsToComplete: false);

        var recovered = await BlockingJob.Recovered.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(recovered, Is.EqualTo(survivor.InstanceId), "the other instance ran the job again");
        var database = first.Services.GetRequiredService<MonitorDatabase>();
        await PollAsync(async () => await ScalarAsync(database, "SELECT count(*) FROM job_runs WHERE job = 'cluster-blocking' AND finished_at IS NOT NULL;") >= 1,
            TimeSpan.FromSeconds(30), "the recovering run is in the job history");
        var history = await QueryAsync(database, "SELECT runner || '|' || outcome || '|' || message FROM job_runs WHERE job = 'cluster-blocking' AND finished_at IS NOT NULL;");
        Assert.That(history.Single(), Does.StartWith($"{survivor.InstanceId}|gelukt|opnieuw gestart"), "the history says the run was taken over");
        BlockingJob.Release();
        await first.StopAsync();
        await second.StopAsync();
    }

    [Test]
    public async Task ARestartKeepsTheStoredTriggersSoAMissedRunIsMadeUpOnceOrSkippedAsItsMisfirePolicySaysAndDropsRetiredJobs()
    {
        using (var host = BuildHost())
        {
            await host.StartAsync();
            // a job an older version had in the catalogue's groups, no longer in the catalogue
            await host.Services.GetRequiredService<ClusterScheduler>().Scheduler!.AddJob(
                JobBuilder.Create<ProbeJob>().WithIdentity("retired-job", JobCatalogue.CheckpointDatabaseKey.Group).StoreDurably().Build());
            await host.StopAsync();
        }

        // While no instance ran, both jobs missed a fire ten minutes ago.
        var tenMinutesAgo = TimeProvider.System.GetUtcNow().AddMinutes(-10).UtcTicks.ToString(CultureInfo.InvariantCulture);
        await ExecuteAsync($"UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = {tenMinutesAgo} WHERE TRIGGER_NAME IN ('checkpoint-database-schedule', 'send-notification-mail-schedule');");

        using (var host = BuildHost())
        {
            await host.StartAsync();
            var scheduler = host.Services.GetRequiredService<ClusterScheduler>().Scheduler!;
            var database = host.Services.GetRequiredService<MonitorDatabase>();
            await PollAsync(async () => await ScalarAsync(database, "SELECT count(*) FROM job_runs WHERE job = 'checkpoint-database' AND finished_at IS NOT NULL;") == 1,
                TimeSpan.FromSeconds(60), "the checkpoint (fire once now) is made up after the restart");
            var mail = JobCatalogue.Find("send-notification-mail")!;
            await PollAsync(async () => (await scheduler.GetTrigger(mail.TriggerKey))!.NextFireTimeUtc > TimeProvider.System.GetUtcNow(), TimeSpan.FromSeconds(60),
                "the mail job (do nothing) waits for its next regular fire");

            Assert.That(await ScalarAsync(database, "SELECT count(*) FROM job_runs WHERE job = 'send-notification-mail';"), Is.Zero, "the missed mail run is skipped");
            Assert.That(await ScalarAsync(database, "SELECT count(*) FROM job_runs WHERE job = 'checkpoint-database';"), Is.EqualTo(1), "made up once, not once per missed fire");
            Assert.That(await scheduler.GetJobDetail(new JobKey("retired-job", JobCatalogue.CheckpointDatabaseKey.Group)), Is.Null, "a job no longer in the catalogue leaves the store");
            await host.StopAsync();
        }
    }

    // The catalogue's checkpoint and mail jobs (hourly, every 5 minutes) fire only at 03:00 on 1 January here, so
    // that a regular fire never lands in a test's counts.
    private IHost BuildHost() => WorkerHost.Build([], new Dictionary<string, string?>
    {
        ["Monitor:Database"] = _engine == DatabaseEngine.PostgreSql ? "postgresql" : "sqlite",
        ["ConnectionStrings:Monitor"] = _postgres,
        ["Monitor:DatabasePath"] = Path.Combine(_folder, "monitor.db"),
        ["Monitor:Backup:Folder"] = Path.Combine(_folder, "backups"),
        ["Worker:ClusterCheckinSeconds"] = "1",
        ["Worker:CheckpointDatabaseCron"] = "0 0 3 1 1 ?",
        ["Worker:SendNotificationMailCron"] = "0 0 3 1 1 ?",
    });

    private async Task ExecuteAsync(string sql)
    {
        if (_postgres is not null)
        {
            await using var postgres = new Npgsql.NpgsqlConnection(_postgres);
            await postgres.OpenAsync();
            await using var update = new Npgsql.NpgsqlCommand(sql, postgres);
            Assert.That(await update.ExecuteNonQueryAsync(), Is.EqualTo(2), sql);
            return;
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "monitor.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(2), sql);
    }

    private static async Task PollAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"Not within {timeout.TotalSeconds:0} s: {what}");
            }

            await Task.Delay(50);
        }
    }

    // through the data kernel (Monitor.Core.Data.Sql), as the stores read
    private static async Task<long> ScalarAsync(MonitorDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ScalarLongAsync(null, sql, CancellationToken.None) ?? 0;
    }

    private static async Task<List<string>> QueryAsync(MonitorDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QueryAsync(null, sql, reader => reader.GetString(0), CancellationToken.None);
    }

    /// <summary>Counts its runs (in this process, over both instances).</summary>
    internal sealed class ProbeJob : IJob
    {
        private static int _runs;

        public static int Runs => Volatile.Read(ref _runs);

        public static void Reset() => Volatile.Write(ref _runs, 0);

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _runs);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The first run says which instance runs it and then hangs (ignoring cancellation) until released; a recovering run says where it ran.</summary>
    [DisallowConcurrentExecution]
    internal sealed class BlockingJob : IJob
    {
        private static TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static TaskCompletionSource<string> Started { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static TaskCompletionSource<string> Recovered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static void Reset()
        {
            _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
            Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
            Recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public static void Release() => _release.TrySetResult();

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            if (context.Recovering)
            {
                Recovered.TrySetResult(context.Scheduler.SchedulerInstanceId);
                return;
            }

            Started.TrySetResult(context.Scheduler.SchedulerInstanceId);
            await _release.Task;
        }
    }
}
