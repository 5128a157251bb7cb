using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Learning;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Learning;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class TimelineStoreTests
{
    private readonly DatabaseEngine _engine;

    public TimelineStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _leader = new(7, "Projectleider");

    private static TimelineStore Store(TempDatabase db) => new(db.Database, db.Audit, db.Time);

    [Test]
    public async Task PutsMeetingsPhaseDecisionsAndMomentsInDateOrderOnPhaseBands()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 2, 1), "Start");
        await db.PlanStore.RecordTransitionAsync(projectId, 2, new DateOnly(2026, 3, 1), "Klaar om te verspreiden", _leader);
        await Store(db).AddMomentAsync(projectId, new MomentDraft { OccurredOn = new DateOnly(2026, 2, 15), Kind = MomentKind.Dieptepunt, Title = "Pilot stil", Story = "Geen aanmeldingen", GroupId = groupId }, _leader);

        var timeline = (await Store(db).ReadAsync(projectId))!;

        Assert.That(timeline.Events.Select(e => (e.On, e.Kind)), Is.EqualTo(new[]
        {
            (new DateOnly(2026, 2, 1), TimelineEventKind.Bijeenkomst),
            (new DateOnly(2026, 2, 15), TimelineEventKind.Dieptepunt),
            (new DateOnly(2026, 3, 1), TimelineEventKind.Fasebesluit),
        }));
        Assert.That(timeline.Phases.Select(p => (p.Phase, p.Start, p.End)).Take(1), Is.EqualTo(new[] { (1, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 28)) }));
        Assert.That(timeline.Phases[1].Phase, Is.EqualTo(2));
        Assert.That(timeline.Phases[1].Start, Is.EqualTo(new DateOnly(2026, 3, 1)));
    }

    [Test]
    public async Task FiltersMeetingsAndMomentsByGroup()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var other = (await db.Groups.CreateGroupAsync(projectId, new Monitor.Core.Meetings.GroupSettings { Kind = Monitor.Core.Projects.GroupKind.Stuurgroep, Name = "Stuurgroep", Cadence = "" }, _leader))!.Value;
        await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 2, 1));
        await MeetingFixtures.HeldMeetingAsync(db, projectId, other, new DateOnly(2026, 2, 2));
        await Store(db).AddMomentAsync(projectId, new MomentDraft { OccurredOn = new DateOnly(2026, 2, 3), Kind = MomentKind.Hoogtepunt, Title = "Hele project" }, _leader);

        var filtered = (await Store(db).ReadAsync(projectId, other))!;

        Assert.That(filtered.Events.Select(e => e.On), Is.EqualTo(new[] { new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 3) }));
        Assert.That(filtered.Groups.Select(g => g.Name), Is.EqualTo(new[] { "Ontwikkelgroep", "Stuurgroep" }));
    }

    [Test]
    public async Task LetsAParticipantAddAMomentOnlyToTheirOwnGroup()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var userId = await db.Accounts.CreateAsync(new NewAccount { Email = "deelnemer1@example.org", DisplayName = "Deelnemer", PasswordHash = "x" }, Actor.System);
        var draft = new MomentDraft { OccurredOn = new DateOnly(2026, 2, 3), Kind = MomentKind.Hoogtepunt, Title = "Eerste cliënt geholpen", GroupId = groupId };

        var refused = Assert.ThrowsAsync<ValidationException>(async () => await Store(db).AddMomentAsync(projectId, draft, _leader, userId));
        await db.ScalarAsync($"UPDATE group_members SET user_id = {userId} WHERE id = {members[1]} RETURNING 1");
        var id = await Store(db).AddMomentAsync(projectId, draft, _leader, userId);

        Assert.That(refused!.Errors.Single().Message, Is.EqualTo("Kies een groep waarvan je zelf lid bent."));
        Assert.That(id, Is.Not.Null);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM audit_log WHERE entity = 'timelineMoment'"), Is.EqualTo(1));
    }

    [Test]
    public async Task GivesNothingForAProjectThatDoesNotExist()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        Assert.That(await Store(db).ReadAsync(99), Is.Null);
        Assert.That(await Store(db).AddMomentAsync(99, new MomentDraft { OccurredOn = new DateOnly(2026, 1, 1), Kind = MomentKind.Hoogtepunt, Title = "x" }, _leader), Is.Null);
    }

    [Test]
    public void DrawsTheTimelineThroughTheChartSeam()
    {
        var timeline = new ProjectTimeline
        {
            ProjectId = 1,
            Groups = [],
            Phases = [new TimelinePhase(1, "Verspreiden", "Disseminating", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30))],
            Events =
            [
                new TimelineEvent { On = new DateOnly(2026, 2, 1), Kind = TimelineEventKind.Bijeenkomst, SourceId = 1, Title = "a", GroupName = "OG" },
                new TimelineEvent { On = new DateOnly(2026, 3, 1), Kind = TimelineEventKind.Bijeenkomst, SourceId = 2, Title = "b", GroupName = "OG" },
                new TimelineEvent { On = new DateOnly(2026, 3, 5), Kind = TimelineEventKind.Hoogtepunt, SourceId = 3, Title = "Live" },
            ],
        };

        var spec = TimelineCharts.Build(timeline, "Tijdlijn", "Beschrijving", "nl");
        var svg = System.Xml.Linq.XDocument.Parse(new Monitor.Core.Charts.ScottPlotChartRenderer().Render(spec));

        Assert.That(spec.ToTable().Rows.Select(r => r[0]), Is.EqualTo(new[] { "Bijeenkomsten OG (2)", "2026-03-05 Live" }));
        Assert.That(spec.ToTable().Rows.Select(r => r[3]), Is.EqualTo(new[] { "bijeenkomst", "hoogtepunt" }));
        Assert.That(svg.ToString(), Does.Contain("Tijdlijn"));
    }
}
