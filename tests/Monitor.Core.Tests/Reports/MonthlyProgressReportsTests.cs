using Monitor.Core.Accounts;
using Monitor.Core.Data;
using Monitor.Core.Reports;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Reports;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class MonthlyProgressReportsTests
{
    private readonly DatabaseEngine _engine;

    public MonthlyProgressReportsTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    [Test]
    public async Task EachRunningProjectGetsOneReportPerMonthAlsoAfterDowntimeAndItsLeadersAreNotified()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var running = await ReportFixtures.FixedProjectAsync(db);
        var ended = await db.Projects.CreateAsync(new Monitor.Core.Projects.ProjectDraft
        {
            Slug = "oud", Name = "Afgerond project", Organisation = "Gemeente", Innovation = "X", StartDate = new DateOnly(2024, 1, 1), EndDate = new DateOnly(2025, 6, 30), CurrentPhase = 5,
        }, Actor.System);
        var leader = await db.Accounts.CreateAsync(new NewAccount { Email = "pl@test.example", DisplayName = "Projectleider", PasswordHash = "x" }, Actor.System);
        await db.Accounts.SetProjectRoleAsync(leader, running, ProjectRole.Projectleider, Actor.System);
        var notifications = new Monitor.Core.Notifications.NotificationStore(db.Database, db.Time);
        var monthly = new MonthlyProgressReports(db.Projects, db.Reports, db.Accounts, notifications, new ReportSchedule(db.Database, db.Audit));

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

    [Test]
    public async Task EachProjectFollowsItsOwnScheduleOrTheDefaultAndABadScheduleIsRefusedWhenSaved()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var own = await ReportFixtures.FixedProjectAsync(db);
        var standard = await db.Projects.CreateAsync(new Monitor.Core.Projects.ProjectDraft
        {
            Slug = "std", Name = "Standaard", Organisation = "Gemeente", Innovation = "X", StartDate = new DateOnly(2026, 1, 1), CurrentPhase = 1,
        }, Actor.System);
        var schedules = new ReportSchedule(db.Database, db.Audit);
        var monthly = new MonthlyProgressReports(db.Projects, db.Reports, db.Accounts, new Monitor.Core.Notifications.NotificationStore(db.Database, db.Time), schedules);
        const string defaultCron = "0 0 7 1W * ?";

        var badCron = Assert.ThrowsAsync<Monitor.Core.Common.ValidationException>(async () => await schedules.SaveAsync(own, new ReportScheduleSetting("0 0 7 ? *", null), Actor.System));
        var badZone = Assert.ThrowsAsync<Monitor.Core.Common.ValidationException>(async () => await schedules.SaveAsync(own, new ReportScheduleSetting("0 0 9 15 * ?", "Mars/Olympus"), Actor.System));
        Assert.That(badCron!.Message, Does.Contain("0 0 7 ? *"));
        Assert.That(badZone!.Message, Does.Contain("Mars/Olympus"));
        Assert.That(await schedules.SaveAsync(own, new ReportScheduleSetting("0 0 9 15 * ?", "Europe/Amsterdam"), Actor.System), Is.True);

        // 1 December 2026, 06:00 in Amsterdam: the default has not fired yet this month (07:00), the own schedule fired on 15 November
        var first = await monthly.GenerateScheduledAsync(DateTimeOffset.Parse("2026-12-01T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture), defaultCron);
        Assert.That(first, Is.EqualTo(2));
        Assert.That((await db.Reports.ListSnapshotsAsync(own)).Single().Parameters, Does.Contain("\"van\":\"2026-10-01\""), "own schedule: fired 15 November → October");
        Assert.That((await db.Reports.ListSnapshotsAsync(standard)).Single().Parameters, Does.Contain("\"van\":\"2026-10-01\""), "default: last fired 2 November → October");

        // later that morning the default fires for November; the own schedule waits for the 15th
        var later = await monthly.GenerateScheduledAsync(DateTimeOffset.Parse("2026-12-01T06:30:00Z", System.Globalization.CultureInfo.InvariantCulture), defaultCron);
        var fifteenth = await monthly.GenerateScheduledAsync(DateTimeOffset.Parse("2026-12-15T08:30:00Z", System.Globalization.CultureInfo.InvariantCulture), defaultCron);
        var again = await monthly.GenerateScheduledAsync(DateTimeOffset.Parse("2026-12-22T08:30:00Z", System.Globalization.CultureInfo.InvariantCulture), defaultCron);

        Assert.That((later, fifteenth, again), Is.EqualTo((1, 1, 0)));
        Assert.That(await db.Reports.ListSnapshotsAsync(own), Has.Count.EqualTo(2));
        Assert.That(await db.Reports.ListSnapshotsAsync(standard), Has.Count.EqualTo(2));
    }

    [Test]
    [Description("issue #13: the monthly job finds its report by the snapshot's period and scheduled columns, not by the text of its parameters")]
    public async Task OnlyAScheduledReportOverTheSamePeriodCounts()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ReportFixtures.FixedProjectAsync(db);
        var monthly = new MonthlyProgressReports(db.Projects, db.Reports, db.Accounts, new Monitor.Core.Notifications.NotificationStore(db.Database, db.Time), new ReportSchedule(db.Database, db.Audit));
        var november = ReportService.PreviousMonth(new DateOnly(2026, 12, 1));
        // made by hand for the same month, even under the job's name: not the scheduled report
        await db.Reports.GenerateAsync(projectId, ReportKind.Voortgang, null, november, new Actor(null, MonthlyProgressReports.Author));
        Assert.That(await db.Reports.HasScheduledReportAsync(projectId, ReportKind.Voortgang, november.From, november.To), Is.False);

        Assert.That(await monthly.GenerateDueAsync(new DateOnly(2026, 12, 1)), Is.EqualTo(1), "the hand-made report does not count");
        Assert.That(await db.Reports.HasScheduledReportAsync(projectId, ReportKind.Voortgang, november.From, november.To), Is.True);
        Assert.That(await db.Reports.HasScheduledReportAsync(projectId, ReportKind.Procesevaluatie, november.From, november.To), Is.False);
        Assert.That(await db.TextAsync("SELECT group_concat(period_start || '/' || period_end || '/' || scheduled, ' ') FROM (SELECT * FROM report_snapshots ORDER BY id) AS s;"),
            Is.EqualTo("2026-11-01/2026-11-30/0 2026-11-01/2026-11-30/1"), "both reports keep their period; only the job's is scheduled");

        // the scheduled snapshot's parameters still say "van":"2026-11-01", but its period is another one now
        await using (var connection = await db.Database.OpenAsync())
        {
            Assert.That(await connection.ExecuteAsync(null, "UPDATE report_snapshots SET period_start = '2026-10-01', period_end = '2026-10-31' WHERE scheduled = 1;", CancellationToken.None), Is.EqualTo(1));
        }

        Assert.That((await db.Reports.ListSnapshotsAsync(projectId)).All(s => s.Parameters.Contains("\"van\":\"2026-11-01\"", StringComparison.Ordinal)), Is.True);

        Assert.That(await monthly.GenerateDueAsync(new DateOnly(2026, 12, 1)), Is.EqualTo(1), "the parameters' text is not what counts");
        Assert.That(await monthly.GenerateDueAsync(new DateOnly(2026, 12, 1)), Is.Zero);
    }
}
