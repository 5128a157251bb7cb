using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Innovation;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Innovation;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class FidelityTests
{
    private readonly DatabaseEngine _engine;

    public FidelityTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _leader = new(7, "Projectleider");

    private static readonly CoreElement[] _elements =
    [
        new() { Id = 1, ProjectId = 1, Position = 1, Name = "Teamgesprek", DeliveredWhen = "" },
        new() { Id = 2, ProjectId = 1, Position = 2, Name = "Optiegesprek", DeliveredWhen = "" },
    ];

    private static Checklist Checklist(int id, string team, DateOnly on, bool first, bool second) => new()
    {
        Id = id,
        Team = team,
        ConversationOn = on,
        Kind = ChecklistKind.Zelfrapportage,
        Note = "",
        Elements = new Dictionary<long, bool> { [1] = first, [2] = second },
    };

    [Test]
    [Description("issue #22: fidelity per element is the share of conversations in which it happened, per team and month too")]
    public void FidelityPerElementIsTheShareOfConversations()
    {
        var checklists = new[]
        {
            Checklist(1, "Noord", new DateOnly(2026, 3, 2), true, true),
            Checklist(2, "Noord", new DateOnly(2026, 3, 9), true, false),
            Checklist(3, "Noord", new DateOnly(2026, 4, 1), false, false),
            Checklist(4, "Zuid", new DateOnly(2026, 3, 5), true, true),
        };

        var summary = Fidelity.Summarise(_elements, checklists, minimumN: 1);

        Assert.That(summary.Elements.Select(e => (e.Name, e.Checklists, e.Delivered, e.Percent)), Is.EqualTo(new[]
        {
            ("Teamgesprek", 4, 3, (double?)75.0),
            ("Optiegesprek", 4, 2, (double?)50.0),
        }));
        Assert.That(summary.Overall, Is.EqualTo(62.5));
        Assert.That(summary.PerTeamAndMonth.Select(c => (c.Team, c.Month, c.Checklists, c.Overall)), Is.EqualTo(new[]
        {
            ("Noord", new DateOnly(2026, 3, 1), 2, (double?)75.0),
            ("Noord", new DateOnly(2026, 4, 1), 1, (double?)0.0),
            ("Zuid", new DateOnly(2026, 3, 1), 1, (double?)100.0),
        }));
    }

    [Test]
    [Description("issue #22: management sees aggregates only from 5 checklists up; below that the count without a percentage")]
    public void BelowFiveChecklistsManagementSeesNoPercentage()
    {
        var four = Enumerable.Range(1, 4).Select(i => Checklist(i, "Noord", new DateOnly(2026, 3, i), true, false)).ToList();
        var five = four.Append(Checklist(5, "Noord", new DateOnly(2026, 3, 5), true, true)).ToList();

        var small = Fidelity.Summarise(_elements, four, Fidelity.ManagementMinimum);
        var enough = Fidelity.Summarise(_elements, five, Fidelity.ManagementMinimum);

        Assert.That(small.Elements.Select(e => e.Percent), Is.All.Null);
        Assert.That(small.Elements[0].Checklists, Is.EqualTo(4));
        Assert.That(small.Overall, Is.Null);
        Assert.That(enough.Elements.Select(e => e.Percent), Is.EqualTo(new double?[] { 100.0, 20.0 }));
    }

    [Test]
    [Description("issue #22: an element added later is not counted as missed in checklists from before it existed")]
    public void AnElementAddedLaterIsNotCountedAsMissedBefore()
    {
        var elements = _elements.Append(new CoreElement { Id = 3, ProjectId = 1, Position = 3, Name = "Besluitgesprek", DeliveredWhen = "" }).ToArray();
        var old = Checklist(1, "Noord", new DateOnly(2026, 3, 2), true, true);
        var later = old with { Id = 2, Elements = new Dictionary<long, bool> { [1] = true, [2] = true, [3] = true } };

        var summary = Fidelity.Summarise(elements, [old, later], minimumN: 1);

        Assert.That(summary.Elements[2].Checklists, Is.EqualTo(1));
        Assert.That(summary.Elements[2].Percent, Is.EqualTo(100.0));
    }

    [Test]
    [Description("issue #22: a checklist stores every element ticked or not; a future date, an unknown element or no elements are refused whole")]
    public async Task AChecklistStoresEveryElementAndRefusesBadInput()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var elements = new CoreElementStore(db.Database, db.Audit, db.Codebooks, db.Time);
        var store = new FidelityStore(db.Database, db.Audit, db.Time);
        var userId = await db.Accounts.CreateAsync(new Monitor.Core.Accounts.NewAccount { Email = "wc@test.example", DisplayName = "Werkcoach 1", PasswordHash = "x" }, Actor.System);
        var professional = new Actor(userId, "Werkcoach 1");
        var draft = new ChecklistDraft { Team = "Team Noord", ConversationOn = new DateOnly(2026, 11, 20), Kind = ChecklistKind.Zelfrapportage, Delivered = [] };
        Assert.ThrowsAsync<ValidationException>(() => store.RecordAsync(projectId, draft, _leader), "no core elements yet");

        await elements.AdoptAsync(projectId, "three-talk", _leader);
        var ids = (await elements.ListAsync(projectId))!.Select(e => e.Id).ToList();
        var id = await store.RecordAsync(projectId, draft with { Delivered = [ids[0], ids[2]] }, professional);
        Assert.ThrowsAsync<ValidationException>(() => store.RecordAsync(projectId, draft with { ConversationOn = new DateOnly(2026, 11, 23) }, _leader), "the day after today");
        Assert.ThrowsAsync<ValidationException>(() => store.RecordAsync(projectId, draft with { Delivered = [99_999] }, _leader));
        Assert.ThrowsAsync<ValidationException>(() => store.RecordAsync(projectId, draft with { Team = new string('x', 101) }, _leader));

        var stored = (await store.ListAsync(projectId)).Single();
        Assert.That(stored.Id, Is.EqualTo(id));
        Assert.That(stored.Elements.OrderBy(e => e.Key).Select(e => e.Value), Is.EqualTo(new[] { true, false, true, false }));
        Assert.That(stored.UserId, Is.EqualTo(userId));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM fidelity_checklists"), Is.EqualTo(1));
    }

    [Test]
    [Description("issue #22: a personal link records self-reports for its team without an account; a revoked link opens nothing")]
    public async Task APersonalLinkRecordsSelfReportsUntilRevoked()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        await new CoreElementStore(db.Database, db.Audit, db.Codebooks, db.Time).AdoptAsync(projectId, "methodisch-werken", _leader);
        var store = new FidelityStore(db.Database, db.Audit, db.Time);
        var (linkId, token) = (await store.CreateLinkAsync(projectId, "Werkcoach 3", "Team Zuid", _leader))!.Value;

        var context = (await store.OpenLinkAsync(token))!;
        var id = await store.RecordThroughLinkAsync(token, new DateOnly(2026, 11, 21), [context.Elements[0].Id], "Intake met keuzehulp");
        Assert.That(await store.RevokeLinkAsync(projectId, linkId, _leader), Is.True);

        Assert.That(context.Team, Is.EqualTo("Team Zuid"));
        Assert.That(context.Elements, Has.Count.EqualTo(4));
        Assert.That(id, Is.Not.Null);
        var own = (await store.ListAsync(projectId, linkId: linkId)).Single();
        Assert.That((own.Team, own.Kind, own.LinkId, own.UserId), Is.EqualTo(("Team Zuid", ChecklistKind.Zelfrapportage, (long?)linkId, (long?)null)));
        Assert.That(await store.OpenLinkAsync(token), Is.Null);
        Assert.That(await store.RecordThroughLinkAsync(token, new DateOnly(2026, 11, 21), [], ""), Is.Null);
        Assert.That(await store.OpenLinkAsync(token + "x"), Is.Null);
        Assert.That(await db.TextAsync("SELECT token_hash FROM fidelity_links"), Is.Not.EqualTo(token), "only the hash is stored");
    }
}
