using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Monitor.Core.Coding.Text;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Monitor.Core.Tests.Coding.Text;

public sealed class DocumentTextTests
{
    [Test]
    public void ReadsUtf8WithByteOrderMarkAndNormalizes()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Verslag\r\nclie\u0308nt 👍\r\n")];
        Assert.That(Read("verslag.txt", bytes), Is.EqualTo("Verslag\ncliënt 👍\n"));
    }

    [Test]
    public void ReadsUtf8WithoutByteOrderMark()
    {
        Assert.That(Read("notities.TXT", Encoding.UTF8.GetBytes("Zoë")), Is.EqualTo("Zoë"));
    }

    [Test]
    public void ReadsWindows1252WhenTheBytesAreNotUtf8()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("cli"), 0xEB, .. Encoding.ASCII.GetBytes("nt "), 0x80];
        Assert.That(Read("oud.txt", bytes), Is.EqualTo("cliënt €"));
    }

    [Test]
    [Description("issue #26: a text read as Windows-1252 is said so, so the person can check the letters")]
    public void SaysSoWhenItReadsWindows1252()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("cli"), 0xEB, .. Encoding.ASCII.GetBytes("nt")];
        var read = DocumentText.Read("oud.txt", new MemoryStream(bytes));
        Assert.That(read.Notice, Does.Contain("Windows-1252").And.Contain("oud.txt"));
        Assert.That(DocumentText.Read("nieuw.txt", new MemoryStream(Encoding.UTF8.GetBytes("cliënt"))).Notice, Is.Null);
    }

    [Test]
    [Description("issue #26: a file that says it is UTF-8 but is damaged is refused instead of stored garbled")]
    public void RefusesDamagedUtf8WithAByteOrderMark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes("cli"), 0xEB, .. Encoding.ASCII.GetBytes("nt")];
        Assert.That(() => DocumentText.Read("kapot.txt", new MemoryStream(bytes)),
            Throws.TypeOf<DocumentTextException>().With.Message.Contains("kapot.txt").And.Message.Contains("ongeldige bytes"));
    }

    [Test]
    public void RefusesABinaryFileWithATextName()
    {
        byte[] bytes = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x00, 0x01, 0x02, 0x9C, 0xFF];
        Assert.That(() => DocumentText.Read("eigenlijk-pdf.txt", new MemoryStream(bytes)),
            Throws.TypeOf<DocumentTextException>().With.Message.Contains("geen tekstbestand"));
    }

    [Test]
    public void ReadsUtf16WithByteOrderMark()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("cliënt")];
        Assert.That(Read("kladblok.txt", bytes), Is.EqualTo("cliënt"));
    }

    [Test]
    public void ReadsMarkdownAsPlainText()
    {
        Assert.That(Read("agenda.md", Encoding.UTF8.GetBytes("# Agenda\r\n\r\n- punt *één*\r\n")), Is.EqualTo("# Agenda\n\n- punt *één*\n"));
    }

    [Test]
    public void ReadsWordParagraphsTablesTabsAndBreaks()
    {
        var docx = CreateDocx(
            Paragraph(new Run(new WordText("Eerste"), new TabChar(), new WordText("alinea"))),
            Paragraph(new Run(new WordText("Tweede ")), new Hyperlink(new Run(new WordText("alinea"))), new Run(new Break(), new WordText("met regel"))),
            Paragraph(),
            new Table(
                new TableRow(Cell("Naam"), Cell("Rol")),
                new TableRow(Cell("Zoë"), new TableCell(Paragraph(new Run(new WordText("arts"))), Paragraph(new Run(new WordText("onderzoeker")))))),
            Paragraph(new Run(new WordText("Slot") { Space = SpaceProcessingModeValues.Preserve }, new DeletedText("weg"))));
        Assert.That(
            Read("verslag.docx", docx),
            Is.EqualTo("Eerste\talinea\n\nTweede alinea\nmet regel\n\nNaam\tRol\nZoë\tarts onderzoeker\n\nSlot"));
    }

    [Test]
    public void RefusesATextFileNamedDocx()
    {
        Assert.That(
            () => Read("verslag.docx", Encoding.UTF8.GetBytes("dit is gewoon tekst")),
            Throws.TypeOf<DocumentTextException>().With.Message.EqualTo("'verslag.docx' is geen Word-bestand (.docx)."));
    }

    [Test]
    public void RefusesAZipThatIsNotAWordDocument()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("hallo.txt").Open());
            writer.Write("hallo");
        }

        Assert.That(
            () => Read("C:\\map\\archief.docx", zip.ToArray()),
            Throws.TypeOf<DocumentTextException>().With.Message.StartsWith("'archief.docx' is geen Word-bestand"));
    }

    [TestCase("rapport.pdf")]
    [TestCase("oud.doc")]
    [TestCase("zonder-extensie")]
    public void RefusesOtherExtensions(string fileName)
    {
        Assert.That(
            () => Read(fileName, Encoding.UTF8.GetBytes("tekst")),
            Throws.TypeOf<DocumentTextException>().With.Message.EqualTo($"'{fileName}': alleen .txt, .md en .docx kunnen worden ingelezen."));
    }

    [Test]
    public void RefusesFilesOverTheLimit()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', (int)DocumentText.MaxUploadBytes + 1));
        Assert.That(
            () => Read("groot.txt", bytes),
            Throws.TypeOf<DocumentTextException>().With.Message.EqualTo("'groot.txt' is groter dan 2 MB."));
        Assert.That(
            () => DocumentText.Read("klein.txt", new UnseekableStream(Encoding.UTF8.GetBytes("elf tekens!")), maxBytes: 10),
            Throws.TypeOf<DocumentTextException>().With.Message.EqualTo("'klein.txt' is groter dan 10 bytes."));
        Assert.That(DocumentText.Read("klein.txt", new UnseekableStream(Encoding.UTF8.GetBytes("tien tekens")), maxBytes: 11).Text, Is.EqualTo("tien tekens"));
    }

    [Test]
    public void RefusesTextsWithTooManyCodePoints()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("👍", DocumentText.MaxCodePoints / 2)) + new string('a', DocumentText.MaxCodePoints / 2 + 1));
        Assert.That(
            () => Read("lang.txt", bytes),
            Throws.TypeOf<DocumentTextException>().With.Message.StartsWith("'lang.txt' bevat meer dan 500.000 tekens"));
        var atLimit = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("👍", DocumentText.MaxCodePoints / 2)) + new string('a', DocumentText.MaxCodePoints / 2));
        Assert.That(CodePoints.Length(Read("precies.txt", atLimit)), Is.EqualTo(DocumentText.MaxCodePoints));
    }

    [TestCase(new byte[0])]
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF })]
    [TestCase(new byte[] { 0x0D, 0x0A, 0x20, 0x09 })]
    public void RefusesEmptyTexts(byte[] bytes)
    {
        Assert.That(
            () => Read("leeg.txt", bytes),
            Throws.TypeOf<DocumentTextException>().With.Message.EqualTo("'leeg.txt' is leeg."));
    }

    [Test]
    public void RefusesAWordDocumentWithoutText()
    {
        Assert.That(
            () => Read("leeg.docx", CreateDocx(Paragraph())),
            Throws.TypeOf<DocumentTextException>().With.Message.EqualTo("'leeg.docx' is leeg."));
    }

    private static string Read(string fileName, byte[] bytes) => DocumentText.Read(fileName, new MemoryStream(bytes)).Text;

    private static Paragraph Paragraph(params OpenXmlElement[] children) => new(children);

    private static TableCell Cell(string text) => new(Paragraph(new Run(new WordText(text))));

    private static byte[] CreateDocx(params OpenXmlElement[] blocks)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(blocks));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
