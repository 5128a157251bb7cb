using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// One entry of the <see cref="JobCatalogue"/>: a job, the <see cref="WorkerOptions"/> setting that holds its cron
/// expression, the time zone that expression is read in and what happens to runs missed during downtime.
/// The scheduler, the start-up check of the settings and the jobs page all read it from here.
/// </summary>
public sealed record ScheduledJob
{
    public required JobKey Key { get; init; }

    /// <summary>The <see cref="IJob"/> class; the scheduler creates it from the service provider for every run.</summary>
    public required Type JobType { get; init; }

    /// <summary>The name of the <see cref="WorkerOptions"/> property <see cref="Cron"/> reads, for messages: "BackupDatabaseCron".</summary>
    public required string Setting { get; init; }

    /// <summary>Reads the job's cron expression from the options.</summary>
    public required Func<WorkerOptions, string> Cron { get; init; }

    /// <summary>True: the cron expression is Dutch local time (Europe/Amsterdam); false: the server's local time zone.</summary>
    public required bool InDutchTime { get; init; }

    public required MisfirePolicy Misfire { get; init; }

    /// <summary>A valid expression with its meaning in Dutch, for the message on an invalid setting: "\"0 30 2 * * ?\" = elke nacht om 02:30".</summary>
    public required string Example { get; init; }

    /// <summary>The zone the cron expression is read in (see <see cref="InDutchTime"/>).</summary>
    public TimeZoneInfo Zone => InDutchTime ? Monitor.Core.Common.DutchClock.Zone : TimeZoneInfo.Local;

    /// <summary>The configuration key of the setting: "Worker:BackupDatabaseCron".</summary>
    public string SettingKey => $"{WorkerOptions.SectionName}:{Setting}";

    /// <summary>The start-up error when the setting is not a valid Quartz cron expression.</summary>
    public string InvalidCronMessage => $"{SettingKey} is geen geldige Quartz-cronexpressie (voorbeeld: {Example}).";

    /// <summary>The key of the job's regular trigger ("backup-database-schedule" in the job's group).</summary>
    public TriggerKey TriggerKey => new($"{Key.Name}-schedule", Key.Group);

    /// <summary>
    /// The job as the cluster stores it: durable (it stays when only its retry triggers are gone) and asking for
    /// recovery, so that a run interrupted by a dying instance is run again by another (the jobs are written to be
    /// run again: each makes only what is still missing).
    /// </summary>
    public IJobDetail CreateJob() => JobBuilder.Create().OfType(JobType).WithIdentity(Key).StoreDurably().RequestRecovery().Build();

    /// <summary>The regular trigger: the cron expression from <paramref name="options"/>, in <see cref="Zone"/>, with <see cref="Misfire"/>.</summary>
    public ITrigger CreateTrigger(WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TriggerBuilder.Create()
            .WithIdentity(TriggerKey)
            .ForJob(Key)
            .WithCronSchedule(Cron(options), cron => WithMisfire(cron.InTimeZone(Zone)))
            .Build();
    }

    private CronScheduleBuilder WithMisfire(CronScheduleBuilder cron) => cron.WithMisfireInstruction(MisfireInstruction);

    /// <summary>Quartz's instruction for <see cref="Misfire"/>.</summary>
    public CronTriggerMisfireInstruction MisfireInstruction => Misfire switch
    {
        MisfirePolicy.DoNothing => CronTriggerMisfireInstruction.DoNothing,
        _ => CronTriggerMisfireInstruction.FireAndProceed,
    };

    /// <summary>True when the stored <paramref name="trigger"/> is this job's regular trigger for <paramref name="options"/> as it is now.</summary>
    public bool IsCurrent(ITrigger? trigger, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return trigger is ICronTrigger cron && cron.CronExpressionString == Cron(options) && cron.TimeZone.Id == Zone.Id
            && cron.MisfireInstruction == MisfireInstruction && cron.JobKey.Equals(Key);
    }

    /// <summary>When the regular trigger fires next after <paramref name="after"/>, as Quartz computes it; null when never.</summary>
    public DateTimeOffset? NextFireTime(WorkerOptions options, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CronExpression(Cron(options), Zone).GetNextValidTimeAfter(after);
    }
}
