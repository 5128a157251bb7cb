using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Participation;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Participation;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class ParticipationStoreTests
{
    private readonly DatabaseEngine _engine;

    public ParticipationStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _leader = new(7, "Projectleider");

    private static ParticipationDraft Draft(ParticipationLevel level, DateOnly on, long? groupId = null, DateOnly? fedBackOn = null) => new()
    {
        GroupId = groupId,
        HeldOn = on,
        Level = level,
        Party = "Cliëntenraad",
        Asked = "Feedback op de opzet",
        DoneWithIt = "Verwerkt in de brochure",
        FedBackOn = fedBackOn,
    };

    [Test]
    public async Task RecordsChangesAndDeletesMomentsWithTheirGroupAndAudit()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var store = db.Participation;

        var first = (await store.CreateAsync(projectId, Draft(ParticipationLevel.Informeren, new DateOnly(2020, 2, 26), groupId), _leader))!.Value;
        var second = (await store.CreateAsync(projectId, Draft(ParticipationLevel.Raadplegen, new DateOnly(2020, 11, 25)), _leader))!.Value;
        Assert.That(await store.UpdateAsync(projectId, second, Draft(ParticipationLevel.Coproduceren, new DateOnly(2020, 11, 25), fedBackOn: new DateOnly(2021, 1, 10)), _leader), Is.True);
        var moments = (await store.ListAsync(projectId))!;

        Assert.That(moments.Select(m => (m.Id, m.Level, m.GroupId, m.LoopClosed)), Is.EqualTo(new[]
        {
            (first, ParticipationLevel.Informeren, (long?)groupId, false),
            (second, ParticipationLevel.Coproduceren, (long?)null, true),
        }));
        Assert.That(moments[0].GroupName, Is.Not.Null);
        Assert.That(await store.DeleteAsync(projectId, first, _leader), Is.True);
        Assert.That(await store.DeleteAsync(projectId, first, _leader), Is.False, "gone already");
        Assert.That((await store.ListAsync(projectId))!, Has.Count.EqualTo(1));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM audit_log WHERE entity = 'participation'"), Is.EqualTo(4));
    }

    [Test]
    public async Task RefusesAnUnknownLevelAMissingPartyAndFeedbackBeforeTheMomentWritingNothing()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var bad = Draft((ParticipationLevel)42, new DateOnly(2020, 2, 26), fedBackOn: new DateOnly(2020, 1, 1)) with { Party = " " };

        var refused = Assert.ThrowsAsync<ValidationException>(() => db.Participation.CreateAsync(projectId, bad, _leader))!;

        Assert.That(refused.Errors.Select(e => e.Field), Is.EquivalentTo(new[] { "level", "party", "fedBackOn" }));
        Assert.That(refused.Errors[0].Message, Does.Contain("informeren, raadplegen, adviseren, coproduceren, meebeslissen"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM participation_moments"), Is.EqualTo(0));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM audit_log WHERE entity = 'participation'"), Is.EqualTo(0));
    }

    [Test]
    public async Task RefusesAGroupOfAnotherProjectInsideTheTransaction()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "a");
        var (_, otherGroup, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "b");

        Assert.ThrowsAsync<ValidationException>(() => db.Participation.CreateAsync(projectId, Draft(ParticipationLevel.Adviseren, new DateOnly(2020, 3, 1), otherGroup), _leader));

        Assert.That(await db.ScalarAsync("SELECT count(*) FROM participation_moments"), Is.EqualTo(0));
        Assert.That(await db.Participation.CreateAsync(999, Draft(ParticipationLevel.Adviseren, new DateOnly(2020, 3, 1)), _leader), Is.Null, "no such project");
    }

    [Test]
    public async Task TheDatabaseRefusesALevelOffTheLadder()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);

        Assert.ThrowsAsync(Is.InstanceOf<System.Data.Common.DbException>(), () => db.ScalarAsync($"""
            INSERT INTO participation_moments (project_id, held_on, level, party, created_at, created_by)
            VALUES ({projectId}, '2020-01-01', 'partnerschap', 'Cliëntenraad', '2020-01-01', 'x') RETURNING id;
            """));
    }

    [Test]
    public void TheOverviewCountsEveryRungInLadderOrder()
    {
        ParticipationMoment Moment(ParticipationLevel level, bool fedBack) => new()
        {
            Id = 1, ProjectId = 1, GroupId = null, GroupName = null, HeldOn = new DateOnly(2020, 1, 1), Level = level, Party = "Cliëntenraad",
            Asked = "", DoneWithIt = "", FedBackOn = fedBack ? new DateOnly(2020, 2, 1) : null, Reconstructed = false,
        };

        var overview = ParticipationOverview.Of([Moment(ParticipationLevel.Raadplegen, true), Moment(ParticipationLevel.Raadplegen, false), Moment(ParticipationLevel.Informeren, false)]);

        Assert.That(overview.Levels.Select(l => (l.Level, l.Moments, l.LoopsClosed)), Is.EqualTo(new[]
        {
            (ParticipationLevel.Informeren, 1, 0),
            (ParticipationLevel.Raadplegen, 2, 1),
            (ParticipationLevel.Adviseren, 0, 0),
            (ParticipationLevel.Coproduceren, 0, 0),
            (ParticipationLevel.Meebeslissen, 0, 0),
        }));
        Assert.That(overview.Highest, Is.EqualTo(ParticipationLevel.Raadplegen));
        Assert.That(ParticipationOverview.Of([]).Highest, Is.Null);
    }
}
