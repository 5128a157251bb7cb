using Monitor.Core.Coding.Text;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Coding;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class CodingStoreTests
{
    private readonly DatabaseEngine _engine;

    public CodingStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    [Test]
    public async Task MinutesBecomeANormalisedDocumentAndACodingStoresCoderValenceAndCodePointOffsets()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, document) = await CodingFixtures.ProjectWithMinutesAsync(db, minutes: "\uFEFFRegel een\r\nclie\u0308nt 👍 werkt\r\n");
        var researcher = await CodingFixtures.ResearcherAsync(db);
        var found = (await db.CodingDocuments.FindDocumentAsync(projectId, document.Id))!.Value;
        Assert.That(found.Version.Text, Is.EqualTo("Regel een\ncliënt 👍 werkt\n"), "no BOM, LF, NFC");

        // "👍 werkt" starts after "Regel een\ncliënt " = 17 code points
        var id = await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodingFixtures.CodeIdAsync(db, "midi-12"), 17, 24, Valence.Belemmerend, "memo"), researcher);

        var coding = (await db.Coding.ListCodingsAsync(projectId, document.Id, researcher.UserId!.Value, null)).Single();
        Assert.That(coding.Id, Is.EqualTo(id));
        Assert.That((coding.Start, coding.End, coding.Valence, coding.CoderName, coding.Memo), Is.EqualTo((17, 24, Valence.Belemmerend, "Onderzoeker 1", "memo")));
        Assert.That(CodePoints.Slice(found.Version.Text, coding.Start, coding.End), Is.EqualTo("👍 werkt"));
        var fragment = (await db.Fragments.ListFragmentsAsync(projectId, new FragmentFilter())).Single();
        Assert.That(fragment.Text, Is.EqualTo("👍 werkt"));
        Assert.That(fragment.CodePath, Is.EqualTo("MIDI-determinanten / Kenmerken van de gebruiker / " + fragment.CodeName));
    }

    [Test]
    public async Task BadCodingsAreRefusedWithAMessageAndNothingIsSaved()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, document) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var (otherProject, _, _) = await CodingFixtures.ProjectWithMinutesAsync(db, "q");
        var researcher = await CodingFixtures.ResearcherAsync(db);
        var otherBook = await db.Codebooks.CreateCodebookAsync(otherProject, "Eigen codes", "", researcher);
        var foreignCode = (await db.Codebooks.AddCodeAsync(otherProject, otherBook, new CodeDraft("Vertrouwen"), researcher))!.Value;
        var midi1 = await CodingFixtures.CodeIdAsync(db, "midi-1");
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi1, 0, 10, Valence.Neutraal), researcher);

        var outOfRange = Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi1, 50, document.Length + 1, Valence.Neutraal), researcher));
        var empty = Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi1, 5, 5, Valence.Neutraal), researcher));
        var overlap = Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi1, 5, 20, Valence.Neutraal), researcher));
        var foreign = Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, foreignCode, 30, 40, Valence.Neutraal), researcher));
        var group = Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodingFixtures.CodeIdAsync(db, "midi-groep-user"), 30, 40, Valence.Neutraal), researcher));

        Assert.That(outOfRange!.Message, Does.Contain($"0–{document.Length}"));
        Assert.That(empty!.Message, Does.Contain("leeg"));
        Assert.That(overlap!.Message, Does.Contain("overlapt"));
        Assert.That(foreign!.Message, Does.Contain("hoort niet bij een codeboek van dit project"));
        Assert.That(group!.Message, Does.Contain("groep"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM codings"), Is.EqualTo(1));
        // another coder may code the same span with the same code
        var second = await CodingFixtures.ResearcherAsync(db, "Onderzoeker 2");
        Assert.That(await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi1, 5, 20, Valence.Bevorderend), second), Is.Not.Null);
    }

    [Test]
    public async Task RemoveAndUndoBringACodingBackAndUndoOfAnAddRemovesIt()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, document) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var researcher = await CodingFixtures.ResearcherAsync(db);
        var id = (await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodingFixtures.CodeIdAsync(db, "midi-4"), 0, 10, Valence.Belemmerend), researcher))!.Value;

        Assert.That(await db.Coding.RemoveCodingAsync(projectId, id, researcher), Is.True);
        Assert.That(await db.Coding.ListCodingsAsync(projectId, document.Id, researcher.UserId!.Value, null), Is.Empty);
        Assert.That(await db.Coding.UndoAsync(projectId, researcher), Is.EqualTo("Codering teruggezet."));
        Assert.That((await db.Coding.ListCodingsAsync(projectId, document.Id, researcher.UserId.Value, null)).Single().Id, Is.EqualTo(id));
        Assert.That(await db.Coding.UndoAsync(projectId, researcher), Is.EqualTo("Codering weer verwijderd."), "the add before the remove is undone next");
        Assert.That(await db.Coding.ListCodingsAsync(projectId, document.Id, researcher.UserId.Value, null), Is.Empty);
        Assert.That(await db.Coding.UndoAsync(projectId, researcher), Is.Null);
    }

    [Test]
    public async Task DeletingACodersAccountKeepsTheCodingsUnderANeutralLabel()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, document) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var researcher = await CodingFixtures.ResearcherAsync(db, "Onderzoeker Weg");
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodingFixtures.CodeIdAsync(db, "midi-4"), 0, 10, Valence.Belemmerend), researcher);

        Assert.That(await db.Accounts.DeleteAsync(researcher.UserId!.Value, Actor.System), Is.True);

        var fragment = (await db.Fragments.ListFragmentsAsync(projectId, new FragmentFilter())).Single();
        Assert.That(fragment.Coding.CoderName, Is.EqualTo($"Codeur #{researcher.UserId}"));
        Assert.That(fragment.Coding.CoderName, Does.Not.Contain("Weg"));
        var export = new MemoryStream();
        Assert.That(await db.Exchange.ExportQdpxAsync(projectId, export), Is.True);
    }
}
