using Monitor.Core.Interop.Refi;
using static Monitor.Core.Tests.Interop.Refi.RefiSamples;

namespace Monitor.Core.Tests.Interop.Refi;

public sealed class QdpxReaderTests
{
    private const string CodeGuid = "AA000000-0000-4000-8000-000000000001";
    private const string SourceGuid = "BB000000-0000-4000-8000-000000000001";
    private const string SelectionGuid = "CC000000-0000-4000-8000-000000000001";

    [Test]
    public void RoundTripGivesBackTheExportedModelFieldByField()
    {
        var project = Project();

        var result = Import(Export(project));

        Assert.That(Dump(result.Project), Is.EqualTo(Dump(project)));
    }

    [Test]
    public void RoundTripKeepsEmojiSelectionsOnTheSameCharacters()
    {
        var source = Import(Export(Project())).Project.Sources[0];
        var selection = source.Selections.Single(s => s.Guid == EmojiSelection);

        Assert.That(CodePointText.Slice(source.Text, selection.Start, selection.End), Is.EqualTo("dat het werkt"));
        Assert.That(selection.Codings.Select(c => c.CreatingUser), Is.EqualTo(new Guid?[] { Anna, Bram }));
    }

    [Test]
    public void ReportsWhatWasKeptAfterARoundTrip()
    {
        var report = Import(Export(Project())).Report;

        Assert.That(report.Lines.Take(8), Is.EqualTo(new[]
        {
            new RefiImportLine("User", 2, 0, null),
            new RefiImportLine("Code", 6, 0, null),
            new RefiImportLine("Variable", 6, 0, null),
            new RefiImportLine("Case", 2, 0, null),
            new RefiImportLine("TextSource", 3, 0, null),
            new RefiImportLine("PlainTextSelection", 3, 0, null),
            new RefiImportLine("Coding", 6, 0, null),
            new RefiImportLine("Note", 2, 0, null),
        }));
        Assert.That(report.Lines.Sum(l => l.Dropped), Is.Zero);
    }

    [Test]
    public void AcceptsAnyQdeNameAnUpperCaseSourcesFolderAndOtherNamespaceVersions()
    {
        var archive = Zip(
            ("My Project.qde", Utf8(Qde(TextSource($"plainTextPath=\"internal://{SourceGuid.ToLowerInvariant()}.TXT\""), "urn:QDA-XML:project:1.1"))),
            ($"Sources/{SourceGuid}.txt", Utf8("Hallo wereld")));

        var project = Import(archive).Project;

        Assert.That(project.Name, Is.EqualTo("Extern project"));
        Assert.That(project.Sources.Single().Text, Is.EqualTo("Hallo wereld"));
        Assert.That(project.Sources.Single().Selections.Single().Codings.Single().CodeGuid, Is.EqualTo(new Guid(CodeGuid)));
    }

    [TestCase("hallo.txt")]
    [TestCase("sources/hallo.txt")]
    [TestCase("relative:///interviews/hallo.txt")]
    public void FindsTheSourceFileByItsNameWhateverThePathLooksLike(string plainTextPath)
    {
        var archive = Zip(("project.qde", Utf8(Qde(TextSource($"plainTextPath=\"{plainTextPath}\"")))), ("sources/hallo.txt", Utf8("Hallo wereld")));

        Assert.That(Import(archive).Project.Sources.Single().Text, Is.EqualTo("Hallo wereld"));
    }

    [Test]
    public void ReadsInlinePlainTextContent()
    {
        var archive = Zip(("project.qde", Utf8(Qde(TextSource("", "<PlainTextContent>Hallo wereld</PlainTextContent>")))));

        Assert.That(Import(archive).Project.Sources.Single().Text, Is.EqualTo("Hallo wereld"));
    }

    [Test]
    public void StripsAUtf8BomButKeepsLineEndings()
    {
        var archive = Zip(
            ("project.qde", Utf8(Qde(TextSource("plainTextPath=\"internal://a.txt\"")))),
            ("sources/a.txt", [0xEF, 0xBB, 0xBF, .. Utf8("Hallo\r\nwereld")]));

        Assert.That(Import(archive).Project.Sources.Single().Text, Is.EqualTo("Hallo\r\nwereld"));
    }

    [Test]
    public void DropsPictureSourcesWithReportLinesAndReadsSets()
    {
        const string Picture = """
            <PictureSource guid="DD000000-0000-4000-8000-000000000001" name="Foto" path="internal://foto.jpg">
              <PictureSelection guid="DD000000-0000-4000-8000-000000000002" firstX="1" firstY="2" secondX="3" secondY="4">
                <Coding guid="DD000000-0000-4000-8000-000000000003"><CodeRef targetGUID="AA000000-0000-4000-8000-000000000001"/></Coding>
              </PictureSelection>
            </PictureSource>
            """;
        const string Sets = """<Sets><Set guid="EE000000-0000-4000-8000-000000000001" name="Set"/></Sets>""";
        var archive = Zip(("project.qde", Utf8(Qde(TextSource("", "<PlainTextContent>Hallo wereld</PlainTextContent>") + Picture, after: Sets))));

        var result = Import(archive);

        Assert.That(result.Project.Sources, Has.Count.EqualTo(1));
        Assert.That(result.Report.Lines, Does.Contain(new RefiImportLine("PictureSource", 0, 1, "alleen tekstbronnen worden ingelezen")));
        Assert.That(result.Report.Lines, Does.Contain(new RefiImportLine("PictureSelection", 0, 1, "hoort bij een bron die niet wordt ingelezen")));
        Assert.That(result.Report.Lines, Does.Contain(new RefiImportLine("Coding", 1, 1, "hoort bij een bron die niet wordt ingelezen")));
        // sets are read (a project import keeps round sets and reports code groups)
        Assert.That(result.Report.Lines, Does.Contain(new RefiImportLine("Set", 1, 0, null)));
        Assert.That(result.Project.Sets.Single().Name, Is.EqualTo("Set"));
        Assert.That(result.Report.Lines, Does.Contain(new RefiImportLine("TextSource", 1, 0, null)));
    }

