using Monitor.Worker.Jobs;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// Every scheduled job in one table: <see cref="ClusterScheduler"/> schedules these, <see cref="WorkerHost.AddMonitorJobs"/>
/// checks their cron settings before start, and the jobs page lists them with their next run. A new job is its class
/// in Jobs/, one entry here and its cron setting in <see cref="WorkerOptions"/>.
/// </summary>
public static class JobCatalogue
{
    public static readonly JobKey CheckpointDatabaseKey = new("checkpoint-database", "maintenance");
    public static readonly JobKey BackupDatabaseKey = new("backup-database", "maintenance");
    public static readonly JobKey NotifyOverdueActivitiesKey = new("notify-overdue-activities", "reminders");
    public static readonly JobKey ProgressReportKey = new("progress-report", "reports");
    public static readonly JobKey MeetingRemindersKey = new("meeting-reminders", "reminders");
    public static readonly JobKey SurveyRoundRemindersKey = new("survey-round-reminders", "reminders");
    public static readonly JobKey SendNotificationMailKey = new("send-notification-mail", "reminders");
    public static readonly JobKey RefreshPortfolioFiguresKey = new("refresh-portfolio-figures", "maintenance");

    /// <summary>The jobs, in the order the jobs page shows them.</summary>
    public static IReadOnlyList<ScheduledJob> Jobs { get; } =
    [
        new()
        {
            Key = CheckpointDatabaseKey,
            JobType = typeof(CheckpointDatabaseJob),
            Setting = nameof(WorkerOptions.CheckpointDatabaseCron),
            Cron = options => options.CheckpointDatabaseCron,
            InDutchTime = false,
            Misfire = MisfirePolicy.FireOnceNow,
            Example = "\"0 15 * * * ?\" = elk uur om kwart over",
        },
        new()
        {
            Key = BackupDatabaseKey,
            JobType = typeof(BackupDatabaseJob),
            Setting = nameof(WorkerOptions.BackupDatabaseCron),
            Cron = options => options.BackupDatabaseCron,
            InDutchTime = true,
            Misfire = MisfirePolicy.FireOnceNow,
            Example = "\"0 30 2 * * ?\" = elke nacht om 02:30",
        },
        new()
        {
            Key = NotifyOverdueActivitiesKey,
            JobType = typeof(NotifyOverdueActivitiesJob),
            Setting = nameof(WorkerOptions.NotifyOverdueActivitiesCron),
            Cron = options => options.NotifyOverdueActivitiesCron,
            InDutchTime = true,
            Misfire = MisfirePolicy.FireOnceNow,
            Example = "\"0 0 7 * * ?\" = elke dag om 07:00",
        },
        // Hourly check of each project's own report schedule; after downtime it fires once and makes only what is missing.
        new()
        {
            Key = ProgressReportKey,
            JobType = typeof(ProgressReportJob),
            Setting = nameof(WorkerOptions.ProgressReportCheckCron),
            Cron = options => options.ProgressReportCheckCron,
            InDutchTime = true,
            Misfire = MisfirePolicy.FireOnceNow,
            Example = "\"0 5 * * * ?\" = elk uur om vijf over",
        },
        new()
        {
            Key = MeetingRemindersKey,
            JobType = typeof(MeetingRemindersJob),
            Setting = nameof(WorkerOptions.MeetingRemindersCron),
            Cron = options => options.MeetingRemindersCron,
            InDutchTime = true,
            Misfire = MisfirePolicy.FireOnceNow,
            Example = "\"0 0 8 * * ?\" = elke dag om 08:00",
        },
        // Effect measurement (#18): open rounds closing within 3 days below their intended response.
        new()
        {
            Key = SurveyRoundRemindersKey,
            JobType = typeof(SurveyRoundRemindersJob),
            Setting = nameof(WorkerOptions.SurveyRoundRemindersCron),
            Cron = options => options.SurveyRoundRemindersCron,
            InDutchTime = true,
            Misfire = MisfirePolicy.FireOnceNow,
            Example = "\"0 15 8 * * ?\" = elke dag om 08:15",
        },
        // Every few minutes: a missed run is made up by the next one.
        new()
        {
            Key = SendNotificationMailKey,
            JobType = typeof(SendNotificationMailJob),
            Setting = nameof(WorkerOptions.SendNotificationMailCron),
            Cron = options => options.SendNotificationMailCron,
            InDutchTime = false,
            Misfire = MisfirePolicy.DoNothing,
            Example = "\"0 */5 * * * ?\" = elke 5 minuten",
        },
        // #20: the new day's dashboard figures of every project; after downtime once at the next start.
        new()
        {
            Key = RefreshPortfolioFiguresKey,
            JobType = typeof(RefreshPortfolioFiguresJob),
            Setting = nameof(WorkerOptions.RefreshPortfolioFiguresCron),
            Cron = options => options.RefreshPortfolioFiguresCron,
            InDutchTime = true,
            Misfire = MisfirePolicy.FireOnceNow,
            Example = "\"0 1 0 * * ?\" = elke nacht om 00:01",
        },
    ];

    /// <summary>The entry of the job named <paramref name="name"/> (the key's name, as on the jobs page); null when there is none.</summary>
    public static ScheduledJob? Find(string? name) => Jobs.FirstOrDefault(job => job.Key.Name == name);
}
