using Monitor.Core.Data;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Coding;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class CodebookStoreTests
{
    private readonly DatabaseEngine _engine;

    public CodebookStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    [Test]
    public async Task TheBuiltInCodebooksHoldAllMidiDeterminantsBowenAreasAndMovisiePhases()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);

        var books = await db.Codebooks.ListCodebooksAsync(projectId);

        var midi = books.Single(b => b.Framework == "midi");
        Assert.That(midi.Codes.Count(c => c.IsCodable), Is.EqualTo(29));
        Assert.That(midi.Codes.Count(c => !c.IsCodable), Is.EqualTo(4), "the four MIDI groups are non-codable parents");
        Assert.That(midi.Codes[0].IsCodable, Is.False, "tree order: a group first, then its determinants");
        Assert.That(midi.Codes.Single(c => c.Key == "midi-1").NameNl, Is.EqualTo("Procedurele helderheid"));
        Assert.That(books.Single(b => b.Framework == "bowen").Codes, Has.Count.EqualTo(8));
        Assert.That(books.Single(b => b.Framework == "movisie").Codes, Has.Count.EqualTo(6));
        Assert.That(midi.Codes.Where(c => c.IsCodable).All(c => c.Guidance.Length > 0 && c.Definition.Length > 0), Is.True, "every determinant has a definition and coding guidance");
    }

    [Test]
    public async Task ProjectCodesCanBeNestedRenamedMovedAndMergedButNotUnderThemselves()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, document) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var researcher = await CodingFixtures.ResearcherAsync(db);
        var book = await db.Codebooks.CreateCodebookAsync(projectId, "Thema's", "", researcher);
        var parent = (await db.Codebooks.AddCodeAsync(projectId, book, new CodeDraft("Samenwerking"), researcher))!.Value;
        var child = (await db.Codebooks.AddCodeAsync(projectId, book, new CodeDraft("Overleg", ParentId: parent), researcher))!.Value;
        var twin = (await db.Codebooks.AddCodeAsync(projectId, book, new CodeDraft("Afstemming"), researcher))!.Value;
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, twin, 0, 10, Valence.Neutraal), researcher);

        Assert.ThrowsAsync<ValidationException>(async () => await db.Codebooks.UpdateCodeAsync(projectId, parent, new CodeDraft("Samenwerking", ParentId: child), researcher));
        Assert.That(await db.Codebooks.UpdateCodeAsync(projectId, child, new CodeDraft("Overleg en afstemming", Definition: "Wie met wie overlegt"), researcher), Is.True);
        Assert.That(await db.Codebooks.MergeCodeAsync(projectId, twin, child, researcher), Is.True);
        Assert.That(await db.Codebooks.UpdateCodeAsync(projectId, await CodingFixtures.CodeIdAsync(db, "midi-1"), new CodeDraft("Anders"), researcher), Is.False, "built-in codes are read-only");

        var codes = (await db.Codebooks.ListCodebooksAsync(projectId)).Single(b => b.Id == book).Codes;
        Assert.That(codes.Select(c => c.NameNl), Is.EqualTo(new[] { "Samenwerking", "Overleg en afstemming" }));
        Assert.That((await db.Fragments.ListFragmentsAsync(projectId, new FragmentFilter())).Single().CodeName, Is.EqualTo("Overleg en afstemming"));
    }
}
