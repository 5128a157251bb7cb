using System.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Data;
using Monitor.Core.Notifications;
using Monitor.Core;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// Migrates the database, then runs a Quartz scheduler instance with the jobs of the <see cref="JobCatalogue"/> on their
/// schedules from <see cref="WorkerOptions"/>, as a member of a cluster: the jobs and triggers live in Quartz's tables
/// (QRTZ_*) in the application's own database file, and every process on that file (the web app, a standalone worker)
/// runs an instance with an id of its own. Each fire is taken by one instance only; an instance that stops checking in
/// is counted dead after <see cref="WorkerOptions.ClusterCheckinSeconds"/> twice over, and another runs the jobs it
/// was running again (Quartz's recovery, asked for by every job of the catalogue). On stop it waits for running jobs.
/// </summary>
public sealed class ClusterScheduler : IHostedService, IDisposable
{
    /// <summary>The cluster's name: the same for every instance on one database (Quartz's SCHED_NAME).</summary>
    public const string ClusterName = "ImplementatieMonitor";

    private readonly IServiceProvider _services;
    private readonly DatabasePreparation _preparation;
    private readonly MonitorDatabase _database;
    private readonly IOptions<WorkerOptions> _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<ClusterScheduler> _logger;
    private StandaloneSchedulerFactory? _factory;

    public ClusterScheduler(IServiceProvider services, DatabasePreparation preparation, MonitorDatabase database, IOptions<WorkerOptions> options, ILoggerFactory loggers)
    {
        _services = services;
        _preparation = preparation;
        _database = database;
        _options = options;
        _loggers = loggers;
        _logger = loggers.CreateLogger<ClusterScheduler>();
    }

    /// <summary>This instance's id in the cluster: machine, process and a random part, so two hosts in one process differ too.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>True while this process's scheduler instance runs (takes its share of the jobs).</summary>
    public bool IsRunning => Scheduler is { Status: SchedulerStatus.Running };

    /// <summary>The running scheduler (null before start); the jobs page and the tests trigger jobs through it.</summary>
    public IScheduler? Scheduler { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The web app owns the demo data; the worker only makes sure the schema (with Quartz's tables) is current.
        await _preparation.PrepareAsync(includeDemoData: false, cancellationToken);
        // An unusable backup folder is a start-up error, not a failure discovered at the first night's backup.
        _services.GetRequiredService<Monitor.Core.Backups.BackupService>().CheckFolder();

        var options = _options.Value;
        var checkin = TimeSpan.FromSeconds(options.ClusterCheckinSeconds);
        var builder = QuartzSchedulerBuilder.Create(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = ClusterName;
                scheduler.InstanceId = InstanceId;
            });
            // the host's logger factory in the scheduler's own container (not Quartz's process-wide LogProvider, which
            // several hosts in one process, as in the tests, would overwrite), so its messages land where the app's do
            quartz.Services.AddSingleton(_loggers);
            quartz.UseDefaultThreadPool(maxConcurrency: 2);
            quartz.UseJobFactory(new ServiceProviderJobFactory(_services));
            quartz.UsePersistentStore(store =>
            {
                if (!_database.IsSqlite)
                {
                    // PostgreSQL: Quartz's own delegate and schema (Data/PostgreSql/quartz_tables.sql, tables qrtz_*), row locks
                    // (Quartz's default prefix QRTZ_ is unquoted in its SQL, so PostgreSQL reads it as qrtz_)
                    store.UsePostgres(postgres => postgres.ConnectionString = _database.ConnectionString);
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = checkin;
                        cluster.CheckinMisfireThreshold = checkin;
                    });
                    store.UseSystemTextJsonSerializer();
                    store.ConfigureStore(ado => ado.StoreJobDataAsStrings = true);
                    return;
                }

                // Microsoft.Data.Sqlite ("SQLite-Microsoft", what UseSqlite names) with the SQLite SQL of a delegate
                // Quartz lets cluster (UseSqlite would bring its own SQLiteDelegate, which refuses clustering)
                store.UseDriverDelegate(_ => new ClusteredSqliteDelegate());
                store.UseDataSource(source =>
                {
                    source.Provider = "SQLite-Microsoft";
                    source.ConnectionString = _database.ConnectionString;
                });
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = checkin;
                    cluster.CheckinMisfireThreshold = checkin;
                });
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(ado =>
                {
                    // job data as strings only: nothing of ours serialised into a blob that a later version must read
                    ado.StoreJobDataAsStrings = true;
                    // what Quartz sets for its own SQLite delegate: one transaction at a time, holding the write lock
                    ado.TransactionIsolationLevel = IsolationLevel.Serializable;
                    ado.AcquireTriggersWithinLock = true;
                    ado.LockFreeFiringRounds = false;
                    ado.SelectWithLockSql = ClusteredSqliteDelegate.LockStatement;
                });
            });
        });
        _factory = builder.Build();
        var scheduler = await _factory.GetScheduler(cancellationToken);

        // Every instance brings the catalogue's jobs and triggers into the shared store. A trigger that is already
        // there as configured is left alone: it keeps its next fire time, so runs missed while no instance ran are
        // handled by its misfire policy (MisfirePolicy) when the first instance starts again.
        foreach (var job in JobCatalogue.Jobs)
        {
            if (job.IsCurrent(await scheduler.GetTrigger(job.TriggerKey, cancellationToken), options))
            {
                await scheduler.AddJob(job.CreateJob(), AddJobOptions.Replacing, cancellationToken);
            }
            else
            {
                await scheduler.ScheduleJob(job.CreateJob(), [job.CreateTrigger(options)], ScheduleJobOptions.Replacing, cancellationToken);
            }
        }

        // A job taken out of the catalogue by a newer version leaves the store too (its class may be gone).
        var known = JobCatalogue.Jobs.Select(job => job.Key).ToHashSet();
        foreach (var group in known.Select(key => key.Group).Distinct())
        {
            foreach (var stale in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken)).Where(key => !known.Contains(key)))
            {
                await scheduler.DeleteJob(stale, cancellationToken);
            }
        }

        scheduler.ListenerManager.AddJobListener(new JobHistoryListener(_services.GetRequiredService<NotificationStore>(), _services.GetRequiredService<AccountStore>()), GroupMatcher<JobKey>.AnyGroup());
        Scheduler = scheduler;
        await scheduler.Start(cancellationToken);
        _logger.LogInformation("Scheduler instance {InstanceId} joined cluster {Cluster} on {Database}", InstanceId, ClusterName, _database.Description);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Idempotent: a host may be stopped twice, or disposed before it is stopped (seen in a CI teardown).
        if (Scheduler is { Status: not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown) } scheduler)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }

        if (Interlocked.Exchange(ref _factory, null) is { } factory)
        {
            await factory.DisposeAsync();
        }
    }

    /// <summary>Shuts the scheduler down without waiting if StopAsync never ran (a host torn down after a failed start).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _factory, null) is { } factory)
        {
            factory.Dispose();
        }
    }
}
