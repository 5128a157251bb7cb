using System.Buffers.Binary;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Md = Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Monitor.Core.Reports.Templates;

/// <summary>
/// Writes a report as a Word document (.docx) for researchers who edit it before they send it: the rendered Markdown
/// becomes real headings (Kop 1–3), paragraphs with bold and italic, lists, quotes and Word tables; every chart is its
/// PNG image with the title as caption, the description and the numbers table beside it.
/// </summary>
internal static class WordReportDocument
{
    private const long MaxWidthEmu = 16L * 360_000; // 16 cm: an A4 page with 2.5 cm margins

    public static byte[] Write(string markdown, ChartMarkers charts, string title, string subtitle)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main);
            var body = main.Document.Body!;
            body.Append(Styled("Title", [new Run(new Text(title))]));
            if (subtitle.Length > 0)
            {
                body.Append(Styled("Subtitle", [new Run(new Text(subtitle))]));
            }

            var writer = new Writer(main, body, charts);
            foreach (var block in MarkdownRenderer.Parse(markdown))
            {
                writer.Block(block, quoted: false);
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1418, Bottom = 1418, Left = 1418, Right = 1418, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private sealed class Writer(MainDocumentPart main, Body body, ChartMarkers charts)
    {
        private uint _images;

        public void Block(Block block, bool quoted)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    // the report's own title is the document title; Markdown ## becomes Kop 1
                    body.Append(Styled($"Heading{Math.Clamp(heading.Level - 1, 1, 3)}", Runs(heading.Inline, bold: false, italic: false)));
                    break;
                case ParagraphBlock paragraph when charts.Find(PlainText(paragraph.Inline)) is { } chart:
                    Chart(chart);
                    break;
                case ParagraphBlock paragraph:
                    var runs = Runs(paragraph.Inline, bold: false, italic: quoted);
                    body.Append(quoted ? Indented(runs) : new Paragraph(runs));
                    break;
                case ListBlock list:
                    var number = 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? $"{number++}. " : "• ";
                        foreach (var paragraph in item.OfType<ParagraphBlock>())
                        {
                            body.Append(Indented([new Run(new Text(marker) { Space = SpaceProcessingModeValues.Preserve }), .. Runs(paragraph.Inline, bold: false, italic: quoted)]));
                            marker = "";
                        }
                    }

                    break;
                case QuoteBlock quote:
                    foreach (var child in quote)
                    {
                        Block(child, quoted: true);
                    }

                    break;
                case Md.Table table:
                    TableOf(table.OfType<Md.TableRow>().Select(row => (row.IsHeader, row.OfType<Md.TableCell>().Select(cell => cell.OfType<ParagraphBlock>().FirstOrDefault()?.Inline).ToList())).ToList());
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Block(child, quoted);
                    }

                    break;
                default:
                    break; // thematic breaks, code and HTML blocks carry nothing a report needs in Word
            }
        }

        private void TableOf(List<(bool Header, List<ContainerInline?> Cells)> rows)
        {
            var table = new Table(new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
            var columns = rows.Count == 0 ? 1 : rows.Max(r => r.Cells.Count);
            table.Append(new TableGrid([.. Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (9070 / columns).ToString(System.Globalization.CultureInfo.InvariantCulture) })]));
            foreach (var (header, cells) in rows)
            {
                var row = new DocumentFormat.OpenXml.Wordprocessing.TableRow();
                if (header)
                {
                    row.Append(new TableRowProperties(new TableHeader()));
                }

                foreach (var cell in cells)
                {
                    row.Append(new DocumentFormat.OpenXml.Wordprocessing.TableCell(new Paragraph(Runs(cell, bold: header, italic: false))));
                }

                table.Append(row);
            }

            body.Append(table);
            body.Append(new Paragraph());
        }

        private void Chart(ReportChart chart)
        {
            body.Append(Styled("Caption", [new Run(new Text(chart.Title))]));
            if (chart.Png is { Length: > 24 } png)
            {
                body.Append(new Paragraph(new Run(Image(png))));
            }

            if (chart.Description.Length > 0)
            {
                body.Append(new Paragraph(new Run(new RunProperties(new Italic()), new Text(chart.Description))));
            }

            if (chart.Data.Rows.Count > 0)
            {
                var rows = new List<(bool, List<ContainerInline?>)> { (true, [.. chart.Data.Headers.Select(Literal)]) };
                rows.AddRange(chart.Data.Rows.Select(r => (false, r.Select(Literal).ToList())));
                TableOf(rows);
            }
        }

        private static ContainerInline? Literal(string text) => new ContainerInline().AppendChild(new LiteralInline(text));

        private Drawing Image(byte[] png)
        {
            var part = main.AddImagePart(ImagePartType.Png);
            using (var data = new MemoryStream(png))
            {
                part.FeedData(data);
            }

            // PNG header: width and height in pixels at bytes 16 and 20; drawn at 96 dpi, never wider than the page
            var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
            var cx = Math.Min(MaxWidthEmu, width * 9525L);
            var cy = width == 0 ? 0 : cx * height / width;
            var id = ++_images;
            var relationship = main.GetIdOfPart(part);
            return new Drawing(new Dw.Inline(
                new Dw.Extent { Cx = cx, Cy = cy },
                new Dw.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
                new Dw.DocProperties { Id = id, Name = $"Grafiek {id}" },
                new Dw.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new Pic.Picture(
                        new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0U, Name = $"grafiek{id}.png" }, new Pic.NonVisualPictureDrawingProperties()),
                        new Pic.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                        new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        }
    }

    private static Paragraph Styled(string style, IEnumerable<OpenXmlElement> runs) =>
        new([new ParagraphProperties(new ParagraphStyleId { Val = style }), .. runs]);

    private static Paragraph Indented(IEnumerable<OpenXmlElement> runs) =>
        new([new ParagraphProperties(new Indentation { Left = "567" }), .. runs]);

    private static string PlainText(ContainerInline? inlines) =>
        inlines is null ? "" : string.Concat(inlines.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();

    private static List<OpenXmlElement> Runs(ContainerInline? inlines, bool bold, bool italic)
    {
        var runs = new List<OpenXmlElement>();
        if (inlines is not null)
        {
            Add(inlines, bold, italic);
        }

        return runs;

        void Add(ContainerInline container, bool b, bool i)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        runs.Add(Run(literal.Content.ToString(), b, i));
                        break;
                    case CodeInline code:
                        runs.Add(Run(code.Content, b, i));
                        break;
                    case AutolinkInline link:
                        runs.Add(Run(link.Url, b, i));
                        break;
                    case LineBreakInline:
                        runs.Add(Run(" ", b, i));
                        break;
                    case EmphasisInline emphasis:
                        Add(emphasis, b || emphasis.DelimiterCount >= 2, i || emphasis.DelimiterCount == 1);
                        break;
                    case ContainerInline nested:
                        Add(nested, b, i);
                        break;
                    default:
                        break;
                }
            }
        }
    }

    private static Run Run(string text, bool bold, bool italic)
    {
        var run = new Run();
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold)
            {
                properties.Append(new Bold());
            }

            if (italic)
            {
                properties.Append(new Italic());
            }

            run.Append(properties);
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "21" }, new Languages { Val = "nl-NL" }))),
            Style("Normal", "Standaard", null, 0, bold: false),
            Style("Title", "Titel", "Normal", 36, bold: true),
            Style("Subtitle", "Ondertitel", "Normal", 24, bold: false),
            Style("Heading1", "Kop 1", "Normal", 30, bold: true, outline: 0),
            Style("Heading2", "Kop 2", "Normal", 26, bold: true, outline: 1),
            Style("Heading3", "Kop 3", "Normal", 22, bold: true, outline: 2),
            Style("Caption", "Bijschrift", "Normal", 21, bold: true),
            new Style(new StyleName { Val = "Table Grid" }) { Type = StyleValues.Table, StyleId = "TableGrid" });
        styles.Styles.Save();
    }

    private static Style Style(string id, string name, string? basedOn, int halfPoints, bool bold, int? outline = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = id == "Normal" ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new PrimaryStyle());
        // schema order: keepNext, spacing, outlineLvl
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.Append(new KeepNext());
        }

        paragraph.Append(new SpacingBetweenLines { Before = outline is null ? "0" : "240", After = "120" });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        style.Append(paragraph);
        if (halfPoints > 0)
        {
            var run = new StyleRunProperties();
            if (bold)
            {
                run.Append(new Bold());
            }

            run.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            style.Append(run);
        }

        return style;
    }
}
