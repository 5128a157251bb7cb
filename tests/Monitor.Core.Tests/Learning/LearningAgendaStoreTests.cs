using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Learning;
using Monitor.Core.Meetings;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Learning;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class LearningAgendaStoreTests
{
    private readonly DatabaseEngine _engine;

    public LearningAgendaStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _leader = new(7, "Projectleider");
    private static readonly Actor _researcher = new(8, "Onderzoeker");

    private static LearningAgendaStore Store(TempDatabase db) => new(db.Database, db.Audit, db.Time);

    [Test]
    public async Task KeepsEveryStatusChangeWithDateAndWho()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 2, 1));
        var store = Store(db);
        var draft = new LearningItemDraft
        {
            Kind = LearningItemKind.Knelpunt,
            Title = "Werkcoaches vinden de keuzehulp niet terug",
            Owner = "Projectleider",
            StatusOn = new DateOnly(2026, 2, 1),
            Sources = [new LearningSource(LearningSourceKind.Bijeenkomst, meeting)],
        };
        var id = (await store.CreateAsync(projectId, draft, _leader))!.Value;

        await store.UpdateAsync(projectId, id, draft with { Status = LearningStatus.InUitvoering, StatusOn = new DateOnly(2026, 3, 1), Actions = "Link op intranet" }, _researcher);
        await store.UpdateAsync(projectId, id, draft with { Status = LearningStatus.Opgelost, StatusOn = new DateOnly(2026, 4, 1), Learned = "Vindbaarheid eerst regelen" }, _leader);
        var item = (await store.FindAsync(projectId, id))!;

        Assert.That(item.Status, Is.EqualTo(LearningStatus.Opgelost));
        Assert.That(item.Learned, Is.EqualTo("Vindbaarheid eerst regelen"));
        Assert.That(item.History.Select(h => (h.Status, h.On, h.By)), Is.EqualTo(new[]
        {
            (LearningStatus.Open, new DateOnly(2026, 2, 1), "Projectleider"),
            (LearningStatus.InUitvoering, new DateOnly(2026, 3, 1), "Onderzoeker"),
            (LearningStatus.Opgelost, new DateOnly(2026, 4, 1), "Projectleider"),
        }));
        Assert.That(item.Sources, Is.EqualTo(new[] { new LearningSource(LearningSourceKind.Bijeenkomst, meeting) }));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM audit_log WHERE entity = 'learningItem'"), Is.EqualTo(3));
    }

    [Test]
    public async Task AnswersWhatWasOnTheAgendaAtAMeeting()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var store = Store(db);
        var early = (await store.CreateAsync(projectId, new LearningItemDraft { Kind = LearningItemKind.Leervraag, Title = "Wat hebben cliënten nodig?", StatusOn = new DateOnly(2026, 1, 10) }, _leader))!.Value;
        var late = (await store.CreateAsync(projectId, new LearningItemDraft { Kind = LearningItemKind.Knelpunt, Title = "Te weinig tijd", StatusOn = new DateOnly(2026, 5, 1) }, _leader))!.Value;
        await store.UpdateAsync(projectId, early, new LearningItemDraft { Kind = LearningItemKind.Leervraag, Title = "Wat hebben cliënten nodig?", Status = LearningStatus.Losgelaten, StatusOn = new DateOnly(2026, 3, 1) }, _leader);
        var items = (await store.ListAsync(projectId))!;

        Assert.That(LearningAgenda.At(items, new DateOnly(2026, 2, 1)).Select(e => (e.Item.Id, e.Status)), Is.EqualTo(new[] { (early, LearningStatus.Open) }));
        Assert.That(LearningAgenda.At(items, new DateOnly(2026, 3, 1)).Select(e => (e.Item.Id, e.Status)), Is.EqualTo(new[] { (early, LearningStatus.Losgelaten) }));
        Assert.That(LearningAgenda.At(items, new DateOnly(2026, 6, 1)).Select(e => (e.Item.Id, e.Status)), Is.EqualTo(new[] { (late, LearningStatus.Open) }));
    }

    [Test]
    public async Task RefusesASourceOfAnotherProjectAndWritesNothing()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "a");
        var (otherId, otherGroup, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "b");
        var otherMeeting = await MeetingFixtures.HeldMeetingAsync(db, otherId, otherGroup, new DateOnly(2026, 2, 1));

        var error = Assert.ThrowsAsync<ValidationException>(async () => await Store(db).CreateAsync(projectId, new LearningItemDraft
        {
            Kind = LearningItemKind.Knelpunt,
            Title = "Knelpunt",
            Sources = [new LearningSource(LearningSourceKind.Bijeenkomst, otherMeeting)],
        }, _leader));

        Assert.That(error!.Errors.Single().Message, Is.EqualTo($"Dit project heeft geen bijeenkomst {otherMeeting}."));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM learning_items"), Is.EqualTo(0));
    }

    [Test]
    public async Task RefusesATooLongTitleInDutch()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);

        var error = Assert.ThrowsAsync<ValidationException>(async () =>
            await Store(db).CreateAsync(projectId, new LearningItemDraft { Kind = LearningItemKind.Leervraag, Title = new string('x', 301) }, _leader));

        Assert.That(error!.Errors.Single().Message, Is.EqualTo("De titel is te lang: 301 tekens, hooguit 300 toegestaan."));
    }

    [Test]
    public async Task RefusesAStatusChangeDatedBeforeThePreviousOne()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var store = Store(db);
        var draft = new LearningItemDraft { Kind = LearningItemKind.Leervraag, Title = "Vraag", StatusOn = new DateOnly(2026, 3, 1) };
        var id = (await store.CreateAsync(projectId, draft, _leader))!.Value;

        Assert.ThrowsAsync<ValidationException>(async () =>
            await store.UpdateAsync(projectId, id, draft with { Status = LearningStatus.Opgelost, StatusOn = new DateOnly(2026, 2, 1) }, _leader));
        Assert.That(await store.UpdateAsync(projectId + 99, id, draft, _leader), Is.False);
        Assert.That(await store.CreateAsync(projectId + 99, draft, _leader), Is.Null);
    }

    [Test]
    public async Task ReadsTheMinderGewerktAnswersAndWhetherTheyAreLinked()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var first = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 2, 1));
        var second = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 2, 22));
        await db.Reflections.SaveAsync(projectId, first, new ReflectionInput { MemberId = members[1], WentWell = "Sfeer", WentLess = "Te weinig voorbereidingstijd" }, "secretaris", _leader);
        await db.Reflections.SaveAsync(projectId, first, new ReflectionInput { MemberId = members[2], WentWell = "Sfeer" }, "secretaris", _leader);
        await db.Reflections.SaveAsync(projectId, second, new ReflectionInput { MemberId = members[1], WentLess = "Weer weinig voorbereidingstijd" }, "secretaris", _leader);
        var answers = await Store(db).LessAnswersAsync(projectId);
        await Store(db).CreateAsync(projectId, new LearningItemDraft
        {
            Kind = LearningItemKind.Knelpunt,
            Title = "Voorbereidingstijd",
            Sources = [new LearningSource(LearningSourceKind.Reflectie, answers[0].ReflectionId)],
        }, _leader);

        var after = await Store(db).LessAnswersAsync(projectId);

        Assert.That(answers.Select(a => a.MeetingId), Is.EqualTo(new[] { first, second }));
        Assert.That(after.Select(a => a.AlreadyLinked), Is.EqualTo(new[] { true, false }));
    }
}
