using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Meetings;
using Monitor.Core.Planning;
using Monitor.Core.Portfolio;
using Monitor.Core.Projects;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Portfolio;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class PortfolioServiceTests
{
    private readonly DatabaseEngine _engine;

    public PortfolioServiceTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly DateOnly _today = new(2026, 11, 22);

    [Test]
    public async Task ARowCarriesPlanScoresMeetingsActionItemsAndOpenBarriersWithTheirExactValues()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var alfa = await AlfaAsync(db);

        var row = (await new PortfolioService(db.Database, db.Time).ListAsync(null, _today)).Single(r => r.ProjectId == alfa.ProjectId);

        Assert.That(row.Name, Is.EqualTo("Alfa"));
        Assert.That(row.Organisation, Is.EqualTo("Gemeente Alfen"));
        Assert.That(row.CurrentPhase, Is.EqualTo(2));
        // phase 1: 2 of 3 done; phase 2: 2 of 4 done (the cancelled one does not count)
        Assert.That(row.ActivitiesDone, Is.EqualTo(4));
        Assert.That(row.Activities, Is.EqualTo(7));
        Assert.That(row.OverallScore, Is.EqualTo(4.0 / 7).Within(1e-12));
        Assert.That(row.CurrentPhaseScore, Is.EqualTo(0.5));
        Assert.That(row.OverdueActivities, Is.EqualTo(2), "bezig 2026-10 and gepland 2025-12; gepland 2026-11 is this month, the cancelled one never counts");
        Assert.That(row.LastMeetingOn, Is.EqualTo(new DateOnly(2026, 11, 2)), "the cancelled meeting of 15 November and the planned one in December do not count");
        Assert.That(row.DaysSinceLastMeeting, Is.EqualTo(20));
        Assert.That(row.OpenActionItems, Is.EqualTo(2));
        Assert.That(row.OpenBarriers, Is.EqualTo(4), "midi-1, midi-2 (on the boundary day), midi-5 and midi-7 (consensus)");
    }

    [Test]
    public async Task TheScoresAreThoseOfPlanScoring()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var alfa = await AlfaAsync(db);
        var scores = PlanScoring.Score((await db.PlanStore.FindPlanAsync(alfa.ProjectId))!, _today);

        var row = (await new PortfolioService(db.Database, db.Time).ListAsync([alfa.ProjectId], _today)).Single();

        Assert.That(row.CurrentPhaseScore, Is.EqualTo(scores.Single(s => s.IsCurrent).Completion));
        Assert.That(row.OverdueActivities, Is.EqualTo(scores.Sum(s => s.Overdue)));
        Assert.That(row.Activities, Is.EqualTo(scores.Sum(s => s.Activities)));
        Assert.That(row.ActivitiesDone, Is.EqualTo(scores.Sum(s => s.Done)));
    }

    [TestCase(0, 4)]
    [TestCase(1, 3)]
    [Description("midi-2 has one barrier, dated exactly on today - 180 days; a day later it falls out of the window")]
    public async Task TheBarrierWindowIncludesTheDayExactly180DaysAgo(int daysLater, int expected)
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var alfa = await AlfaAsync(db);

        var row = (await new PortfolioService(db.Database, db.Time).ListAsync([alfa.ProjectId], _today.AddDays(daysLater))).Single();

        Assert.That(row.OpenBarriers, Is.EqualTo(expected));
    }

    [Test]
    [Description("midi-3: barriers on 25 May (181 days ago) and 2 November against one facilitator: a tie inside the window")]
    public async Task ABarrierOneDayBeforeTheWindowDoesNotCount()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var alfa = await AlfaAsync(db);
        var service = new PortfolioService(db.Database, db.Time);

        var now = (await service.ListAsync([alfa.ProjectId], _today)).Single();
        var dayEarlier = (await service.ListAsync([alfa.ProjectId], _today.AddDays(-1))).Single();

        Assert.That(now.OpenBarriers, Is.EqualTo(4));
        Assert.That(dayEarlier.OpenBarriers, Is.EqualTo(5), "with 25 May inside the window midi-3 has 2 barriers against 1 facilitator");
    }

    [Test]
    public async Task AProjectWithoutAnyDataHasEmptyScoresAndZeroCounts()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var empty = await db.Projects.CreateAsync(new ProjectDraft { Slug = "leeg", Name = "Leeg", Organisation = "Gemeente Leeg", Innovation = "Niets", StartDate = new DateOnly(2026, 1, 1), CurrentPhase = 0 }, Actor.System);

        var row = (await new PortfolioService(db.Database, db.Time).ListAsync(null, _today)).Single();

        Assert.That(row, Is.EqualTo(new PortfolioRow
        {
            ProjectId = empty,
            Name = "Leeg",
            Organisation = "Gemeente Leeg",
            CurrentPhase = 0,
            OverallScore = null,
            CurrentPhaseScore = null,
            ActivitiesDone = 0,
            Activities = 0,
            OverdueActivities = 0,
            LastMeetingOn = null,
            DaysSinceLastMeeting = null,
            OpenActionItems = 0,
            OpenBarriers = 0,
        }));
    }

    [Test]
    public async Task OnlyTheAskedProjectsAreListedByName()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var alfa = await AlfaAsync(db);
        var zulu = await db.Projects.CreateAsync(new ProjectDraft { Slug = "zulu", Name = "Zulu", Organisation = "Gemeente Z", Innovation = "Z", StartDate = new DateOnly(2026, 1, 1), CurrentPhase = 1 }, Actor.System);
        var bravo = await db.Projects.CreateAsync(new ProjectDraft { Slug = "bravo", Name = "bravo", Organisation = "Gemeente B", Innovation = "B", StartDate = new DateOnly(2026, 1, 1), CurrentPhase = 1 }, Actor.System);
        var service = new PortfolioService(db.Database, db.Time);

        var all = await service.ListAsync(null, _today);
        var some = await service.ListAsync([zulu, alfa.ProjectId, 99999], _today);
        var none = await service.ListAsync([], _today);

        Assert.That(all.Select(r => r.ProjectId), Is.EqualTo(new[] { alfa.ProjectId, bravo, zulu }));
        Assert.That(some.Select(r => r.ProjectId), Is.EqualTo(new[] { alfa.ProjectId, zulu }));
        Assert.That(some[0].OpenBarriers, Is.EqualTo(4), "the filter does not change the figures");
        Assert.That(none, Is.Empty);
    }

    [Test]
    public async Task FiguresOfOneProjectDoNotLeakIntoAnother()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        await AlfaAsync(db);
        var (otherId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "ander");
        await MeetingFixtures.HeldMeetingAsync(db, otherId, groupId, new DateOnly(2026, 9, 1));

        var other = (await new PortfolioService(db.Database, db.Time).ListAsync([otherId], _today)).Single();

        Assert.That(other.LastMeetingOn, Is.EqualTo(new DateOnly(2026, 9, 1)));
        Assert.That(other.DaysSinceLastMeeting, Is.EqualTo(82));
        Assert.That(other.OpenActionItems, Is.Zero);
        Assert.That(other.OpenBarriers, Is.Zero);
        Assert.That(other.Activities, Is.Zero);
    }

    [Test]
    public void TodayIsTheDateInAmsterdam()
    {
        // 23:30 UTC on 31 December is already 1 January in Amsterdam (UTC+1 in winter).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));

        Assert.That(DutchClock.Today(time), Is.EqualTo(new DateOnly(2027, 1, 1)));
    }

    /// <summary>
    /// Project Alfa in phase 2 with known figures. Plan: phase 1 gereed, gereed, gepland 2025-12 (overdue); phase 2
    /// gereed, gereed, bezig 2026-10 (overdue), gepland 2026-11 (this month), vervallen 2026-01. Meetings: held
    /// 25 May, 26 May, 1 October, 2 November; cancelled 15 November; planned 1 December. Three action items, one
    /// done. Codings (B = belemmerend, F = bevorderend) per MIDI code, by meeting date:
    /// midi-1 2 Nov B B F (open); midi-2 26 May B (open, on the boundary); midi-3 25 May B, 2 Nov B F (tie in the
    /// window); midi-4 2 Nov B (removed) B F (tie); midi-5 1 Oct B gemengd neutraal neutraal (open); midi-6 1 Oct B
    /// as an individual round coding (not counted); midi-7 1 Oct B as a consensus coding (open); midi-8 1 Oct B
    /// unplaced (not counted); bowen-1 2 Nov B B B (not MIDI).
    /// </summary>
    internal static async Task<(long ProjectId, long GroupId)> AlfaAsync(TempDatabase db)
    {
        var projectId = await db.Projects.CreateAsync(new ProjectDraft { Slug = "alfa", Name = "Alfa", Organisation = "Gemeente Alfen", Innovation = "Keuzehulp", StartDate = new DateOnly(2025, 1, 1), CurrentPhase = 2 }, Actor.System);
        var groupId = (await db.Groups.CreateGroupAsync(projectId, new GroupSettings { Kind = GroupKind.Ontwikkelgroep, Name = "Ontwikkelgroep" }, Actor.System))!.Value;

        var activities = new (int Phase, ActivityStatus Status, string? Month)[]
        {
            (1, ActivityStatus.Gereed, "2025-03"), (1, ActivityStatus.Gereed, "2025-04"), (1, ActivityStatus.Gepland, "2025-12"),
            (2, ActivityStatus.Gereed, "2026-02"), (2, ActivityStatus.Gereed, null), (2, ActivityStatus.Bezig, "2026-10"),
            (2, ActivityStatus.Gepland, "2026-11"), (2, ActivityStatus.Vervallen, "2026-01"),
        };
        foreach (var (phase, status, month) in activities)
        {
            await db.PlanStore.CreateActivityAsync(projectId, new PlanActivityDraft
            {
                Phase = phase,
                Title = $"Activiteit {status} {month}",
                Status = status,
                PlannedMonth = month is null ? null : YearMonth.Parse(month),
                StartedOn = status is ActivityStatus.Gereed or ActivityStatus.Bezig ? new DateOnly(2025, 2, 1) : null,
                CompletedOn = status is ActivityStatus.Gereed ? new DateOnly(2026, 2, 27) : null,
            }, Actor.System);
        }

        var minutes = string.Concat(Enumerable.Repeat("Het team bespreekt de keuzehulp. ", 40));
        var meetings = new Dictionary<string, long>();
        foreach (var day in new[] { "2026-05-25", "2026-05-26", "2026-10-01", "2026-11-02" })
        {
            var id = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
            await db.Meetings.SaveMinutesAsync(projectId, id, minutes, Actor.System);
            meetings[day] = id;
        }

        await db.Meetings.ScheduleMeetingAsync(projectId, groupId, new MeetingPlan { HeldOn = new DateOnly(2026, 11, 15), Status = MeetingStatus.Geannuleerd }, Actor.System);
        await db.Meetings.ScheduleMeetingAsync(projectId, groupId, new MeetingPlan { HeldOn = new DateOnly(2026, 12, 1) }, Actor.System);

        var first = (await db.ActionItems.AddActionItemAsync(projectId, meetings["2026-10-01"], "Handleiding schrijven", null, null, Actor.System))!.Value;
        await db.ActionItems.AddActionItemAsync(projectId, meetings["2026-10-01"], "Vragenlijst rondsturen", null, null, Actor.System);
        await db.ActionItems.AddActionItemAsync(projectId, meetings["2026-11-02"], "Teamleider spreken", null, null, Actor.System);
        await db.ActionItems.SetActionItemStatusAsync(projectId, first, ActionItemStatus.Gedaan, meetings["2026-11-02"], Actor.System);

        var coder = await CodingFixtures.ResearcherAsync(db, "Onderzoeker 1", projectId);
        var documents = (await db.CodingDocuments.ListDocumentsAsync(projectId)).Where(d => d.Kind == DocumentKind.Verslag).ToDictionary(d => d.MeetingId!.Value, d => d.Id);
        var position = 0;
        async Task<long> CodeAsync(string day, string key, Valence valence)
        {
            position += 20;
            var input = new CodingInput(documents[meetings[day]], await CodingFixtures.CodeIdAsync(db, key), position, position + 10, valence);
            return (await db.Coding.AddCodingAsync(projectId, input, coder))!.Value;
        }

        await CodeAsync("2026-11-02", "midi-1", Valence.Belemmerend);
        await CodeAsync("2026-11-02", "midi-1", Valence.Belemmerend);
        await CodeAsync("2026-11-02", "midi-1", Valence.Bevorderend);
        await CodeAsync("2026-05-26", "midi-2", Valence.Belemmerend);
        await CodeAsync("2026-05-25", "midi-3", Valence.Belemmerend);
        await CodeAsync("2026-11-02", "midi-3", Valence.Belemmerend);
        await CodeAsync("2026-11-02", "midi-3", Valence.Bevorderend);
        var removed = await CodeAsync("2026-11-02", "midi-4", Valence.Belemmerend);
        await db.Coding.RemoveCodingAsync(projectId, removed, coder);
        await CodeAsync("2026-11-02", "midi-4", Valence.Belemmerend);
        await CodeAsync("2026-11-02", "midi-4", Valence.Bevorderend);
        await CodeAsync("2026-10-01", "midi-5", Valence.Belemmerend);
        await CodeAsync("2026-10-01", "midi-5", Valence.Gemengd);
        await CodeAsync("2026-10-01", "midi-5", Valence.Neutraal);
        await CodeAsync("2026-10-01", "midi-5", Valence.Neutraal);
        var individual = await CodeAsync("2026-10-01", "midi-6", Valence.Belemmerend);
        var consensus = await CodeAsync("2026-10-01", "midi-7", Valence.Belemmerend);
        var unplaced = await CodeAsync("2026-10-01", "midi-8", Valence.Belemmerend);
        for (var i = 0; i < 3; i++)
        {
            await CodeAsync("2026-11-02", "bowen-1", Valence.Belemmerend);
        }

        // Round membership and placement are set the way closing a round and a new text version leave them.
        await db.ScalarAsync($"""
            INSERT INTO coding_rounds (id, project_id, name, status, created_at, created_by) VALUES (900, {projectId}, 'Ronde', 'gesloten', '2026-10-02T00:00:00+00:00', 'test');
            UPDATE codings SET round_id = 900 WHERE id = {individual};
            UPDATE codings SET round_id = 900, is_consensus = 1 WHERE id = {consensus};
            UPDATE codings SET unplaced_at = '2026-11-01T00:00:00+00:00' WHERE id = {unplaced};
            SELECT 0;
            """);
        return (projectId, groupId);
    }

    [Test]
    public async Task OnAReferenceDateTheDemoProjectsStandAsTheyWereThenNotAsAWallOfRed()
    {
        using var db = await Monitor.Core.Tests.Reports.DemoReportGoldenTests.DemoAsync();
        var keuzehulp = await Monitor.Core.Tests.Reports.DemoReportGoldenTests.ProjectIdAsync(db, "keuzehulp-werkzaak");
        var service = new PortfolioService(db.Database, db.Time);

        var then = (await service.ListAsync([keuzehulp], new DateOnly(2020, 12, 31))).Single();
        var now = (await service.ListAsync([keuzehulp], new DateOnly(2026, 11, 22))).Single();

        Assert.That((then.CurrentPhase, then.OverdueActivities, then.ActivitiesDone, then.OpenActionItems, then.DaysSinceLastMeeting), Is.EqualTo((0, 0, 1, 9, 3)),
            "phase 0 then, nothing overdue, one activity done, the action items open on 31 December 2020 (as in the Q4 report)");
        Assert.That(now.CurrentPhase, Is.EqualTo(1));
        Assert.That(now.OverdueActivities, Is.GreaterThan(5), "today every open 2021-22 activity is overdue");
    }

    [Test]
    [Description("issue #22: the reach column is the last month with counts up to the reference date, all teams together")]
    public async Task TheReachColumnIsTheLastMonthUpToTheReferenceDate()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await Monitor.Core.Tests.Support.Fixtures.MeetingFixtures.ProjectWithGroupAsync(db);
        var reach = new Monitor.Core.Innovation.ReachStore(db.Database, db.Audit, db.Time);
        var actor = new Monitor.Core.Data.Actor(null, "Projectleider");
        Monitor.Core.Innovation.ReachCount Count(string team, int month, int target, int reached) => new()
        {
            Team = team, Month = new DateOnly(2026, month, 1), Professionals = 5, Trained = 5, Users = 5, TargetClients = target, ClientsReached = reached,
        };
        await reach.SaveAsync(projectId, Count("Noord", 3, 100, 10), actor);
        await reach.SaveAsync(projectId, Count("Noord", 4, 100, 30), actor);
        await reach.SaveAsync(projectId, Count("Zuid", 4, 300, 30), actor);

        var service = new PortfolioService(db.Database, db.Time);
        var april = (await service.ListAsync([projectId], new DateOnly(2026, 4, 15))).Single();
        var march = (await service.ListAsync([projectId], new DateOnly(2026, 3, 31))).Single();
        var before = (await service.ListAsync([projectId], new DateOnly(2026, 2, 28))).Single();

        Assert.That((april.Reach, april.ReachMonth), Is.EqualTo(((double?)0.15, (DateOnly?)new DateOnly(2026, 4, 1))), "60 of 400");
        Assert.That(march.Reach, Is.EqualTo(0.1));
        Assert.That((before.Reach, before.ReachMonth), Is.EqualTo(((double?)null, (DateOnly?)null)));
    }
}
