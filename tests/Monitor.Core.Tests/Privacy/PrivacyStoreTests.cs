using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Privacy;
using Monitor.Core.Projects;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Privacy;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class PrivacyStoreTests
{
    private readonly DatabaseEngine _engine;

    public PrivacyStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static async Task<long> ProjectAsync(TempDatabase db) => await db.Projects.CreateAsync(new ProjectDraft
    {
        Slug = "p",
        Name = "P",
        Organisation = "O",
        Innovation = "I",
        StartDate = new DateOnly(2020, 1, 1),
        CurrentPhase = 1,
        Groups = [new GroupDraft { Kind = GroupKind.Kernteam, Name = "Kernteam", Meetings = [new MeetingDraft { HeldOn = new DateOnly(2020, 3, 1) }, new MeetingDraft { HeldOn = new DateOnly(2026, 10, 1) }] }],
    }, Actor.System);

    [Test]
    public async Task NumbersCodesInOrderAndNeverReusesThem()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ProjectAsync(db);

        var first = await db.Privacy.AddPseudonymAsync(projectId, "Jan de Vries", Actor.System);
        var second = await db.Privacy.AddPseudonymAsync(projectId, "Fatma Yılmaz", Actor.System);
        await db.Privacy.RemovePseudonymAsync(projectId, second.Id, Actor.System);
        var third = await db.Privacy.AddPseudonymAsync(projectId, "Piet", Actor.System);

        Assert.That((first.Code, second.Code, third.Code), Is.EqualTo(("P01", "P02", "P03")));
    }

    [Test]
    public async Task KeepsTheNameItselfOutOfTheAuditTrail()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ProjectAsync(db);

        await db.Privacy.AddPseudonymAsync(projectId, "Jan de Vries", Actor.System);

        Assert.That(await db.TextAsync("SELECT group_concat(changes) FROM audit_log;"), Does.Not.Contain("Vries"));
    }

    [Test]
    public async Task RefusesADuplicateName()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ProjectAsync(db);
        await db.Privacy.AddPseudonymAsync(projectId, "Jan", Actor.System);

        Assert.ThrowsAsync<ValidationException>(() => db.Privacy.AddPseudonymAsync(projectId, " jan ", Actor.System));
    }

    [Test]
    public async Task ReportsWhatTheRetentionPeriodWouldRemove()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ProjectAsync(db);

        await db.Privacy.SetRetentionAsync(projectId, 24, Actor.System);
        var report = await db.Privacy.GetRetentionReportAsync(projectId);

        Assert.That(report.Cutoff, Is.EqualTo(new DateOnly(2024, 11, 22)));
        Assert.That(report.Items.Single(), Is.EqualTo(new RetentionItem("bijeenkomsten", 1, new DateOnly(2020, 3, 1))));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM meetings;"), Is.EqualTo(2), "the report removes nothing");
    }

    [TestCase(0)]
    [TestCase(601)]
    public async Task RefusesARetentionOutsideOneTo600Months(int months)
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ProjectAsync(db);

        Assert.ThrowsAsync<ValidationException>(() => db.Privacy.SetRetentionAsync(projectId, months, Actor.System));
    }
}
