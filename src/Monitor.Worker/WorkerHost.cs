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

        // Core: the same database file and stores as the web app
        builder.Services.AddMonitorCore(builder.Configuration);

        // Scheduling: Quartz with the jobs and cron schedules from the "Worker" section, checked before start
        builder.Services.AddOptions<WorkerOptions>()
            .Bind(builder.Configuration.GetSection(WorkerOptions.SectionName))
            .Validate(o => CronExpression.IsValidExpression(o.CheckpointDatabaseCron),
                "Worker:CheckpointDatabaseCron is geen geldige Quartz-cronexpressie (voorbeeld: \"0 15 * * * ?\" = elk uur om kwart over).")
            .Validate(o => CronExpression.IsValidExpression(o.BackupDatabaseCron),
                "Worker:BackupDatabaseCron is geen geldige Quartz-cronexpressie (voorbeeld: \"0 30 2 * * ?\" = elke nacht om 02:30).")
            .ValidateOnStart();
        builder.Services.AddSingleton<QuartzHostedService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<QuartzHostedService>());

        return builder.Build();
    }
}
