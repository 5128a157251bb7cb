using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Common;
using Monitor.Worker.Scheduling;
using Quartz;

namespace Monitor.Worker.Tests.Scheduling;

/// <summary>The job catalogue is the one table of jobs: these tests walk it, entry by entry.</summary>
public sealed class JobCatalogueTests
{
    // The night clocks go forward in the Netherlands in 2030, after any trigger's start time.
    private static readonly DateTimeOffset _springForward = new(2030, 3, 31, 0, 30, 0, TimeSpan.Zero);

    private static IEnumerable<TestCaseData> Entries() =>
        JobCatalogue.Jobs.Select(job => new TestCaseData(job).SetArgDisplayNames(job.Key.Name));

    [Test]
    public void KeysAndTriggerKeysAreUnique()
    {
        Assert.That(JobCatalogue.Jobs.Select(job => job.Key), Is.Unique);
        Assert.That(JobCatalogue.Jobs.Select(job => job.TriggerKey), Is.Unique);
    }

    [Test]
    [Description("issue #18: the reminders of open measurement rounds run daily through the catalogue, in Dutch time, with their own setting")]
    public void TheSurveyRoundRemindersAreInTheCatalogue()
    {
        var job = JobCatalogue.Find("survey-round-reminders");

        Assert.That(job, Is.Not.Null);
        Assert.That((job!.JobType, job.Key, job.Setting, job.InDutchTime), Is.EqualTo((typeof(Monitor.Worker.Jobs.SurveyRoundRemindersJob), JobCatalogue.SurveyRoundRemindersKey, nameof(WorkerOptions.SurveyRoundRemindersCron), true)));
        Assert.That(job.Cron(new WorkerOptions()), Is.EqualTo("0 15 8 * * ?"));
    }

    [Test]
    [Description("issue #20: the new day's portfolio figures are computed just after midnight in Dutch time, a missed night once at the next start")]
    public void ThePortfolioFiguresRefreshIsInTheCatalogue()
    {
        var job = JobCatalogue.Find("refresh-portfolio-figures");

        Assert.That(job, Is.Not.Null);
        Assert.That((job!.JobType, job.Setting, job.InDutchTime, job.Misfire), Is.EqualTo((typeof(Monitor.Worker.Jobs.RefreshPortfolioFiguresJob), nameof(WorkerOptions.RefreshPortfolioFiguresCron), true, MisfirePolicy.FireOnceNow)));
        Assert.That(job.Cron(new WorkerOptions()), Is.EqualTo("0 1 0 * * ?"));
    }

    [TestCaseSource(nameof(Entries))]
    public void EachEntryIsAJobThatDoesNotOverlapItself(ScheduledJob job)
    {
        Assert.That(typeof(IJob).IsAssignableFrom(job.JobType), Is.True);
        Assert.That(job.JobType.GetCustomAttribute<DisallowConcurrentExecutionAttribute>(), Is.Not.Null);
    }

    [TestCaseSource(nameof(Entries))]
    public void EachEntryReadsTheSettingItNamesAndItsDefaultIsValid(ScheduledJob job)
    {
        var property = typeof(WorkerOptions).GetProperty(job.Setting);
        var options = new WorkerOptions();

        Assert.That(property?.PropertyType, Is.EqualTo(typeof(string)), $"WorkerOptions.{job.Setting}");
        property!.SetValue(options, "0 1 2 3 4 ?");
        Assert.That(job.Cron(options), Is.EqualTo("0 1 2 3 4 ?"), "the getter reads the setting named in the entry");
        Assert.That(CronExpression.TryParse(job.Cron(new WorkerOptions()), out _), Is.True);
        Assert.That(job.SettingKey, Is.EqualTo($"Worker:{job.Setting}"));
    }

    [TestCaseSource(nameof(Entries))]
    public void EachExampleIsAValidCronExpression(ScheduledJob job)
    {
        var example = job.Example.Split('"')[1];

        Assert.That(CronExpression.TryParse(example, out _), Is.True, example);
    }

    [TestCaseSource(nameof(Entries))]
    public void AnInvalidSettingIsRefusedBeforeStartNamingTheSetting(ScheduledJob job)
    {
        var folder = TempFolder();
        try
        {
            using var host = WorkerHost.Build([], Settings(folder, (job.SettingKey, "elke dag")));

            var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.That(error!.Message, Does.Contain($"{job.SettingKey} is geen geldige Quartz-cronexpressie (voorbeeld: {job.Example})."));
            Assert.That(JobCatalogue.Jobs.Where(other => other != job).Select(other => error.Message.Contains(other.SettingKey, StringComparison.Ordinal)), Has.None.True,
                "only the broken setting is named");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task TheSchedulerHasOneTriggerPerEntryWithItsCronZoneAndMisfirePolicy()
    {
        var folder = TempFolder();
        try
        {
            using var host = WorkerHost.Build([], Settings(folder, ("Worker:BackupDatabaseCron", "0 45 3 * * ?")));
            await host.StartAsync();
            var scheduler = host.Services.GetRequiredService<ClusterScheduler>().Scheduler!;
            var options = host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;

            Assert.That((await scheduler.GetJobKeys(Quartz.GroupMatcher<JobKey>.AnyGroup())).Count, Is.EqualTo(JobCatalogue.Jobs.Count));
            foreach (var job in JobCatalogue.Jobs)
            {
                var trigger = (ICronTrigger)(await scheduler.GetTriggersOfJob(job.Key)).Single();
                Assert.That(trigger.Key, Is.EqualTo(job.TriggerKey));
                Assert.That(trigger.CronExpressionString, Is.EqualTo(job.Cron(options)));
                Assert.That(trigger.TimeZone, Is.EqualTo(job.InDutchTime ? DutchClock.Zone : TimeZoneInfo.Local), job.Key.Name);
                Assert.That(trigger.MisfireInstruction,
                    Is.EqualTo(job.Misfire == MisfirePolicy.DoNothing ? CronTriggerMisfireInstruction.DoNothing : CronTriggerMisfireInstruction.FireAndProceed), job.Key.Name);
                Assert.That((await scheduler.GetJobDetail(job.Key))!.JobType.Type, Is.EqualTo(job.JobType));
                Assert.That(job.NextFireTime(options, _springForward), Is.EqualTo(trigger.GetFireTimeAfter(_springForward)),
                    $"{job.Key.Name}: the jobs page computes the next run as the trigger does");
            }

            Assert.That(JobCatalogue.Find("backup-database")!.Cron(options), Is.EqualTo("0 45 3 * * ?"));
            await host.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "monitor-worker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static Dictionary<string, string?> Settings(string folder, (string Key, string Value) setting) => new()
    {
        ["Monitor:DatabasePath"] = Path.Combine(folder, "monitor.db"),
        ["Monitor:Backup:Folder"] = Path.Combine(folder, "backups"),
        [setting.Key] = setting.Value,
    };
}
