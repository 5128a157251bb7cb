using System.Collections.Specialized;
using Microsoft.Extensions.Options;
using Monitor.Core.Storage;
using Monitor.Worker.Jobs;
using Quartz;
using Quartz.Impl;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// Migrates the database, then runs the Quartz scheduler with the jobs and schedules from
/// <see cref="WorkerOptions"/>; on stop it waits for running jobs to complete.
/// </summary>
public sealed class QuartzHostedService : IHostedService
{
    public static readonly JobKey CheckpointDatabaseKey = new("checkpoint-database", "maintenance");
    public static readonly JobKey BackupDatabaseKey = new("backup-database", "maintenance");

    private readonly IServiceProvider _services;
    private readonly DatabasePreparation _preparation;
    private readonly IOptions<WorkerOptions> _options;
    private readonly ILogger<QuartzHostedService> _logger;

    public QuartzHostedService(IServiceProvider services, DatabasePreparation preparation, IOptions<WorkerOptions> options, ILogger<QuartzHostedService> logger)
    {
        _services = services;
        _preparation = preparation;
        _options = options;
        _logger = logger;
    }

    /// <summary>The running scheduler (null before start); tests use it to trigger jobs.</summary>
    public IScheduler? Scheduler { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The web app owns the demo data; the worker only makes sure the schema is current.
        await _preparation.PrepareAsync(includeDemoData: false, cancellationToken);

        var properties = new NameValueCollection
        {
            // Quartz keeps schedulers in a process-wide repository by name: one name per host instance.
            ["quartz.scheduler.instanceName"] = $"ImplementatieMonitor.Worker.{Guid.NewGuid():N}",
            ["quartz.threadPool.maxConcurrency"] = "2",
            ["quartz.jobStore.type"] = "Quartz.Simpl.RAMJobStore, Quartz",
        };
        var scheduler = await new StdSchedulerFactory(properties).GetScheduler(cancellationToken);
        scheduler.JobFactory = new ServiceProviderJobFactory(_services);

        var checkpoint = JobBuilder.Create<CheckpointDatabaseJob>().WithIdentity(CheckpointDatabaseKey).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity("checkpoint-database-schedule", "maintenance")
            .WithCronSchedule(_options.Value.CheckpointDatabaseCron)
            .Build();
        await scheduler.ScheduleJob(checkpoint, trigger, cancellationToken);

        var backup = JobBuilder.Create<BackupDatabaseJob>().WithIdentity(BackupDatabaseKey).Build();
        var backupTrigger = TriggerBuilder.Create()
            .WithIdentity("backup-database-schedule", "maintenance")
            .WithCronSchedule(_options.Value.BackupDatabaseCron, cron => cron.InTimeZone(AmsterdamTime()).WithMisfireHandlingInstructionFireAndProceed())
            .Build();
        await scheduler.ScheduleJob(backup, backupTrigger, cancellationToken);

        await scheduler.Start(cancellationToken);
        Scheduler = scheduler;
        _logger.LogInformation("Worker started; {JobKey} scheduled with cron {Cron}", CheckpointDatabaseKey, _options.Value.CheckpointDatabaseCron);
    }

    // Schedules are meant in Dutch local time; a missed nightly backup (machine off) runs once at start.
    private static TimeZoneInfo AmsterdamTime() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Utc;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Scheduler is { } scheduler)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }
}
