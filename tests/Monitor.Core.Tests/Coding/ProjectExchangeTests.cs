using System.IO.Compression;
using System.Text;
using System.Xml;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Interop.Refi;
using Monitor.Core.Privacy;
using Monitor.Core.Tests.Interop.Refi;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Coding;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class ProjectExchangeTests
{
    private readonly DatabaseEngine _engine;

    public ProjectExchangeTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static async Task<(long ProjectId, CodingDocument Document)> CodedProjectAsync(TempDatabase db)
    {
        var (projectId, _, document) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var researcher = await CodingFixtures.ResearcherAsync(db, "Onderzoeker A", projectId);
        var book = await db.Codebooks.CreateCodebookAsync(projectId, "Thema's", "Eigen thema's", researcher);
        var parent = (await db.Codebooks.AddCodeAsync(projectId, book, new CodeDraft("Samenwerking", Definition: "Wie met wie", Guidance: "Niet: overleg"), researcher))!.Value;
        var child = (await db.Codebooks.AddCodeAsync(projectId, book, new CodeDraft("Overleg", ParentId: parent), researcher))!.Value;
        var text = (await db.CodingDocuments.FindDocumentAsync(projectId, document.Id))!.Value.Version.Text;
        var emoji = Monitor.Core.Coding.Text.CodePoints.FromUtf16(text, text.IndexOf("👍", StringComparison.Ordinal));
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodingFixtures.CodeIdAsync(db, "midi-4"), 0, 10, Valence.Belemmerend, "te ingewikkeld"), researcher);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, child, emoji, emoji + 3, Valence.Bevorderend), researcher);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodingFixtures.CodeIdAsync(db, "bowen-1"), emoji - 5, emoji + 10, Valence.Gemengd), researcher);
        return (projectId, document);
    }

    [Test]
    public async Task TheExportValidatesAgainstTheProjectSchemaAndIsIdenticalWhenRepeated()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _) = await CodedProjectAsync(db);
        var first = new MemoryStream();
        var second = new MemoryStream();

        Assert.That(await db.Exchange.ExportQdpxAsync(projectId, first), Is.True);
        await db.Exchange.ExportQdpxAsync(projectId, second);

        Assert.That(second.ToArray(), Is.EqualTo(first.ToArray()), "GUIDs and bytes stable across exports");
        using var zip = new ZipArchive(new MemoryStream(first.ToArray()));
        Assert.That(zip.Entries.Select(e => e.FullName), Does.Contain("project.qde"));
        Assert.That(zip.Entries.Count(e => e.FullName.StartsWith("sources/", StringComparison.Ordinal) && e.FullName.EndsWith(".txt", StringComparison.Ordinal)), Is.EqualTo(1));
        foreach (var schema in Monitor.Core.Tests.Interop.Refi.RefiSamples.SchemaPaths("Project.xsd"))
        {
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema };
            settings.Schemas.Add(null, schema);
            var errors = new List<string>();
            settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
            using (var reader = XmlReader.Create(zip.GetEntry("project.qde")!.Open(), settings))
            {
                while (reader.Read())
                {
                }
            }

            Assert.That(errors, Is.Empty, schema);
        }

        var xml = new StreamReader(zip.GetEntry("project.qde")!.Open()).ReadToEnd();
        Assert.That(xml, Does.Contain("Valentie: belemmerend"));
        Assert.That(xml, Does.Contain("creatingUser="));
    }

    [Test]
    public async Task ExportThenImportIntoAnEmptyProjectReproducesSourcesCodesAndCodings()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _) = await CodedProjectAsync(db);
        var (emptyProject, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "leeg");
        var importer = await CodingFixtures.ResearcherAsync(db, "Importeur", emptyProject);
        var export = new MemoryStream();
        await db.Exchange.ExportQdpxAsync(projectId, export);

        export.Position = 0;
        var result = await db.Exchange.ImportQdpxAsync(emptyProject, export, importer);

        Assert.That((result.Documents, result.Codings), Is.EqualTo((1, 3)));
        var before = (await db.Exchange.BuildAsync(projectId))!;
        var after = (await db.Exchange.BuildAsync(emptyProject))!;
        Assert.That(after.Sources.Single().Text, Is.EqualTo(before.Sources.Single().Text));
        Assert.That(after.Sources.Single().Guid, Is.EqualTo(before.Sources.Single().Guid));
        static IEnumerable<string> Selections(RefiProject p) => p.Sources.SelectMany(s => s.Selections)
            .Select(s => $"{s.Guid}|{s.Start}|{s.End}|{s.Description}|{s.Codings.Single().CodeGuid}|{s.CreatingUser}|{s.CreatedUtc:O}|{s.NoteRefs.Count}");
        Assert.That(Selections(after), Is.EqualTo(Selections(before)));
        static IEnumerable<string> Codes(IEnumerable<RefiCode> codes, string path = "") =>
            codes.SelectMany(c => new[] { $"{path}/{c.Name}|{c.Guid}|{c.IsCodable}|{c.Description}" }.Concat(Codes(c.Children, path + "/" + c.Name)));
        Assert.That(Codes(after.Codes), Is.EqualTo(Codes(before.Codes)));
        Assert.That(after.Notes.Select(n => n.Text), Is.EqualTo(before.Notes.Select(n => n.Text)));
        Assert.That(after.Users.Select(u => (u.Guid, u.Name)), Is.EqualTo(before.Users.Select(u => (u.Guid, u.Name))));
    }

    [Test]
    public async Task ImportingTheSameFileTwiceIsRefusedWhole()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _) = await CodedProjectAsync(db);
        var (other, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "ander");
        var importer = await CodingFixtures.ResearcherAsync(db, "Importeur", other);
        var export = new MemoryStream();
        await db.Exchange.ExportQdpxAsync(projectId, export);
        await db.Exchange.ImportQdpxAsync(other, new MemoryStream(export.ToArray()), importer);
        var documents = await db.ScalarAsync("SELECT count(*) FROM coding_documents");
        var codings = await db.ScalarAsync("SELECT count(*) FROM codings");

        var error = Assert.ThrowsAsync<ValidationException>(async () => await db.Exchange.ImportQdpxAsync(other, new MemoryStream(export.ToArray()), importer));

        Assert.That(error!.Message, Does.Contain("GUID"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM coding_documents"), Is.EqualTo(documents));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM codings"), Is.EqualTo(codings));
    }

    [Test]
    public async Task ABrokenFileGivesADutchMessageAndNothingIsImported()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var importer = await CodingFixtures.ResearcherAsync(db, "Importeur", projectId);

        var notZip = Assert.ThrowsAsync<ValidationException>(async () => await db.Exchange.ImportQdpxAsync(projectId, new MemoryStream(Encoding.UTF8.GetBytes("geen zip")), importer));
        var empty = new MemoryStream();
        using (var zip = new ZipArchive(empty, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("leesmij.txt");
        }

        var noQde = Assert.ThrowsAsync<ValidationException>(async () => await db.Exchange.ImportQdpxAsync(projectId, new MemoryStream(empty.ToArray()), importer));

        Assert.That(notZip!.Message, Does.Contain("zip"));
        Assert.That(noQde!.Message, Does.Contain(".qde"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM coding_documents WHERE kind = 'upload'"), Is.Zero);
    }

    [Test]
    public async Task TheCodingsCsvHasOneRowPerCodingWithPathValenceCoderAndPseudonymisedText()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _) = await CodedProjectAsync(db);

        var bytes = (await db.Exchange.ExportCodingsCsvAsync(projectId, new Pseudonymizer([new Pseudonym(1, "team", "P01")])))!;

        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[0], Does.StartWith("project;groep;bijeenkomst;datum;fase;document;start;eind;tekst;codepad;codeboek;valentie;codeur;memo"));
        Assert.That(lines, Has.Some.Contains(";Samenwerking / Overleg;Thema's;bevorderend;Onderzoeker A;"));
        Assert.That(lines, Has.Some.Contains(";Kenmerken van de innovatie / Complexiteit;MIDI-determinanten;belemmerend;Onderzoeker A;te ingewikkeld;"));
        Assert.That(string.Join("\n", lines), Does.Not.Contain("team 👍").And.Contain("P01"));
    }

    [Test]
    [Description("issue #26: the .qdpx export carries the pseudonym list's codes, never the names, and codings stay on their words")]
    public async Task TheQdpxExportIsPseudonymisedAndItsCodingsStayOnTheSameWords()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, document) = await CodedProjectAsync(db);
        var plain = await ExportedSourceAsync(db, projectId, document.Guid);
        var before = plain.Selections.ToDictionary(s => s.Guid, s => Monitor.Core.Coding.Text.CodePoints.Slice(plain.Text, s.Start, s.End).Replace("team", "[P01]", StringComparison.Ordinal));
        await db.Privacy.AddPseudonymAsync(projectId, "team", Actor.System);

        var source = await ExportedSourceAsync(db, projectId, document.Guid);

        Assert.That(plain.Text, Does.Contain("team"), "the test text has the name");
        Assert.That(source.Text, Does.Not.Contain("team").And.Contain("[P01]"));
        Assert.That(source.Selections, Has.Count.EqualTo(before.Count));
        foreach (var selection in source.Selections)
        {
            Assert.That(Monitor.Core.Coding.Text.CodePoints.Slice(source.Text, selection.Start, selection.End), Is.EqualTo(before[selection.Guid]));
        }
    }

    private static async Task<RefiTextSource> ExportedSourceAsync(TempDatabase db, long projectId, Guid document)
    {
        var export = new MemoryStream();
        await db.Exchange.ExportQdpxAsync(projectId, export);
        export.Position = 0;
        return QdpxReader.Read(export, ProjectExchange.MaxQdpxBytes).Project.Sources.Single(s => s.Guid == document);
    }

    [Test]
    public async Task ACodebookExportedAsQdcComesBackAsAProjectCodebookWithDefinitionAndGuidance()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var researcher = await CodingFixtures.ResearcherAsync(db, "Onderzoeker A", projectId);
        var midi = (await db.Codebooks.ListCodebooksAsync(projectId)).Single(b => b.Framework == "midi");
        var qdc = new MemoryStream();
        Assert.That(await db.CodebookExchange.ExportAsync(projectId, midi.Id, qdc), Is.True);

        qdc.Position = 0;
        var (name, count, _) = await db.CodebookExchange.ImportCodebookAsync(projectId, "MIDI-kopie", qdc, researcher);

        Assert.That((name, count), Is.EqualTo(("MIDI-kopie", 33)));
        var copy = (await db.Codebooks.ListCodebooksAsync(projectId)).Single(b => b.Name == "MIDI-kopie");
        Assert.That(copy.Codes.Select(c => (c.NameNl, c.Definition, c.Guidance, c.IsCodable)),
            Is.EqualTo(midi.Codes.Select(c => (c.NameNl, c.Definition, c.Guidance, c.IsCodable))));
        // issue #17: the built-in codebook already uses these GUIDs in this project, so the copy gets its own
        Assert.That(copy.Codes.Select(c => c.Guid).Intersect(midi.Codes.Select(c => c.Guid)), Is.Empty);
        Assert.ThrowsAsync<ValidationException>(async () => await db.CodebookExchange.ImportCodebookAsync(projectId, "x", new MemoryStream(Encoding.UTF8.GetBytes("<niet/>")), researcher));
    }

    [Test]
    [Description("issue #17: export → import → export keeps codings, coders, rounds, consensus, memos and valence")]
    public async Task ExportImportExportGivesTheSameCodingsRoundsConsensusMemosAndValence()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, document) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var a = await CodingFixtures.ResearcherAsync(db, "Onderzoeker A", projectId);
        var b = await CodingFixtures.ResearcherAsync(db, "Onderzoeker B", projectId);
        var midi4 = await CodingFixtures.CodeIdAsync(db, "midi-4");
        var midi5 = await CodingFixtures.CodeIdAsync(db, "midi-5");
        var roundId = await db.Rounds.CreateRoundAsync(projectId, "Ronde 1", [a.UserId!.Value, b.UserId!.Value], [document.Id], a);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 0, 20, Valence.Belemmerend, "A ziet een drempel", RoundId: roundId), a);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 0, 20, Valence.Belemmerend, RoundId: roundId), b);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi5, 40, 60, Valence.Bevorderend, RoundId: roundId), b);
        await db.Rounds.CloseRoundAsync(projectId, roundId, a);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 0, 20, Valence.Gemengd, "regulier, zelfde tekst"), a);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 0, 20, Valence.Bevorderend), b);
        var (copy, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "kopie");
        var importer = await CodingFixtures.ResearcherAsync(db, "Importeur", copy);
        var first = (await db.Exchange.BuildAsync(projectId))!;
        var export = new MemoryStream();
        await db.Exchange.ExportQdpxAsync(projectId, export);

        var result = await db.Exchange.ImportQdpxAsync(copy, new MemoryStream(export.ToArray()), importer);

        var second = (await db.Exchange.BuildAsync(copy))!;
        static IEnumerable<string> Codings(RefiProject p) => p.Sources.SelectMany(s => s.Selections)
            .Select(s => $"{s.Guid}|{s.Name}|{s.Start}|{s.End}|{s.Description}|{s.Codings.Single().CodeGuid}|{s.CreatingUser}|{s.CreatedUtc:O}")
            .Order(StringComparer.Ordinal);
        Assert.That(first.Sources.Sum(s => s.Selections.Count), Is.EqualTo(6), "3 round codings, 1 consensus, 2 regular");
        Assert.That(result.Codings, Is.EqualTo(6));
        Assert.That(Codings(second), Is.EqualTo(Codings(first)));
        Assert.That(second.Users.Select(u => (u.Guid, u.Name)), Is.EquivalentTo(first.Users.Select(u => (u.Guid, u.Name))));
        Assert.That(second.Sets.Select(s => (s.Name, s.Description)), Is.EqualTo(first.Sets.Select(s => (s.Name, s.Description))));
        Assert.That(first.Sets.Single().Description, Does.Contain("gesloten"));
        Assert.That(await db.ScalarAsync($"SELECT count(*) FROM codings WHERE project_id = {copy} AND is_consensus = 1"), Is.EqualTo(1));
        Assert.That(await db.ScalarAsync($"SELECT count(*) FROM codings WHERE project_id = {copy} AND round_id IS NOT NULL"), Is.EqualTo(4));
        Assert.That(await db.TextAsync($"SELECT status FROM coding_rounds WHERE project_id = {copy}"), Is.EqualTo("gesloten"));
        Assert.That(first.Sources.SelectMany(s => s.Selections).Select(s => s.Description), Has.Some.EqualTo("A ziet een drempel\n\nValentie: belemmerend\nRonde: Ronde 1"));
        Assert.That(result.Lines.Single(l => l.ElementType == "Coding"), Is.EqualTo(new RefiImportLine("Coding", 6, 0, null)));
    }

    [Test]
    [Description("issue #17: a .qdc whose GUIDs the project already uses never breaks the .qdpx export")]
    public async Task ImportingACodebookTwiceGivesNewGuidsAndTheExportStaysValid()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _) = await CodedProjectAsync(db);
        var researcher = await CodingFixtures.ResearcherAsync(db, "Onderzoeker B", projectId);
        var midi = new MemoryStream();
        await db.CodebookExchange.ExportAsync(projectId, 1, midi);

        var (_, codes, newGuids) = await db.CodebookExchange.ImportCodebookAsync(projectId, "MIDI van een collega", new MemoryStream(midi.ToArray()), researcher);
        var again = await db.CodebookExchange.ImportCodebookAsync(projectId, "MIDI van een collega", new MemoryStream(midi.ToArray()), researcher);

        Assert.That((codes, newGuids, again.NewGuids), Is.EqualTo((33, 33, 33)));
        // a database that already holds duplicates (imported before this check) still exports
        await db.ScalarAsync($"UPDATE codes SET guid = (SELECT guid FROM codes WHERE key = 'midi-4') WHERE id = (SELECT max(id) FROM codes)");
        var export = new MemoryStream();
        Assert.That(await db.Exchange.ExportQdpxAsync(projectId, export), Is.True);
    }

    [Test]
    [Description("issue #17: a researcher can delete a codebook without codings")]
    public async Task ACodebookWithoutCodingsCanBeDeletedOneWithCodingsNot()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _) = await CodedProjectAsync(db);
        var researcher = await CodingFixtures.ResearcherAsync(db, "Onderzoeker B", projectId);
        var (_, _, _) = await db.CodebookExchange.ImportCodebookAsync(projectId, "Ongebruikt", new MemoryStream(ToolFiles.TaguetteCodebook()), researcher);
        var unused = await db.ScalarAsync("SELECT id FROM codebooks WHERE name = 'Ongebruikt'");
        var used = await db.ScalarAsync("SELECT id FROM codebooks WHERE name = 'Thema''s'");

        Assert.That(await db.Codebooks.DeleteCodebookAsync(projectId, unused, researcher), Is.True);
        var refused = Assert.ThrowsAsync<ValidationException>(async () => await db.Codebooks.DeleteCodebookAsync(projectId, used, researcher));

        Assert.That(refused!.Message, Does.Contain("coderingen"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM codebooks WHERE name = 'Ongebruikt'"), Is.Zero);
        Assert.That(await db.Codebooks.DeleteCodebookAsync(projectId, 1, researcher), Is.False, "built-in codebooks are not the project's");
    }
}
