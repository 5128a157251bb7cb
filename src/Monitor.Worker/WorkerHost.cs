using Monitor.Core;
using Monitor.Worker.Scheduling;
using Quartz;

namespace Monitor.Worker;

/// <summary>Composes the worker host; Program.cs runs it and the tests start it on a temp database.</summary>
public static class WorkerHost
{
    public static IHost Build(string[] args, IDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // A start-up failure a person can fix is one Dutch line on stderr (Program), not the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        // Core: the same database file and stores as the web app
        builder.Services.AddMonitorCore(builder.Configuration);

        // Scheduling: the jobs, on the lease so that the web app and this worker never both run them
        builder.Services.AddMonitorJobs(builder.Configuration);
        builder.Services.AddHostedService(provider => provider.GetRequiredService<QuartzHostedService>());

        return builder.Build();
    }

    /// <summary>
    /// Quartz with the jobs and cron schedules from the "Worker" section, checked before start. Used by this
    /// worker and, by default, inside the web app (Worker:RunInWeb).
    /// </summary>
    public static IServiceCollection AddMonitorJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkerOptions>()
            .Bind(configuration.GetSection(WorkerOptions.SectionName))
            .Validate(o => CronExpression.IsValidExpression(o.CheckpointDatabaseCron),
                "Worker:CheckpointDatabaseCron is geen geldige Quartz-cronexpressie (voorbeeld: \"0 15 * * * ?\" = elk uur om kwart over).")
            .Validate(o => CronExpression.IsValidExpression(o.BackupDatabaseCron),
                "Worker:BackupDatabaseCron is geen geldige Quartz-cronexpressie (voorbeeld: \"0 30 2 * * ?\" = elke nacht om 02:30).")
            .Validate(o => CronExpression.IsValidExpression(o.SendNotificationMailCron),
                "Worker:SendNotificationMailCron is geen geldige Quartz-cronexpressie (voorbeeld: \"0 */5 * * * ?\" = elke 5 minuten).")
            .Validate(o => CronExpression.IsValidExpression(o.MeetingRemindersCron),
                "Worker:MeetingRemindersCron is geen geldige Quartz-cronexpressie (voorbeeld: \"0 0 8 * * ?\" = elke dag om 08:00).")
            .Validate(o => o.ReminderDaysBefore is >= 1 and <= 14, "Worker:ReminderDaysBefore moet 1 tot en met 14 dagen zijn.")
            .Validate(o => CronExpression.IsValidExpression(o.ProgressReportCheckCron),
                "Worker:ProgressReportCheckCron is geen geldige Quartz-cronexpressie (voorbeeld: \"0 5 * * * ?\" = elk uur om vijf over).")
            .Validate(o => CronExpression.IsValidExpression(o.ProgressReportCron),
                "Worker:ProgressReportCron is geen geldige Quartz-cronexpressie (voorbeeld: \"0 0 7 1W * ?\" = eerste werkdag van de maand om 07:00).")
            .Validate(o => CronExpression.IsValidExpression(o.NotifyOverdueActivitiesCron),
                "Worker:NotifyOverdueActivitiesCron is geen geldige Quartz-cronexpressie (voorbeeld: \"0 0 7 * * ?\" = elke dag om 07:00).")
            .Validate(o => o.LeaseSeconds is >= 3 and <= 3600, "Worker:LeaseSeconds moet tussen 3 en 3600 liggen.")
            .ValidateOnStart();
        // Registered, not started: the host decides (the worker always, the web app per Worker:RunInWeb).
        services.AddSingleton<QuartzHostedService>();
        return services;
    }
}
