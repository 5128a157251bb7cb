using Monitor.Core.Accounts;
using Monitor.Core.Coding.Text;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Tests.Meetings;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Coding;

public sealed class CodingStoreTests
{
    internal const string Minutes = "Terugblik. De werkcoaches vinden de keuzehulp te ingewikkeld.\n\nWat goed ging: het team 👍 wil ermee werken, zegt de coördinator.";

    internal static async Task<Actor> ResearcherAsync(TempDatabase db, string name = "Onderzoeker 1", long? projectId = null)
    {
        var id = await db.Accounts.CreateAsync(new NewAccount { Email = name.Replace(' ', '.') + "@test.example", DisplayName = name, PasswordHash = "x" }, Actor.System);
        if (projectId is { } p)
        {
            await db.Accounts.SetProjectRoleAsync(id, p, ProjectRole.Onderzoeker, Actor.System);
        }

        return new Actor(id, name);
    }

    /// <summary>A project with one held meeting whose minutes are <see cref="Minutes"/>; returns the minutes document.</summary>
    internal static async Task<(long ProjectId, long MeetingId, CodingDocument Document)> ProjectWithMinutesAsync(TempDatabase db, string slug = "p", string minutes = Minutes)
    {
        var (projectId, groupId, _) = await MeetingStoreTests.ProjectWithGroupAsync(db, slug);
        var meetingId = await MeetingStoreTests.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));
        await db.Meetings.SaveMinutesAsync(projectId, meetingId, minutes, Actor.System);
        var document = (await db.CodingDocuments.ListDocumentsAsync(projectId)).Single(d => d.Kind == DocumentKind.Verslag);
        return (projectId, meetingId, document);
    }

    internal static async Task<long> CodeIdAsync(TempDatabase db, string key) => await db.ScalarAsync($"SELECT id FROM codes WHERE key = '{key}'");

    [Test]
    public async Task TheBuiltInCodebooksHoldAllMidiDeterminantsBowenAreasAndMovisiePhases()
    {
        using var db = await TempDatabase.MigratedAsync();
        var (projectId, _, _) = await MeetingStoreTests.ProjectWithGroupAsync(db);

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
    public async Task MinutesBecomeANormalisedDocumentAndACodingStoresCoderValenceAndCodePointOffsets()
    {
        using var db = await TempDatabase.MigratedAsync();
        var (projectId, _, document) = await ProjectWithMinutesAsync(db, minutes: "\uFEFFRegel een\r\nclie\u0308nt 👍 werkt\r\n");
        var researcher = await ResearcherAsync(db);
        var found = (await db.CodingDocuments.FindDocumentAsync(projectId, document.Id))!.Value;
        Assert.That(found.Version.Text, Is.EqualTo("Regel een\ncliënt 👍 werkt\n"), "no BOM, LF, NFC");

        // "👍 werkt" starts after "Regel een\ncliënt " = 17 code points
        var id = await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodeIdAsync(db, "midi-12"), 17, 24, Valence.Belemmerend, "memo"), researcher);

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
        using var db = await TempDatabase.MigratedAsync();
        var (projectId, _, document) = await ProjectWithMinutesAsync(db);
        var (otherProject, _, _) = await ProjectWithMinutesAsync(db, "q");
        var researcher = await ResearcherAsync(db);
        var otherBook = await db.Codebooks.CreateCodebookAsync(otherProject, "Eigen codes", "", researcher);
        var foreignCode = (await db.Codebooks.AddCodeAsync(otherProject, otherBook, new CodeDraft("Vertrouwen"), researcher))!.Value;
        var midi1 = await CodeIdAsync(db, "midi-1");
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi1, 0, 10, Valence.Neutraal), researcher);

        var outOfRange = Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi1, 50, document.Length + 1, Valence.Neutraal), researcher));
        var empty = Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi1, 5, 5, Valence.Neutraal), researcher));
        var overlap = Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi1, 5, 20, Valence.Neutraal), researcher));
        var foreign = Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, foreignCode, 30, 40, Valence.Neutraal), researcher));
        var group = Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodeIdAsync(db, "midi-groep-user"), 30, 40, Valence.Neutraal), researcher));

        Assert.That(outOfRange!.Message, Does.Contain($"0–{document.Length}"));
        Assert.That(empty!.Message, Does.Contain("leeg"));
        Assert.That(overlap!.Message, Does.Contain("overlapt"));
        Assert.That(foreign!.Message, Does.Contain("hoort niet bij een codeboek van dit project"));
        Assert.That(group!.Message, Does.Contain("groep"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM codings"), Is.EqualTo(1));
        // another coder may code the same span with the same code
        var second = await ResearcherAsync(db, "Onderzoeker 2");
        Assert.That(await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi1, 5, 20, Valence.Bevorderend), second), Is.Not.Null);
    }

    [Test]
    public async Task RemoveAndUndoBringACodingBackAndUndoOfAnAddRemovesIt()
    {
        using var db = await TempDatabase.MigratedAsync();
        var (projectId, _, document) = await ProjectWithMinutesAsync(db);
        var researcher = await ResearcherAsync(db);
        var id = (await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodeIdAsync(db, "midi-4"), 0, 10, Valence.Belemmerend), researcher))!.Value;

        Assert.That(await db.Coding.RemoveCodingAsync(projectId, id, researcher), Is.True);
        Assert.That(await db.Coding.ListCodingsAsync(projectId, document.Id, researcher.UserId!.Value, null), Is.Empty);
        Assert.That(await db.Coding.UndoAsync(projectId, researcher), Is.EqualTo("Codering teruggezet."));
        Assert.That((await db.Coding.ListCodingsAsync(projectId, document.Id, researcher.UserId.Value, null)).Single().Id, Is.EqualTo(id));
        Assert.That(await db.Coding.UndoAsync(projectId, researcher), Is.EqualTo("Codering weer verwijderd."), "the add before the remove is undone next");
        Assert.That(await db.Coding.ListCodingsAsync(projectId, document.Id, researcher.UserId.Value, null), Is.Empty);
        Assert.That(await db.Coding.UndoAsync(projectId, researcher), Is.Null);
    }

    [Test]
    public async Task EditingCodedMinutesMakesANewVersionAndMovesOnlyUnchangedFragments()
    {
        using var db = await TempDatabase.MigratedAsync();
        var (projectId, meetingId, document) = await ProjectWithMinutesAsync(db);
        var researcher = await ResearcherAsync(db);
        var text = (await db.CodingDocuments.FindDocumentAsync(projectId, document.Id))!.Value.Version.Text;
        int Index(string s) => CodePoints.FromUtf16(text, text.IndexOf(s, StringComparison.Ordinal));
        var kept = "het team 👍 wil ermee werken";
        var edited = "te ingewikkeld";
        var code = await CodeIdAsync(db, "midi-4");
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, Index(kept), Index(kept) + CodePoints.Length(kept), Valence.Bevorderend), researcher);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodeIdAsync(db, "midi-5"), Index(edited), Index(edited) + CodePoints.Length(edited), Valence.Belemmerend), researcher);

        await db.Meetings.SaveMinutesAsync(projectId, meetingId, "Nieuw begin.\n\n" + Minutes.Replace("te ingewikkeld", "best ingewikkeld", StringComparison.Ordinal), Actor.System);
        var now = (await db.CodingDocuments.FindDocumentAsync(projectId, document.Id))!.Value;

        Assert.That(now.Version.Number, Is.EqualTo(2));
        var moved = (await db.Coding.ListCodingsAsync(projectId, document.Id, researcher.UserId!.Value, null)).Single();
        Assert.That(CodePoints.Slice(now.Version.Text, moved.Start, moved.End), Is.EqualTo(kept));
        var unplaced = await db.Fragments.ListUnplacedAsync(projectId, document.Id);
        Assert.That(unplaced.Single().Text, Is.EqualTo(edited), "listed with the text of the old version");
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM document_versions"), Is.EqualTo(2), "the old version is kept");
    }

    [Test]
    public async Task ProjectCodesCanBeNestedRenamedMovedAndMergedButNotUnderThemselves()
    {
        using var db = await TempDatabase.MigratedAsync();
        var (projectId, _, document) = await ProjectWithMinutesAsync(db);
        var researcher = await ResearcherAsync(db);
        var book = await db.Codebooks.CreateCodebookAsync(projectId, "Thema's", "", researcher);
        var parent = (await db.Codebooks.AddCodeAsync(projectId, book, new CodeDraft("Samenwerking"), researcher))!.Value;
        var child = (await db.Codebooks.AddCodeAsync(projectId, book, new CodeDraft("Overleg", ParentId: parent), researcher))!.Value;
        var twin = (await db.Codebooks.AddCodeAsync(projectId, book, new CodeDraft("Afstemming"), researcher))!.Value;
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, twin, 0, 10, Valence.Neutraal), researcher);

        Assert.ThrowsAsync<ValidationException>(async () => await db.Codebooks.UpdateCodeAsync(projectId, parent, new CodeDraft("Samenwerking", ParentId: child), researcher));
        Assert.That(await db.Codebooks.UpdateCodeAsync(projectId, child, new CodeDraft("Overleg en afstemming", Definition: "Wie met wie overlegt"), researcher), Is.True);
        Assert.That(await db.Codebooks.MergeCodeAsync(projectId, twin, child, researcher), Is.True);
        Assert.That(await db.Codebooks.UpdateCodeAsync(projectId, await CodeIdAsync(db, "midi-1"), new CodeDraft("Anders"), researcher), Is.False, "built-in codes are read-only");

        var codes = (await db.Codebooks.ListCodebooksAsync(projectId)).Single(b => b.Id == book).Codes;
        Assert.That(codes.Select(c => c.NameNl), Is.EqualTo(new[] { "Samenwerking", "Overleg en afstemming" }));
        Assert.That((await db.Fragments.ListFragmentsAsync(projectId, new FragmentFilter())).Single().CodeName, Is.EqualTo("Overleg en afstemming"));
    }

    [Test]
    public async Task TheMatrixCountsFacilitatorsAndBarriersPerDeterminantAndPhaseAndLinksToTheFilter()
    {
        using var db = await TempDatabase.MigratedAsync();
        var (projectId, _, document) = await ProjectWithMinutesAsync(db);
        var researcher = await ResearcherAsync(db);
        var midi4 = await CodeIdAsync(db, "midi-4");
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 0, 10, Valence.Belemmerend), researcher);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 20, 30, Valence.Belemmerend), researcher);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 40, 50, Valence.Bevorderend), researcher);

        var byPhase = await db.Fragments.MatrixAsync(projectId, byGroup: false);
        var byGroup = await db.Fragments.MatrixAsync(projectId, byGroup: true);

        var row = byPhase.Rows.Single(r => r.Code.Key == "midi-4");
        var phase = (await db.Projects.FindAsync(projectId))!.CurrentPhase;
        Assert.That(row.Cells[phase], Is.EqualTo(new MatrixCell(1, 2, 0, 0)));
        Assert.That(row.GroupName, Is.EqualTo("Kenmerken van de innovatie"));
        Assert.That(byPhase.Rows.Where(r => r.Code.Key != "midi-4").All(r => r.Sum.Total == 0), Is.True);
        Assert.That(byGroup.Rows.Single(r => r.Code.Key == "midi-4").Cells.Single(c => c.Total > 0), Is.EqualTo(new MatrixCell(1, 2, 0, 0)));
        Assert.That(await db.Fragments.ListFragmentsAsync(projectId, new FragmentFilter { CodeId = midi4, Phase = phase, Valence = Valence.Belemmerend }), Has.Count.EqualTo(2));
        Assert.That(await db.Fragments.ListFragmentsAsync(projectId, new FragmentFilter { CodeId = midi4, Phase = (phase + 1) % 6 }), Is.Empty);
        var frequency = (await db.Fragments.FrequenciesAsync(projectId)).Single();
        Assert.That((frequency.Codings, frequency.Facilitators, frequency.Barriers, frequency.Documents), Is.EqualTo((3, 1, 2, 1)));
    }

    [Test]
    public async Task AnUploadedDocumentIsStoredNormalisedAndAnEmptyOneIsRefused()
    {
        using var db = await TempDatabase.MigratedAsync();
        var (projectId, _, _) = await MeetingStoreTests.ProjectWithGroupAsync(db);
        var researcher = await ResearcherAsync(db);

        var id = await db.CodingDocuments.AddUploadAsync(projectId, "Interview 1", "interview", "interview1.txt", "Vraag\r\nAntwoord cliënt", researcher);

        var found = (await db.CodingDocuments.FindDocumentAsync(projectId, id))!.Value;
        Assert.That(found.Version.Text, Is.EqualTo("Vraag\nAntwoord cliënt"));
        Assert.That(found.Document.Kind, Is.EqualTo(DocumentKind.Upload));
        Assert.ThrowsAsync<ValidationException>(async () => await db.CodingDocuments.AddUploadAsync(projectId, "Leeg", "interview", "leeg.txt", "  \n ", researcher));
        Assert.ThrowsAsync<ValidationException>(async () => await db.CodingDocuments.AddUploadAsync(projectId, "X", "roman", "x.txt", "tekst", researcher));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM coding_documents WHERE kind = 'upload'"), Is.EqualTo(1));
    }

    [Test]
    public async Task DeletingACodersAccountKeepsTheCodingsUnderANeutralLabel()
    {
        using var db = await TempDatabase.MigratedAsync();
        var (projectId, _, document) = await ProjectWithMinutesAsync(db);
        var researcher = await ResearcherAsync(db, "Onderzoeker Weg");
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodeIdAsync(db, "midi-4"), 0, 10, Valence.Belemmerend), researcher);

        Assert.That(await db.Accounts.DeleteAsync(researcher.UserId!.Value, Actor.System), Is.True);

        var fragment = (await db.Fragments.ListFragmentsAsync(projectId, new FragmentFilter())).Single();
        Assert.That(fragment.Coding.CoderName, Is.EqualTo($"Codeur #{researcher.UserId}"));
        Assert.That(fragment.Coding.CoderName, Does.Not.Contain("Weg"));
        var export = new MemoryStream();
        Assert.That(await db.Exchange.ExportQdpxAsync(projectId, export), Is.True);
    }
}
