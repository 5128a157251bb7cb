namespace Monitor.Worker;

/// <summary>Schedules of the worker's jobs as Quartz cron expressions, bound from the "Worker" section.</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>WAL checkpoint; default at a quarter past every hour.</summary>
    public string CheckpointDatabaseCron { get; set; } = "0 15 * * * ?";

    /// <summary>Verified database backup; default every night at 02:30.</summary>
    public string BackupDatabaseCron { get; set; } = "0 30 2 * * ?";

    /// <summary>Daily notice of overdue plan activities to the projectleiders; default 07:00.</summary>
    public string NotifyOverdueActivitiesCron { get; set; } = "0 0 7 * * ?";

    /// <summary>
    /// Default schedule of the monthly progress report of a project without its own (Europe/Amsterdam): the first working day of the month at 07:00
    /// ("1W": the weekday nearest the 1st within the month, so Monday the 3rd when the 1st is a Saturday).
    /// </summary>
    public string ProgressReportCron { get; set; } = "0 0 7 1W * ?";

    /// <summary>How often the worker checks which projects' monthly report is due (their own schedule or the default); every hour.</summary>
    public string ProgressReportCheckCron { get; set; } = "0 5 * * * ?";

    /// <summary>Meeting reminders and the rhythm check; default every day at 08:00 (Europe/Amsterdam).</summary>
    public string MeetingRemindersCron { get; set; } = "0 0 8 * * ?";

    /// <summary>Reminders of open measurement rounds closing within 3 days below their intended response; default every day at 08:15 (Europe/Amsterdam).</summary>
    public string SurveyRoundRemindersCron { get; set; } = "0 15 8 * * ?";

    /// <summary>Today's portfolio figures computed for every project just after midnight (Europe/Amsterdam), so the first view of the day is fast too.</summary>
    public string RefreshPortfolioFiguresCron { get; set; } = "0 1 0 * * ?";

    /// <summary>How many days before a planned meeting its chair is reminded (1–14).</summary>
    public int ReminderDaysBefore { get; set; } = 2;

    /// <summary>E-mail of new notifications (only when Smtp:Host is set); default every 5 minutes.</summary>
    public string SendNotificationMailCron { get; set; } = "0 */5 * * * ?";

    /// <summary>
    /// How often each scheduler instance checks in with the cluster (Quartz's clusterCheckinInterval); an instance
    /// that has not checked in for twice this long counts as dead and another takes over its interrupted jobs.
    /// </summary>
    public int ClusterCheckinSeconds { get; set; } = 15;
}
