using Monitor.Core.Coding;
using Monitor.Core.Data;
using Monitor.Core.Innovation;
using Monitor.Core.Meetings;
using Monitor.Core.Planning;
using Monitor.Core.Portfolio;
using Monitor.Core.Tests.Reports;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Portfolio;

/// <summary>
/// Issue #20: today's dashboard reads stored figures (project_figures) that the writes keep current. These tests hold
/// the stored rows against the live queries (<see cref="PortfolioService.ListLiveAsync"/>), row by row and field by
/// field, and check store by store that a write drops the figures of the project it changes.
/// </summary>
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class PortfolioFiguresTests
{
    private readonly DatabaseEngine _engine;

    public PortfolioFiguresTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly DateOnly _today = new(2026, 11, 22);
    private static readonly Actor _leader = new(null, "Projectleider");

    [Test]
    [Description("issue #20: the stored figures are identical to the live computation, also after edits and deletes")]
    public async Task StoredFiguresEqualTheLiveQueriesRowByRowThroughEditsAndDeletes()
    {
        using var db = await DemoReportGoldenTests.DemoAsync();
        var (alfa, _) = await PortfolioServiceTests.AlfaAsync(db);
        var (bravo, bravoGroup, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "bravo");
        await MeetingFixtures.HeldMeetingAsync(db, bravo, bravoGroup, new DateOnly(2026, 8, 3));
        var service = new PortfolioService(db.Database, db.Time);
        var steps = 0;

        async Task SameAsLiveAsync(string step)
        {
            steps++;
            var stored = await service.ListAsync(null, _today);
            var live = await service.ListLiveAsync(null, _today);
            Assert.That(await db.ScalarAsync($"SELECT count(*) FROM project_figures WHERE figures_on = '{_today:yyyy-MM-dd}'"), Is.EqualTo(live.Count),
                $"{step}: every project's figures are stored, so the read came from the table");
            Assert.That(stored, Is.EqualTo(live), step);
            Assert.That(await service.ListAsync(null, _today), Is.EqualTo(live), $"{step}: read again from the stored rows only");
        }

        await SameAsLiveAsync("first read");
        var first = await service.ListAsync(null, _today);
        Assert.That((first.Count, first.Sum(r => r.OverdueActivities) > 5), Is.EqualTo((4, true)), "two demo projects with overdue plans of their own, Alfa and Bravo");

        var coder = await CodingFixtures.ResearcherAsync(db, "Onderzoeker 2", alfa);
        var document = (await db.CodingDocuments.ListDocumentsAsync(alfa)).First(d => d.Kind == DocumentKind.Verslag && d.MeetingId is not null);
        var added = (await db.Coding.AddCodingAsync(alfa, new CodingInput(document.Id, await CodingFixtures.CodeIdAsync(db, "midi-9"), 500, 520, Valence.Belemmerend), coder))!.Value;
        await SameAsLiveAsync("coding added");
        await db.Coding.RemoveCodingAsync(alfa, added, coder);
        await SameAsLiveAsync("coding removed");
        await db.Coding.UndoAsync(alfa, coder);
        await SameAsLiveAsync("removal undone");

        var meetings = (await db.Meetings.ListMeetingsAsync(alfa, null))!;
        var november = meetings.Single(m => m.HeldOn == new DateOnly(2026, 11, 2));
        var item = (await db.ActionItems.AddActionItemAsync(alfa, november.Id, "Nieuw actiepunt", null, null, _leader))!.Value;
        await SameAsLiveAsync("action item added");
        await db.ActionItems.SetActionItemStatusAsync(alfa, item, ActionItemStatus.Gedaan, november.Id, _leader);
        await SameAsLiveAsync("action item closed");
        await db.Meetings.UpdateMeetingAsync(alfa, november.Id, new MeetingPlan { HeldOn = new DateOnly(2026, 11, 3), Status = MeetingStatus.Gehouden }, _leader);
        await SameAsLiveAsync("meeting moved a day");
        await db.Meetings.UpdateMeetingAsync(alfa, november.Id, new MeetingPlan { HeldOn = new DateOnly(2026, 11, 3), Status = MeetingStatus.Geannuleerd }, _leader);
        await SameAsLiveAsync("meeting cancelled");
        await MeetingFixtures.HeldMeetingAsync(db, bravo, bravoGroup, _today);
        await SameAsLiveAsync("meeting held today");

        var activity = await db.PlanStore.CreateActivityAsync(alfa, new PlanActivityDraft { Phase = 2, Title = "Nieuw", Status = ActivityStatus.Gepland, PlannedMonth = YearMonth.Parse("2026-06") }, _leader);
        await SameAsLiveAsync("activity added (overdue)");
        await db.PlanStore.SetActivityStatusAsync(alfa, activity, ActivityStatus.Gereed, _today, _leader);
        await SameAsLiveAsync("activity done");
        await db.PlanStore.DeleteActivityAsync(alfa, activity, _leader);
        await SameAsLiveAsync("activity deleted");
        await db.PlanStore.RecordTransitionAsync(alfa, 3, _today, "Door naar fase 3", _leader);
        await SameAsLiveAsync("phase decision");

        var reach = new ReachStore(db.Database, db.Audit, db.Time);
        await reach.SaveAsync(bravo, new ReachCount { Team = "Noord", Month = new DateOnly(2026, 10, 1), Professionals = 4, Trained = 3, Users = 2, TargetClients = 80, ClientsReached = 20 }, _leader);
        await SameAsLiveAsync("reach counted");

        await db.Demo.ResetAsync();
        await SameAsLiveAsync("demo projects deleted and loaded again");

        // the next day every stored row is of yesterday: all are computed again
        ((FakeTimeProvider)db.Time).Advance(TimeSpan.FromDays(1));
        var tomorrow = _today.AddDays(1);
        Assert.That(await service.ListAsync(null, tomorrow), Is.EqualTo(await service.ListLiveAsync(null, tomorrow)), "a day later");
        Assert.That(await db.ScalarAsync($"SELECT count(*) FROM project_figures WHERE figures_on = '{tomorrow:yyyy-MM-dd}'"),
            Is.EqualTo(await db.ScalarAsync("SELECT count(*) FROM project_figures")), "yesterday's rows are gone");
        Assert.That(steps, Is.EqualTo(15));
    }

    [Test]
    public async Task AReferenceDateOtherThanTodayNeitherReadsNorWritesTheStoredFigures()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (alfa, _) = await PortfolioServiceTests.AlfaAsync(db);
        var service = new PortfolioService(db.Database, db.Time);
        await service.ListAsync(null, _today);
        await db.ScalarAsync($"UPDATE project_figures SET open_barriers = 99 WHERE project_id = {alfa}; SELECT 0;");

        var earlier = (await service.ListAsync(null, _today.AddDays(-1))).Single();
        var today = (await service.ListAsync(null, _today)).Single();

        Assert.That(earlier.OpenBarriers, Is.EqualTo(5), "live, as in ABarrierOneDayBeforeTheWindowDoesNotCount");
        Assert.That(today.OpenBarriers, Is.EqualTo(99), "today's row is the stored one (set by hand here to tell them apart)");
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM project_figures"), Is.EqualTo(1));
    }

    [Test]
    [Description("issue #20: the nightly job computes the new day's figures, so the first view of the day reads stored rows")]
    public async Task RefreshComputesOnlyTheProjectsWithoutFiguresForToday()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (alfa, _) = await PortfolioServiceTests.AlfaAsync(db);
        await MeetingFixtures.ProjectWithGroupAsync(db, "bravo");
        var service = new PortfolioService(db.Database, db.Time);

        var first = await service.RefreshAsync();
        var again = await service.RefreshAsync();
        await db.PlanStore.RecordTransitionAsync(alfa, 3, _today, "", _leader);
        var afterWrite = await service.RefreshAsync();
        ((FakeTimeProvider)db.Time).Advance(TimeSpan.FromDays(1));
        var nextDay = await service.RefreshAsync();

        Assert.That((first, again, afterWrite, nextDay), Is.EqualTo((2, 0, 1, 2)));
        Assert.That(await db.ScalarAsync($"SELECT count(*) FROM project_figures WHERE figures_on = '{_today.AddDays(1):yyyy-MM-dd}'"), Is.EqualTo(2));
    }

    /// <summary>Every writer of the tables the dashboard reads: after it, Alfa's stored row is gone and Bravo's is kept.</summary>
    private static readonly Dictionary<string, Func<Context, Task>> _writes = new()
    {
        ["coding added"] = async c => await c.Db.Coding.AddCodingAsync(c.Alfa, new CodingInput(c.Document.Id, await CodingFixtures.CodeIdAsync(c.Db, "midi-9"), 500, 520, Valence.Belemmerend), c.Coder),
        ["coding removed"] = async c => await c.Db.Coding.RemoveCodingAsync(c.Alfa,
            await c.Db.ScalarAsync($"SELECT max(id) FROM codings WHERE project_id = {c.Alfa} AND removed_at IS NULL AND round_id IS NULL"), c.Coder),
        ["coding undone"] = async c =>
        {
            await c.Db.Coding.AddCodingAsync(c.Alfa, new CodingInput(c.Document.Id, await CodingFixtures.CodeIdAsync(c.Db, "midi-9"), 500, 520, Valence.Belemmerend), c.Coder);
            await new PortfolioService(c.Db.Database, c.Db.Time).ListAsync(null, _today);
            await c.Db.Coding.UndoAsync(c.Alfa, c.Coder);
        },
        ["action item added"] = async c => await c.Db.ActionItems.AddActionItemAsync(c.Alfa, c.November, "Nieuw", null, null, _leader),
        ["action item closed"] = async c => await c.Db.ActionItems.SetActionItemStatusAsync(c.Alfa,
            await c.Db.ScalarAsync($"SELECT min(id) FROM action_items WHERE status = 'open' AND meeting_id = {c.November}"), ActionItemStatus.Gedaan, c.November, _leader),
        ["meeting moved"] = c => c.Db.Meetings.UpdateMeetingAsync(c.Alfa, c.November, new MeetingPlan { HeldOn = new DateOnly(2026, 11, 20), Status = MeetingStatus.Gehouden }, _leader),
        ["meeting cancelled"] = c => c.Db.Meetings.UpdateMeetingAsync(c.Alfa, c.November, new MeetingPlan { HeldOn = new DateOnly(2026, 11, 2), Status = MeetingStatus.Geannuleerd }, _leader),
        ["meeting scheduled"] = async c => await MeetingFixtures.HeldMeetingAsync(c.Db, c.Alfa, c.AlfaGroup, new DateOnly(2026, 11, 21)),
        ["minutes saved"] = c => c.Db.Meetings.SaveMinutesAsync(c.Alfa, c.November, "Een heel andere tekst.", _leader),
        ["activity added"] = c => c.Db.PlanStore.CreateActivityAsync(c.Alfa, new PlanActivityDraft { Phase = 2, Title = "Nieuw", Status = ActivityStatus.Gepland, PlannedMonth = YearMonth.Parse("2026-06") }, _leader),
        ["activity status"] = async c => await c.Db.PlanStore.SetActivityStatusAsync(c.Alfa,
            await c.Db.ScalarAsync($"SELECT min(id) FROM plan_activities WHERE project_id = {c.Alfa} AND status = 'bezig'"), ActivityStatus.Gereed, _today, _leader),
        ["activity deleted"] = async c => await c.Db.PlanStore.DeleteActivityAsync(c.Alfa, await c.Db.ScalarAsync($"SELECT max(id) FROM plan_activities WHERE project_id = {c.Alfa}"), _leader),
        ["plan imported"] = c => c.Db.PlanStore.ImportAsync(c.Alfa, [new PlanActivityDraft { Phase = 1, Title = "Ingelezen", Status = ActivityStatus.Gepland, PlannedMonth = YearMonth.Parse("2026-01") }], [], _leader),
        ["phase decision"] = c => c.Db.PlanStore.RecordTransitionAsync(c.Alfa, 3, _today, "", _leader),
        ["reach counted"] = c => new ReachStore(c.Db.Database, c.Db.Audit, c.Db.Time).SaveAsync(c.Alfa,
            new ReachCount { Team = "Noord", Month = new DateOnly(2026, 10, 1), Professionals = 4, Trained = 3, Users = 2, TargetClients = 80, ClientsReached = 20 }, _leader),
    };

    private static IEnumerable<string> Writes => _writes.Keys;

    [TestCaseSource(nameof(Writes))]
    [Description("issue #20: a write through the store drops the figures of the project it changes, in its own transaction")]
    public async Task AWriteThroughTheStoreDropsThatProjectsStoredFigures(string write)
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (alfa, alfaGroup) = await PortfolioServiceTests.AlfaAsync(db);
        var (bravo, bravoGroup, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "bravo");
        await MeetingFixtures.HeldMeetingAsync(db, bravo, bravoGroup, new DateOnly(2026, 8, 3));
        var coder = await CodingFixtures.ResearcherAsync(db, "Onderzoeker 2", alfa);
        var november = (await db.Meetings.ListMeetingsAsync(alfa, null))!.Single(m => m.HeldOn == new DateOnly(2026, 11, 2)).Id;
        var document = (await db.CodingDocuments.ListDocumentsAsync(alfa)).Single(d => d.MeetingId == november);
        var service = new PortfolioService(db.Database, db.Time);
        await service.ListAsync(null, _today);

        await _writes[write](new Context(db, alfa, alfaGroup, november, document, coder));

        Assert.That(await db.ScalarAsync($"SELECT count(*) FROM project_figures WHERE project_id = {alfa}"), Is.Zero, "Alfa's row is dropped");
        Assert.That(await db.ScalarAsync($"SELECT count(*) FROM project_figures WHERE project_id = {bravo}"), Is.EqualTo(1), "Bravo's row is kept");
        Assert.That(await service.ListAsync(null, _today), Is.EqualTo(await service.ListLiveAsync(null, _today)));
    }

    [Test]
    [Description("issue #20: a new text version moves codings or leaves them unplaced, which changes the barrier count")]
    public async Task ANewTextVersionDropsTheProjectsStoredFigures()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (alfa, _) = await PortfolioServiceTests.AlfaAsync(db);
        var november = (await db.Meetings.ListMeetingsAsync(alfa, null))!.Single(m => m.HeldOn == new DateOnly(2026, 11, 2)).Id;
        await db.Meetings.SaveMinutesAsync(alfa, november, "Een heel andere tekst.", _leader);
        var service = new PortfolioService(db.Database, db.Time);
        var before = (await service.ListAsync(null, _today)).Single();

        // listing the documents brings them in step with the minutes: a new version, the codings of 2 November unplaced
        await db.CodingDocuments.ListDocumentsAsync(alfa);

        Assert.That(await db.ScalarAsync("SELECT count(*) FROM project_figures"), Is.Zero);
        var after = (await service.ListAsync(null, _today)).Single();
        Assert.That(after, Is.EqualTo((await service.ListLiveAsync(null, _today)).Single()));
        Assert.That((before.OpenBarriers, after.OpenBarriers), Is.EqualTo((4, 3)), "midi-1 was open on 2 November only");
    }

    [Test]
    public async Task ACodeMergedIntoAnotherDropsEveryProjectsStoredFigures()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (alfa, _) = await PortfolioServiceTests.AlfaAsync(db);
        var codebook = await db.Codebooks.CreateCodebookAsync(alfa, "Eigen codes", "", _leader);
        var own = (await db.Codebooks.AddCodeAsync(alfa, codebook, new CodeDraft("Eigen"), _leader))!.Value;
        var service = new PortfolioService(db.Database, db.Time);
        await service.ListAsync(null, _today);

        await db.Codebooks.MergeCodeAsync(alfa, own, await CodingFixtures.CodeIdAsync(db, "midi-1"), _leader);

        Assert.That(await db.ScalarAsync("SELECT count(*) FROM project_figures"), Is.Zero);
        Assert.That(await service.ListAsync(null, _today), Is.EqualTo(await service.ListLiveAsync(null, _today)));
    }

    internal sealed record Context(TempDatabase Db, long Alfa, long AlfaGroup, long November, CodingDocument Document, Actor Coder);
}
