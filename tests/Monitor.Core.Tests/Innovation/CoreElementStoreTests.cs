using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Innovation;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Innovation;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class CoreElementStoreTests
{
    private readonly DatabaseEngine _engine;

    public CoreElementStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _leader = new(7, "Projectleider");

    private static CoreElementStore Store(TempDatabase db) => new(db.Database, db.Audit, db.Codebooks, db.Time);

    [Test]
    [Description("issue #22: the three frameworks of the seeds are built in, Dutch and English, with Arnhem's 7 steps and 3 core points")]
    public async Task TheThreeFrameworksOfTheSeedsAreBuiltIn()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var frameworks = await Store(db).ListFrameworksAsync();

        Assert.That(frameworks.Select(f => f.Code), Is.EqualTo(new[] { "samen-beslissen-arnhem", "three-talk", "methodisch-werken" }));
        var arnhem = frameworks[0];
        Assert.That(arnhem.Items.Where(i => i.Kind == CoreElementTemplateKind.Stap).Select(i => i.NameNl), Is.EqualTo(new[]
        {
            "Voorbereiden & informeren", "Persoonlijke situatie & inventarisatie", "Drijfveren & beweegredenen", "Doel bepalen",
            "Keuzemogelijkheden", "Samen beslissen", "Evaluatie",
        }));
        Assert.That(arnhem.Items.Count(i => i.Kind == CoreElementTemplateKind.Kernpunt), Is.EqualTo(3));
        Assert.That(frameworks[1].Items.Select(i => i.NameEn), Does.Contain("Team talk").And.Contain("Option talk").And.Contain("Decision talk"));
        Assert.That(frameworks[2].Items.Select(i => i.NameNl), Is.EqualTo(new[] { "Intake en diagnose", "Opstellen plan van aanpak", "Uitvoeren, monitoren en bijsturen", "Terugblik op eigen werkwijze" }));
        Assert.That(frameworks.SelectMany(f => f.Items).All(i => i.NameEn.Length > 0 && i.DescriptionEn.Length > 0), Is.True);
    }

    [Test]
    [Description("issue #22: adopting a framework adds its items once; a second adoption adds nothing; own elements sit beside them")]
    public async Task AdoptingAFrameworkAddsItsItemsOnce()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var store = Store(db);

        Assert.That(await store.AdoptAsync(projectId, "methodisch-werken", _leader), Is.EqualTo(4));
        Assert.That(await store.AdoptAsync(projectId, "methodisch-werken", _leader), Is.Zero);
        await store.AddAsync(projectId, "Keuzehulp gebruikt in het gesprek", "De keuzehulp ligt op tafel en wordt samen ingevuld.", _leader);
        var elements = (await store.ListAsync(projectId))!;

        Assert.That(elements.Select(e => e.Name).Last(), Is.EqualTo("Keuzehulp gebruikt in het gesprek"));
        Assert.That(elements.Select(e => e.Position), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
        Assert.That(elements[0].FrameworkCode, Is.EqualTo("methodisch-werken"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM audit_log WHERE entity = 'coreElement'"), Is.EqualTo(5));
        Assert.ThrowsAsync<ValidationException>(() => store.AddAsync(projectId, "intake en diagnose", "", _leader), "the same name twice");
        Assert.ThrowsAsync<ValidationException>(() => store.AdoptAsync(projectId, "onbekend", _leader));
        Assert.That(await store.ListAsync(999), Is.Null);
    }

    [Test]
    [Description("issue #22: the core elements become a project codebook to code interviews against; again adds only new elements")]
    public async Task CoreElementsBecomeACodebookOnce()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var store = Store(db);
        Assert.ThrowsAsync<ValidationException>(() => store.UseAsCodebookAsync(projectId, _leader), "nothing to code with yet");
        await store.AdoptAsync(projectId, "three-talk", _leader);

        var book = await store.UseAsCodebookAsync(projectId, _leader);
        await store.AddAsync(projectId, "Samenvatten van de afspraken", "", _leader);
        var again = await store.UseAsCodebookAsync(projectId, _leader);

        Assert.That(again, Is.EqualTo(book));
        var codebook = (await db.Codebooks.ListCodebooksAsync(projectId)).Single(b => b.Id == book);
        Assert.That(codebook.Codes.Select(c => c.NameNl), Is.EqualTo(new[]
        {
            "Teamgesprek (team talk)", "Optiegesprek (option talk)", "Beslissingsgesprek (decision talk)", "Actief luisteren en overwegen", "Samenvatten van de afspraken",
        }));
        Assert.That(codebook.Codes[0].Definition, Does.Contain("meebeslissen"));
    }

    [Test]
    [Description("issue #22: an element a checklist asked about cannot be deleted (the reported fidelity would change); a later one can")]
    public async Task AnElementAChecklistAskedAboutCannotBeDeleted()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var store = Store(db);
        var used = (await store.AddAsync(projectId, "Doel bepalen", "", _leader))!.Value;
        await new FidelityStore(db.Database, db.Audit, db.Time).RecordAsync(projectId,
            new ChecklistDraft { Team = "Team Noord", ConversationOn = new DateOnly(2026, 11, 2), Kind = ChecklistKind.Observatie, Delivered = [used] }, new Actor(null, "Observator"));
        // added after the checklist, so no checklist asked about it
        var unused = (await store.AddAsync(projectId, "Nazorg", "", _leader))!.Value;

        var refused = Assert.ThrowsAsync<ValidationException>(() => store.DeleteAsync(projectId, used, _leader));
        Assert.That(refused!.Errors[0].Message, Does.Contain("1 ingevulde checklists"));
        Assert.That(await store.DeleteAsync(projectId, unused, _leader), Is.True);
        Assert.That((await store.ListAsync(projectId))!.Select(e => e.Name), Is.EqualTo(new[] { "Doel bepalen" }));
    }
}
