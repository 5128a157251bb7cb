namespace Monitor.Core.Reports.Templates;

/// <summary>
/// A report template: Markdown with placeholders (<c>{{waarde KEY}}</c>, <c>{{tabel KEY}}</c>,
/// <c>{{tekst KEY}}</c>, <c>{{grafiek KEY}}</c>, <c>{{#als KEY}} … {{/als}}</c>, <c>{{! commentaar }}</c>),
/// rendered to Markdown or to a standalone, print-ready HTML document. A placeholder stays on one line;
/// tables, texts, charts and the <c>als</c> markers stand on a line of their own. Every "{{" starts a
/// placeholder, also inside code blocks. Keys the data lacks render as empty ("–" for a value,
/// "_Nog geen gegevens._" for a block); <see cref="Validate"/> is what catches unknown names.
/// Immutable after parsing; rendering is thread-safe.
/// </summary>
public sealed class ReportTemplate
{
    /// <summary>The longest template text accepted, in characters.</summary>
    public const int MaxLength = 100_000;

    /// <summary>The most placeholders (comments included) a template may hold.</summary>
    public const int MaxPlaceholders = 2_000;

    private readonly IReadOnlyList<TemplateNode> _nodes;
    private readonly IReadOnlyList<string> _written;

    private ReportTemplate(ParsedTemplate parsed)
    {
        _nodes = parsed.Nodes;
        _written = parsed.Written;
        Placeholders = parsed.Placeholders;
    }

    /// <summary>Every placeholder in template order (<c>{{/als}}</c> and comments excluded).</summary>
    public IReadOnlyList<Placeholder> Placeholders { get; }

    /// <summary>Parses a template; throws <see cref="TemplateException"/> listing every syntax error with its 1-based line.</summary>
    public static ReportTemplate Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return new ReportTemplate(TemplateParser.Parse(markdown));
    }

    /// <summary>
    /// The placeholders whose key is not among the known keys of their kind, in template order. A
    /// <c>{{#als KEY}}</c> accepts a key known for any kind; a kind missing from <paramref name="known"/> knows no keys.
    /// </summary>
    public IReadOnlyList<TemplateError> Validate(IReadOnlyDictionary<PlaceholderKind, IReadOnlySet<string>> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var errors = new List<TemplateError>();
        for (var i = 0; i < Placeholders.Count; i++)
        {
            var placeholder = Placeholders[i];
            var isKnown = placeholder.Kind == PlaceholderKind.Als
                ? known.Values.Any(keys => keys.Contains(placeholder.Key))
                : known.TryGetValue(placeholder.Kind, out var keys) && keys.Contains(placeholder.Key);
            if (!isKnown)
            {
                errors.Add(new TemplateError(placeholder.Line, _written[i], $"Onbekende plaatshouder '{PlaceholderKeywords.Of(placeholder.Kind)} {placeholder.Key}'"));
            }
        }

        return errors;
    }

    /// <summary>Throws <see cref="TemplateException"/> when <see cref="Validate"/> finds unknown keys.</summary>
    public void EnsureValid(IReadOnlyDictionary<PlaceholderKind, IReadOnlySet<string>> known)
    {
        var errors = Validate(known);
        if (errors.Count > 0)
        {
            throw new TemplateException(errors);
        }
    }

    /// <summary>The report as Markdown (LF line ends, one final newline); charts appear as title, description and numbers table.</summary>
    public string RenderMarkdown(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var output = new MarkdownOutput();
        Write(_nodes, data, output, charts: null);
        return output.ToString();
    }

    /// <summary>
    /// The report as a complete HTML document with inline print styles (A4). The Markdown goes through the
    /// project's Markdig pipeline (raw HTML shown as text, unsafe links neutralised); each chart becomes a
    /// figure with its SVG inline, caption and numbers table.
    /// </summary>
    public string RenderHtml(ReportData data, HtmlReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var output = new MarkdownOutput();
        var charts = new ChartMarkers();
        Write(_nodes, data, output, charts);
        var body = charts.Replace(MarkdownRenderer.ToHtml(output.ToString()));
        return HtmlReportDocument.Write(body, options);
    }

    /// <summary>
    /// The Markdown deliverable with its charts as images: a zip holding <c>rapport.md</c>, in which each chart is an image
    /// link to <c>grafieken/grafiek-NN.png</c> followed by its title, description and numbers table, and those PNG files.
    /// A chart without data keeps its "no data" line and no image. <paramref name="header"/> goes above the report.
    /// </summary>
    public byte[] RenderMarkdownPackage(ReportData data, string header)
    {
        ArgumentNullException.ThrowIfNull(data);
        var output = new MarkdownOutput();
        var charts = new ChartMarkers();
        Write(_nodes, data, output, charts);
        var images = new List<(string Path, byte[] Png)>();
        var markdown = charts.ReplaceInMarkdown(output.ToString(), (number, chart) =>
        {
            var table = string.Join("\n", MarkdownText.Chart(chart));
            if (chart.Png is not { } png)
            {
                return table;
            }

            var path = $"grafieken/grafiek-{number.ToString("00", System.Globalization.CultureInfo.InvariantCulture)}.png";
            images.Add((path, png));
            return $"![{MarkdownText.Escape(chart.Title)}]({path})\n\n{table}";
        });
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("rapport.md");
            using (var writer = new StreamWriter(entry.Open(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                writer.Write(header + markdown);
            }

            foreach (var (path, png) in images)
            {
                using var image = zip.CreateEntry(path, System.IO.Compression.CompressionLevel.NoCompression).Open();
                image.Write(png);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The report as a Word document (<see cref="WordReportDocument"/>): headings, tables and the charts as PNG images.</summary>
    public byte[] RenderDocx(ReportData data, string title, string subtitle)
    {
        ArgumentNullException.ThrowIfNull(data);
        var output = new MarkdownOutput();
        var charts = new ChartMarkers();
        Write(_nodes, data, output, charts);
        return WordReportDocument.Write(output.ToString(), charts, title, subtitle);
    }

    private static void Write(IReadOnlyList<TemplateNode> nodes, ReportData data, MarkdownOutput output, ChartMarkers? charts)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Line(string.Concat(text.Parts.Select(part => part.IsValue ? Value(data, part.Text) : part.Text)));
                    break;
                case BlockNode { Kind: PlaceholderKind.Tabel } table:
                    output.Block(MarkdownText.Table(data.Tables.GetValueOrDefault(table.Key), withCaption: true));
                    break;
                case BlockNode { Kind: PlaceholderKind.Tekst } fragment:
                    output.Block(MarkdownText.Fragment(data.Texts.GetValueOrDefault(fragment.Key)));
                    break;
                case BlockNode { Kind: PlaceholderKind.Grafiek } chart when charts is not null && data.HasChart(chart.Key):
                    output.Block([charts.Add(data.Charts[chart.Key])]);
                    break;
                case BlockNode { Kind: PlaceholderKind.Grafiek } chart:
                    output.Block(MarkdownText.Chart(data.Charts.GetValueOrDefault(chart.Key)));
                    break;
                case ConditionalNode section:
                    if (data.HasData(section.Key))
                    {
                        Write(section.Children, data, output, charts);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Unexpected template node {node}.");
            }
        }
    }

    private static string Value(ReportData data, string key) =>
        data.HasValue(key) ? MarkdownText.Escape(data.Values[key]) : MarkdownText.MissingValue;
}
