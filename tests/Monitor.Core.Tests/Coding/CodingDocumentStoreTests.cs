using Monitor.Core.Coding;
using Monitor.Core.Coding.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Coding;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class CodingDocumentStoreTests
{
    private readonly DatabaseEngine _engine;

    public CodingDocumentStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    [Test]
    public async Task EditingCodedMinutesMakesANewVersionAndMovesOnlyUnchangedFragments()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, meetingId, document) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var researcher = await CodingFixtures.ResearcherAsync(db);
        var text = (await db.CodingDocuments.FindDocumentAsync(projectId, document.Id))!.Value.Version.Text;
        int Index(string s) => CodePoints.FromUtf16(text, text.IndexOf(s, StringComparison.Ordinal));
        var kept = "het team 👍 wil ermee werken";
        var edited = "te ingewikkeld";
        var code = await CodingFixtures.CodeIdAsync(db, "midi-4");
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, Index(kept), Index(kept) + CodePoints.Length(kept), Valence.Bevorderend), researcher);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodingFixtures.CodeIdAsync(db, "midi-5"), Index(edited), Index(edited) + CodePoints.Length(edited), Valence.Belemmerend), researcher);

        await db.Meetings.SaveMinutesAsync(projectId, meetingId, "Nieuw begin.\n\n" + CodingFixtures.Minutes.Replace("te ingewikkeld", "best ingewikkeld", StringComparison.Ordinal), Actor.System);
        var now = (await db.CodingDocuments.FindDocumentAsync(projectId, document.Id))!.Value;

        Assert.That(now.Version.Number, Is.EqualTo(2));
        var moved = (await db.Coding.ListCodingsAsync(projectId, document.Id, researcher.UserId!.Value, null)).Single();
        Assert.That(CodePoints.Slice(now.Version.Text, moved.Start, moved.End), Is.EqualTo(kept));
        var unplaced = await db.Fragments.ListUnplacedAsync(projectId, document.Id);
        Assert.That(unplaced.Single().Text, Is.EqualTo(edited), "listed with the text of the old version");
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM document_versions"), Is.EqualTo(2), "the old version is kept");
    }

    [Test]
    public async Task AnUploadedDocumentIsStoredNormalisedAndAnEmptyOneIsRefused()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var researcher = await CodingFixtures.ResearcherAsync(db);

        var id = await db.CodingDocuments.AddUploadAsync(projectId, "Interview 1", "interview", "interview1.txt", "Vraag\r\nAntwoord cliënt", null, researcher);

        var found = (await db.CodingDocuments.FindDocumentAsync(projectId, id))!.Value;
        Assert.That(found.Version.Text, Is.EqualTo("Vraag\nAntwoord cliënt"));
        Assert.That(found.Document.Kind, Is.EqualTo(DocumentKind.Upload));
        Assert.ThrowsAsync<ValidationException>(async () => await db.CodingDocuments.AddUploadAsync(projectId, "Leeg", "interview", "leeg.txt", "  \n ", null, researcher));
        Assert.ThrowsAsync<ValidationException>(async () => await db.CodingDocuments.AddUploadAsync(projectId, "X", "roman", "x.txt", "tekst", null, researcher));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM coding_documents WHERE kind = 'upload'"), Is.EqualTo(1));
    }

    [Test]
    public async Task AnObservationOfAWorkSessionIsItsOwnTypeAndCarriesTheDateObserved()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var researcher = await CodingFixtures.ResearcherAsync(db);

        var id = await db.CodingDocuments.AddUploadAsync(projectId, "Observatie werksessie 2", "observatie", "obs2.txt", "De professional vraagt naar de voorkeur van de cliënt.", new DateOnly(2021, 3, 9), researcher);
        var undated = Assert.ThrowsAsync<ValidationException>(async () =>
            await db.CodingDocuments.AddUploadAsync(projectId, "Observatie zonder datum", "observatie", "obs.txt", "tekst", null, researcher));

        var found = (await db.CodingDocuments.FindDocumentAsync(projectId, id))!.Value.Document;
        Assert.That(found.SourceType, Is.EqualTo("observatie"));
        Assert.That(found.HeldOn, Is.EqualTo(new DateOnly(2021, 3, 9)));
        Assert.That(undated!.Errors.Single().Field, Is.EqualTo("heldOn"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM coding_documents WHERE kind = 'upload'"), Is.EqualTo(1), "nothing half-saved");
    }
}
