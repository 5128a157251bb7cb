using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Notifications;
using Monitor.Worker.Scheduling;
using Quartz;

namespace Monitor.Worker.Tests.Jobs;

public sealed class RetryTests
{
    [Test]
    public async Task AFailedRunIsRetriedWithBackOffAndRecordedInTheHistory()
    {
        var folder = Path.Combine(Path.GetTempPath(), "monitor-worker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var blocked = Path.Combine(folder, "backups");
        try
        {
            using var host = WorkerHost.Build([], new Dictionary<string, string?>
            {
                ["Monitor:DatabasePath"] = Path.Combine(folder, "monitor.db"),
                ["Monitor:Backup:Folder"] = blocked,
            });
            await host.StartAsync();
            // after the start-up check the backup folder becomes a file (a disk remounted, a folder removed): the job must fail
            Directory.Delete(blocked, recursive: true);
            await File.WriteAllTextAsync(blocked, "geen map");
            var admin = await host.Services.GetRequiredService<AccountStore>().CreateAsync(
                new Monitor.Core.Accounts.NewAccount { Email = "beheer@test.example", DisplayName = "Beheerder", PasswordHash = "x", IsAdmin = true }, Monitor.Core.Data.Actor.System);
            var scheduler = host.Services.GetRequiredService<ClusterScheduler>().Scheduler!;
            var finished = new TaskCompletionSource<IJobExecutionContext>();
            scheduler.ListenerManager.AddJobListener(new Finished(finished), Quartz.Matchers.Key(JobCatalogue.BackupDatabaseKey));

            await scheduler.TriggerJob(JobCatalogue.BackupDatabaseKey);
            var run = await finished.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var retries = (await scheduler.GetTriggersOfJob(JobCatalogue.BackupDatabaseKey)).Where(t => t.Key.Group == "retries").ToList();
            Assert.That(retries, Has.Count.EqualTo(1), "one retry planned");
            Assert.That(retries[0].JobDataMap.GetInt(JobHistoryListener.RetryKey), Is.EqualTo(1));
            Assert.That(retries[0].StartTimeUtc - run.FireTimeUtc, Is.EqualTo(TimeSpan.FromMinutes(1)));
            var history = await host.Services.GetRequiredService<NotificationStore>().ListRunsAsync();
            var failed = history.First(r => r.Job == JobCatalogue.BackupDatabaseKey.Name);
            Assert.That(failed.Outcome, Is.EqualTo("mislukt"));
            Assert.That(failed.Message, Does.Contain("nieuwe poging 1 van 3"));
            Assert.That((await scheduler.GetTriggersOfJob(JobCatalogue.CheckpointDatabaseKey)).Count, Is.EqualTo(1), "the other jobs keep their schedule");
            var inbox = await host.Services.GetRequiredService<NotificationStore>().ListAsync(admin);
            Assert.That(inbox.Single().Title, Is.EqualTo("Taak mislukt: backup-database"), "the beheerder is told");
            await host.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class Finished(TaskCompletionSource<IJobExecutionContext> finished) : IJobListener
    {
        public string Name => "test-finished";

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            finished.TrySetResult(context);
            return ValueTask.CompletedTask;
        }
    }
}
