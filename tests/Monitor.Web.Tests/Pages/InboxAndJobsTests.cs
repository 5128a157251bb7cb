using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Notifications;
using Monitor.Web.Tests.Support;
using Monitor.Worker.Scheduling;
using Quartz;

namespace Monitor.Web.Tests.Pages;

public sealed class InboxAndJobsTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    [Test]
    public async Task ANotificationShowsInTheInboxWithACountUntilItIsRead()
    {
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        using var me = JsonDocument.Parse(await leader.GetStringAsync("/api/v1/me"));
        var store = _factory.Services.GetRequiredService<NotificationStore>();
        await store.AddAsync(me.RootElement.GetProperty("id").GetInt64(), null, "Over tijd: Communicatieplan", "Gepland in 2021-04.", "/", "test:1");

        var home = await leader.GetDocumentAsync("/");
        var inbox = await leader.GetDocumentAsync("/meldingen");
        using var read = await leader.PostFormAsync("/meldingen", "/meldingen", new Dictionary<string, string>());
        var after = await leader.GetDocumentAsync("/");

        Assert.That(home.QuerySelector(".inbox-link .count")!.TextContent, Is.EqualTo("1"));
        Assert.That(inbox.QuerySelector("ul.inbox li.unread h2")!.TextContent.Trim(), Is.EqualTo("Over tijd: Communicatieplan"));
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.QuerySelector(".inbox-link .count"), Is.Null);
    }

    [Test]
    public async Task TheJobPageShowsTheSchedulesAndEachRun()
    {
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);
        var scheduler = _factory.Services.GetRequiredService<ClusterScheduler>().Scheduler!;
        var done = new TaskCompletionSource();
        scheduler.ListenerManager.AddJobListener(new Done(done), Quartz.Matchers.Key(JobCatalogue.NotifyOverdueActivitiesKey));

        await scheduler.TriggerJob(JobCatalogue.NotifyOverdueActivitiesKey);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var page = await admin.GetDocumentAsync("/beheer/taken");

        Assert.That(page.QuerySelectorAll("table.jobs tr[data-job]").Select(r => r.GetAttribute("data-job")),
            Is.EquivalentTo(new[] { "checkpoint-database", "backup-database", "notify-overdue-activities", "progress-report", "meeting-reminders", "survey-round-reminders", "send-notification-mail", "refresh-portfolio-figures" }));
        Assert.That(page.QuerySelector("p.lead")!.TextContent, Does.Contain("in deze webapplicatie"));
        var run = page.QuerySelectorAll("table.runs tbody tr").First(r => r.TextContent.Contains("notify-overdue-activities", StringComparison.Ordinal));
        Assert.That(run.TextContent, Does.Contain("gelukt").And.Contain("meldingen"));
    }

    [Test]
    [Description("issue #8: triggering the progress-report job by hand makes a snapshot and an inbox notification")]
    public async Task TriggeringTheProgressReportJobMakesASnapshotAndANotification()
    {
        var projects = _factory.Services.GetRequiredService<Monitor.Core.Projects.ProjectStore>();
        var accounts = _factory.Services.GetRequiredService<Monitor.Core.Accounts.AccountStore>();
        var projectId = await projects.CreateAsync(new Monitor.Core.Projects.ProjectDraft
        {
            Slug = "lopend", Name = "Lopend project", Organisation = "Gemeente Tiel", Innovation = "Keuzehulp", StartDate = new DateOnly(2026, 1, 5), CurrentPhase = 2,
        }, Monitor.Core.Data.Actor.System);
        var leader = (await accounts.FindByEmailAsync(Login.ProjectLeader))!.Id;
        await accounts.SetProjectRoleAsync(leader, projectId, Monitor.Core.Accounts.ProjectRole.Projectleider, Monitor.Core.Data.Actor.System);
        var scheduler = _factory.Services.GetRequiredService<ClusterScheduler>().Scheduler!;
        var done = new TaskCompletionSource();
        scheduler.ListenerManager.AddJobListener(new Done(done), Quartz.Matchers.Key(JobCatalogue.ProgressReportKey));

        await scheduler.TriggerJob(JobCatalogue.ProgressReportKey);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var snapshot = (await _factory.Services.GetRequiredService<Monitor.Core.Reports.ReportService>().ListSnapshotsAsync(projectId)).Single();
        Assert.That(snapshot.CreatedBy, Is.EqualTo(Monitor.Core.Reports.MonthlyProgressReports.Author));
        var inbox = await _factory.Services.GetRequiredService<Monitor.Core.Notifications.NotificationStore>().ListAsync(leader);
        Assert.That(inbox.Any(n => n.Title.StartsWith("Voortgangsrapportage", StringComparison.Ordinal) && n.Link == $"/projecten/{projectId}/rapporten/{snapshot.Id}"), Is.True);
    }

    private sealed class Done(TaskCompletionSource done) : IJobListener
    {
        public string Name => "test-done";

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            // The history listener was added first, so its row is written before this one fires.
            done.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
