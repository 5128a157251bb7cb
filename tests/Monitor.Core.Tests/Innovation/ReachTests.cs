using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Innovation;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Innovation;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class ReachTests
{
    private readonly DatabaseEngine _engine;

    public ReachTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static ReachCount Count(string team, int year, int month, int professionals, int trained, int users, int target, int reached) => new()
    {
        Team = team,
        Month = new DateOnly(year, month, 1),
        Professionals = professionals,
        Trained = trained,
        Users = users,
        TargetClients = target,
        ClientsReached = reached,
    };

    [Test]
    [Description("issue #22: reach and adoption as shares per team and for all teams together, per month")]
    public void ReachAndAdoptionAreSharesPerTeamAndTogether()
    {
        var counts = new[]
        {
            Count("Noord", 2021, 3, 10, 8, 5, 200, 40),
            Count("Zuid", 2021, 3, 10, 2, 1, 100, 5),
            Count("Noord", 2021, 4, 10, 10, 7, 200, 60),
        };

        var totals = Reach.Totals(counts);
        var rows = Reach.PerMonth(counts);

        Assert.That(totals.Select(t => (t.Month, t.TrainedPercent, t.AdoptionPercent, t.ReachPercent)), Is.EqualTo(new[]
        {
            (new DateOnly(2021, 3, 1), (double?)50.0, (double?)30.0, (double?)15.0),
            (new DateOnly(2021, 4, 1), (double?)100.0, (double?)70.0, (double?)30.0),
        }));
        Assert.That(rows.Select(r => r.Team), Is.EqualTo(new[] { "Noord", "Zuid", null, "Noord" }), "a month with several teams gets a total row after them");
        Assert.That(Reach.Totals([Count("Leeg", 2021, 5, 0, 0, 0, 0, 0)])[0].ReachPercent, Is.Null, "no target group, no share");
    }

    [Test]
    [Description("issue #22: sustainment compares use 6 and 12 months after the end with the project's last month")]
    public void SustainmentComparesUseAfterTheEndWithTheLastMonth()
    {
        var counts = new[]
        {
            Count("Noord", 2021, 12, 10, 10, 8, 200, 50),
            Count("Noord", 2022, 6, 10, 10, 7, 200, 45),
            Count("Noord", 2022, 12, 10, 10, 3, 200, 20),
        };

        var sustained = Reach.Sustain(counts, new DateOnly(2021, 12, 31));

        Assert.That(sustained.Select(s => (s.MonthsAfterEnd, s.Month, s.Verdict)), Is.EqualTo(new[]
        {
            (6, new DateOnly(2022, 6, 1), SustainmentVerdict.HoudtStand),
            (12, new DateOnly(2022, 12, 1), SustainmentVerdict.NeemtAf),
        }));
        Assert.That(Reach.Sustain(counts[..1], new DateOnly(2021, 12, 31)).Select(s => s.Verdict), Is.All.EqualTo(SustainmentVerdict.NogNietGemeten));
        Assert.That(Reach.Sustain(counts, null), Is.Empty);
    }

    [Test]
    [Description("issue #22: a month's counts are saved per team, a second save replaces them, inconsistent counts are refused")]
    public async Task AMonthsCountsAreSavedReplacedAndChecked()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var store = new ReachStore(db.Database, db.Audit, db.Time);
        var actor = new Actor(7, "Projectleider");

        Assert.That(await store.SaveAsync(projectId, Count("Noord", 2021, 3, 10, 8, 5, 200, 40), actor), Is.True);
        Assert.That(await store.SaveAsync(projectId, Count("Noord", 2021, 3, 10, 9, 6, 200, 44), actor), Is.True);
        Assert.ThrowsAsync<ValidationException>(() => store.SaveAsync(projectId, Count("Noord", 2021, 4, 10, 11, 5, 200, 40), actor), "more trained than professionals");
        Assert.ThrowsAsync<ValidationException>(() => store.SaveAsync(projectId, Count("Noord", 2021, 4, 10, 8, 5, 20, 40), actor), "more reached than the target group");
        Assert.ThrowsAsync<ValidationException>(() => store.SaveAsync(projectId, Count("", 2021, 4, 10, 8, 5, 200, 40), actor));

        var stored = (await store.ListAsync(projectId))!;
        Assert.That(stored.Select(c => (c.Team, c.Month, c.Trained, c.ClientsReached)), Is.EqualTo(new[] { ("Noord", new DateOnly(2021, 3, 1), 9, 44) }));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM audit_log WHERE entity = 'reachCount' AND action = 'update'"), Is.EqualTo(1));
        Assert.That(await store.SaveAsync(999, Count("Noord", 2021, 3, 1, 1, 1, 1, 1), actor), Is.False);
    }
}
