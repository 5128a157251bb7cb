using System.Collections.Specialized;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Data;
using Monitor.Core.Notifications;
using Monitor.Core;
using Quartz.Impl;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// Migrates the database, then runs the Quartz scheduler with the jobs of the <see cref="JobCatalogue"/> on their
/// schedules from <see cref="WorkerOptions"/> — but only while it holds the "scheduler" lease in the database, so the web app
/// and a separate worker on the same database never both run the jobs. The lease is renewed every third of
/// its length; a process that loses it puts its scheduler in standby. On stop it waits for running jobs to
/// complete and gives the lease up.
/// </summary>
public sealed class QuartzHostedService : IHostedService, IDisposable
{
    public const string LeaseName = "scheduler";

    private readonly IServiceProvider _services;
    private readonly DatabasePreparation _preparation;
    private readonly LeaseStore _leases;
    private readonly TimeProvider _time;
    private readonly IOptions<WorkerOptions> _options;
    private readonly ILogger<QuartzHostedService> _logger;
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private CancellationTokenSource? _stopping;
    private Task? _leaseLoop;

    public QuartzHostedService(IServiceProvider services, DatabasePreparation preparation, LeaseStore leases, TimeProvider time, IOptions<WorkerOptions> options, ILogger<QuartzHostedService> logger)
    {
        _services = services;
        _preparation = preparation;
        _leases = leases;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>True while this process holds the lease and its scheduler runs the jobs.</summary>
    public bool IsLeader { get; private set; }

    /// <summary>The running scheduler (null before start); tests use it to trigger jobs.</summary>
    public IScheduler? Scheduler { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The web app owns the demo data; the worker only makes sure the schema is current.
        await _preparation.PrepareAsync(includeDemoData: false, cancellationToken);
        // An unusable backup folder is a start-up error, not a failure discovered at the first night's backup.
        _services.GetRequiredService<Monitor.Core.Backups.BackupService>().CheckFolder();

        var properties = new NameValueCollection
        {
            // Quartz keeps schedulers in a process-wide repository by name: one name per host instance.
            ["quartz.scheduler.instanceName"] = $"ImplementatieMonitor.Worker.{Guid.NewGuid():N}",
            ["quartz.threadPool.maxConcurrency"] = "2",
            ["quartz.jobStore.type"] = "Quartz.Simpl.RAMJobStore, Quartz",
        };
        var scheduler = await new StdSchedulerFactory(properties).GetScheduler(cancellationToken);
        scheduler.JobFactory = new ServiceProviderJobFactory(_services);

        foreach (var job in JobCatalogue.Jobs)
        {
            await scheduler.ScheduleJob(job.CreateJob(), job.CreateTrigger(_options.Value), cancellationToken);
        }

        scheduler.ListenerManager.AddJobListener(new JobHistoryListener(_services.GetRequiredService<NotificationStore>(), _services.GetRequiredService<AccountStore>()), Quartz.Impl.Matchers.GroupMatcher<JobKey>.AnyGroup());

        Scheduler = scheduler;
        await TakeOrLoseLeadAsync(cancellationToken);
        if (!IsLeader)
        {
            _logger.LogInformation("Scheduler lease is held by another process (web app or worker); standing by");
        }

        _stopping = new CancellationTokenSource();
        _leaseLoop = RenewLeaseAsync(_stopping.Token);
    }

    private async Task RenewLeaseAsync(CancellationToken stopping)
    {
        var interval = TimeSpan.FromSeconds(_options.Value.LeaseSeconds / 3.0);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _time, stopping);
                await TakeOrLoseLeadAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or SchedulerException)
            {
                // A busy or briefly unavailable database: try again at the next renewal.
                _logger.LogWarning(ex, "Scheduler lease could not be renewed");
            }
        }
    }

    private async Task TakeOrLoseLeadAsync(CancellationToken cancellationToken)
    {
        var leader = await _leases.TryAcquireAsync(LeaseName, _holder, TimeSpan.FromSeconds(_options.Value.LeaseSeconds), cancellationToken);
        if (leader && !IsLeader)
        {
            await Scheduler!.Start(cancellationToken);
            _logger.LogInformation("Scheduler lease taken by {Holder}; jobs run here", _holder);
        }
        else if (!leader && IsLeader)
        {
            await Scheduler!.Standby(cancellationToken);
            _logger.LogWarning("Scheduler lease lost by {Holder}; jobs paused here", _holder);
        }

        IsLeader = leader;
    }

    /// <summary>Ends the lease loop if StopAsync never ran (a host torn down after a failed start or a second dispose).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopping, null) is { } stopping)
        {
            stopping.Cancel();
            stopping.Dispose();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Idempotent: a host may be stopped twice, or disposed before it is stopped (seen in a CI teardown).
        if (Interlocked.Exchange(ref _stopping, null) is { } stopping)
        {
            await stopping.CancelAsync();
            await (_leaseLoop ?? Task.CompletedTask);
            stopping.Dispose();
        }

        if (Scheduler is { } scheduler)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }

        if (IsLeader)
        {
            await _leases.ReleaseAsync(LeaseName, _holder, cancellationToken);
            IsLeader = false;
        }
    }
}
