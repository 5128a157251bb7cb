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

        // Scheduling: the jobs, as a member of the scheduler cluster on the database file (the web app is another member)
        builder.Services.AddMonitorJobs(builder.Configuration);
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ClusterScheduler>());

        return builder.Build();
    }

    /// <summary>
    /// Quartz with the jobs of the <see cref="JobCatalogue"/> and their cron schedules from the "Worker" section, every
    /// setting checked before start. Used by this worker and, by default, inside the web app (Worker:RunInWeb).
    /// </summary>
    public static IServiceCollection AddMonitorJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddOptions<WorkerOptions>()
            .Bind(configuration.GetSection(WorkerOptions.SectionName))
            .ValidateOnStart();
        foreach (var job in JobCatalogue.Jobs)
        {
            options.Validate(o => CronExpression.TryParse(job.Cron(o), out _), job.InvalidCronMessage);
        }

        // ProgressReportCron is no job's trigger: it is the monthly report day of projects without a schedule of their own.
        options
            .Validate(o => CronExpression.TryParse(o.ProgressReportCron, out _),
                "Worker:ProgressReportCron is geen geldige Quartz-cronexpressie (voorbeeld: \"0 0 7 1W * ?\" = eerste werkdag van de maand om 07:00).")
            .Validate(o => o.ReminderDaysBefore is >= 1 and <= 14, "Worker:ReminderDaysBefore moet 1 tot en met 14 dagen zijn.")
            .Validate(o => o.ClusterCheckinSeconds is >= 1 and <= 600, "Worker:ClusterCheckinSeconds moet tussen 1 en 600 liggen.");
        // Registered, not started: the host decides (the worker always, the web app per Worker:RunInWeb).
        services.AddSingleton<ClusterScheduler>();
        return services;
    }
}