    [Test]
    public void RefusesAFileThatIsNotAZip() =>
        Assert.That(
            () => Import(Utf8("<Project/>")),
            Throws.TypeOf<RefiImportException>().With.Message.EqualTo("Het bestand is geen zip-archief (.qdpx)"));

    [Test]
    public void RefusesAnArchiveWithoutQde() =>
        Assert.That(
            () => Import(Zip(("sources/a.txt", Utf8("x")))),
            Throws.TypeOf<RefiImportException>().With.Message.EqualTo("Geen .qde-bestand in het archief"));

    [Test]
    public void RefusesAnArchiveWithTwoQdeFilesNamingThem() =>
        Assert.That(
            () => Import(Zip(("a.qde", Utf8(Qde(""))), ("b.qde", Utf8(Qde(""))))),
            Throws.TypeOf<RefiImportException>().With.Message.EqualTo("Meer dan één .qde-bestand in het archief: a.qde, b.qde"));

    [Test]
    public void RefusesASchemaViolationNamingTheLine()
    {
        const string Qde = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="Fout">
              <CodeBook><Codes>
                <Code guid="AA000000-0000-4000-8000-000000000001" name="zonder isCodable"/>
              </Codes></CodeBook>
            </Project>
            """;

        Assert.That(
            () => Import(Zip(("Fout.qde", Utf8(Qde)))),
            Throws.TypeOf<RefiImportException>().With.Message.StartsWith("Fout.qde voldoet niet aan het schema: regel 4: ").And.Message.Contains("isCodable"));
    }

    [Test]
    public void RefusesATextSourceWhoseFileIsMissingNamingSourceAndPath() =>
        Assert.That(
            () => Import(Zip(("project.qde", Utf8(Qde(TextSource("plainTextPath=\"internal://abc.txt\"")))))),
            Throws.TypeOf<RefiImportException>().With.Message.EqualTo("TextSource 'Verslag' verwijst naar sources/abc.txt, dat ontbreekt in het archief"));

    [Test]
    public void RefusesASelectionOutsideTheTextHoweverItsPositionsAreCounted()
    {
        // Four UTF-16 chars, two code points: up to 4 may be UTF-16 positions (the import detects that), 5 lies outside.
        var archive = Zip(("project.qde", Utf8(Qde(TextSource("", "<PlainTextContent>👍👍</PlainTextContent>", end: 5)))));

        Assert.That(
            () => Import(archive),
            Throws.TypeOf<RefiImportException>().With.Message.Contains($"PlainTextSelection {SelectionGuid} in TextSource 'Verslag' ligt buiten de tekst"));
    }

    [Test]
    public void RefusesACodingToAnUnknownCode()
    {
        var qde = Qde(TextSource("", "<PlainTextContent>Hallo wereld</PlainTextContent>")).Replace(
            $"<CodeRef targetGUID=\"{CodeGuid}\"", "<CodeRef targetGUID=\"AA000000-0000-4000-8000-0000000000FF\"", StringComparison.Ordinal);

        Assert.That(
            () => Import(Zip(("project.qde", Utf8(qde)))),
            Throws.TypeOf<RefiImportException>().With.Message.Contains("verwijst naar code AA000000-0000-4000-8000-0000000000FF, die niet in het codeboek staat"));
    }

    [Test]
    public void RefusesAnUploadOverTheSizeLimit() =>
        Assert.That(
            () => Import(Export(Project()), maxBytes: 1024),
            Throws.TypeOf<RefiImportException>().With.Message.EqualTo("Het bestand is groter dan 1 kB"));

    [Test]
    public void RefusesAnArchiveThatUnpacksToMoreThanTenTimesTheLimit()
    {
        var archive = Zip(("project.qde", Utf8(Qde(""))), ("sources/nul.txt", new byte[2 * 1024 * 1024]));

        Assert.That(archive, Has.Length.LessThan(100 * 1024));
        Assert.That(
            () => Import(archive, maxBytes: 100 * 1024),
            Throws.TypeOf<RefiImportException>().With.Message.EqualTo("Het archief pakt uit tot meer dan 1000 kB en wordt niet ingelezen"));
    }

    private static string TextSource(string pathAttribute, string content = "", int end = 5) => $"""
        <TextSource guid="{SourceGuid}" name="Verslag" {pathAttribute}>
          {content}
          <PlainTextSelection guid="{SelectionGuid}" startPosition="0" endPosition="{end}">
            <Coding guid="CC000000-0000-4000-8000-000000000002"><CodeRef targetGUID="{CodeGuid}"/></Coding>
          </PlainTextSelection>
        </TextSource>
        """;

    private static string Qde(string sources, string ns = "urn:QDA-XML:project:1.0", string after = "") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Project xmlns="{ns}" name="Extern project" origin="ATLAS.ti">
          <CodeBook><Codes><Code guid="{CodeGuid}" name="Steun" isCodable="true"/></Codes></CodeBook>
          {(sources.Length == 0 ? "" : $"<Sources>{sources}</Sources>")}
          {after}
        </Project>
        """;
}
