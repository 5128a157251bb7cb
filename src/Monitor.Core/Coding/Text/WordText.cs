using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordprocessingText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Monitor.Core.Coding.Text;

/// <summary>
/// The text of a Word document's main body: paragraphs in order, joined by a blank line (empty paragraphs are
/// skipped); tabs become \t and line breaks \n; a table becomes one block with cells separated by \t and rows by \n,
/// the paragraphs inside one cell joined by a space. Headers, footers, footnotes, comments, deleted revisions and
/// text boxes are left out.
/// </summary>
internal static class WordText
{
    // Word text packs about 3 to 10 times; a 2 MB upload unpacks to well under this, a zip bomb does not.
    private const long MaxCharactersInPart = 40_000_000;

    public static string Read(string name, byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new DocumentTextException($"'{name}' is geen Word-bestand (.docx): het heeft geen documenttekst.");
            var writer = new BlockWriter(name);
            writer.WriteBlocks(body);
            return writer.ToString();
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException
            or InvalidOperationException or ArgumentException)
        {
            // A damaged or foreign package surfaces as any of these (see PlanXlsx.Import).
            throw new DocumentTextException($"'{name}' is geen Word-bestand (.docx).", e);
        }
    }

    private sealed class BlockWriter(string name)
    {
        private readonly StringBuilder _text = new();

        public void WriteBlocks(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph paragraph:
                        AppendBlock(ParagraphText(paragraph));
                        break;
                    case Table table:
                        AppendBlock(TableText(table));
                        break;
                    case SdtBlock { SdtContentBlock: { } content }:
                        WriteBlocks(content);
                        break;
                    case CustomXmlBlock customXml:
                        WriteBlocks(customXml);
                        break;
                }
            }
        }

        public override string ToString() => _text.ToString();

        private void AppendBlock(string block)
        {
            if (block.Length == 0)
            {
                return;
            }

            if (_text.Length > 0)
            {
                _text.Append("\n\n");
            }

            _text.Append(block);
            // Code points never outnumber UTF-16 units, so twice the limit is a safe early stop for huge documents.
            if (_text.Length > 2L * DocumentText.MaxCodePoints)
            {
                throw DocumentText.TooLong(name);
            }
        }

        private static string TableText(Table table)
        {
            var rows = table.Elements<TableRow>().Select(row => string.Join('\t', row.Elements<TableCell>().Select(CellText)));
            return string.Join('\n', rows).TrimEnd('\n');
        }

        private static string CellText(TableCell cell) =>
            string.Join(' ', cell.Descendants<Paragraph>().Select(ParagraphText).Where(p => p.Length > 0));

        private static string ParagraphText(Paragraph paragraph)
        {
            var text = new StringBuilder();
            AppendInline(paragraph, text);
            return text.ToString();
        }

        private static void AppendInline(OpenXmlElement element, StringBuilder text)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case WordprocessingText t:
                        text.Append(t.Text);
                        break;
                    case TabChar or PositionalTab:
                        text.Append('\t');
                        break;
                    case Break or CarriageReturn:
                        text.Append('\n');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    // Drawings and embedded objects hold text boxes, often twice (choice and fallback); properties
                    // hold tab stops, not tabs; deleted revisions and field codes are not visible text.
                    case Drawing or Picture or EmbeddedObject or AlternateContent or ParagraphProperties or RunProperties
                        or DeletedRun or DeletedText or FieldCode or DeletedFieldCode:
                        break;
                    default:
                        AppendInline(child, text);
                        break;
                }
            }
        }
    }
}
