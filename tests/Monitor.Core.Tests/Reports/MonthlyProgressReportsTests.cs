using Monitor.Core.Accounts;
using Monitor.Core.Audit;
using Monitor.Core.Reports;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Reports;

public sealed class MonthlyProgressReportsTests
{
    [Test]
    public async Task EachRunningProjectGetsOneReportPerMonthAlsoAfterDowntimeAndItsLeadersAreNotified()
    {
        using var db = await TempDatabase.MigratedAsync();
        var running = await ReportGoldenTests.FixedProjectAsync(db);
        var ended = await db.Projects.CreateAsync(new Monitor.Core.Projects.ProjectDraft
        {
            Slug = "oud", Name = "Afgerond project", Organisation = "Gemeente", Innovation = "X", StartDate = new DateOnly(2024, 1, 1), EndDate = new DateOnly(2025, 6, 30), CurrentPhase = 5,
        }, Actor.System);
        var leader = await db.Accounts.CreateAsync(new NewAccount { Email = "pl@test.example", DisplayName = "Projectleider", PasswordHash = "x" }, Actor.System);
        await db.Accounts.SetProjectRoleAsync(leader, running, ProjectRole.Projectleider, Actor.System);
        var notifications = new Monitor.Core.Storage.NotificationStore(db.Database, db.Time);
        var monthly = new MonthlyProgressReports(db.Projects, db.Reports, db.Accounts, notifications);

        var first = await monthly.GenerateDueAsync(new DateOnly(2026, 12, 1));
        var again = await monthly.GenerateDueAsync(new DateOnly(2026, 12, 1));
        var weekLater = await monthly.GenerateDueAsync(new DateOnly(2026, 12, 8));

        Assert.That((first, again, weekLater), Is.EqualTo((1, 0, 0)), "one report for November, also when the job fires again after a week of downtime");
        var snapshot = (await db.Reports.ListSnapshotsAsync(running)).Single();
        Assert.That(snapshot.Parameters, Does.Contain("\"van\":\"2026-11-01\"").And.Contain("\"tot\":\"2026-11-30\""));
        Assert.That(await db.Reports.ListSnapshotsAsync(ended), Is.Empty, "a project that ended before the month gets none");
        var inbox = await notifications.ListAsync(leader);
        Assert.That(inbox.Single().Title, Does.Contain("november 2026"));
        Assert.That(await monthly.GenerateDueAsync(new DateOnly(2027, 1, 4)), Is.EqualTo(1), "the next month makes the next report");
    }
}
