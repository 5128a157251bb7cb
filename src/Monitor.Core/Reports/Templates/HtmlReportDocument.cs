using System.Text;

namespace Monitor.Core.Reports.Templates;

/// <summary>The standalone HTML frame of a report (one inline style sheet, A4 print rules) and the chart figures in it.</summary>
internal static class HtmlReportDocument
{
    // Serif body and humanist sans headings from fonts found on Windows, macOS and Linux; nothing is loaded
    // from outside the document. Page numbers use a page-margin box (Chromium 131+, ignored elsewhere).
    private const string Style = """
        @page { size: A4; margin: 20mm 18mm; @bottom-right { content: counter(page) " / " counter(pages); font: 8pt "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #555; } }
        html { font-size: 11pt; }
        body { margin: 0 auto; max-width: 174mm; padding: 12mm 8mm; background: #fff; color: #1a1a1a;
          font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif; line-height: 1.45;
          hyphens: auto; overflow-wrap: break-word; }
        h1, h2, h3, h4, figcaption, table, .report-subtitle, .report-footer {
          font-family: "Segoe UI", "Source Sans 3", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
        h1, h2, h3, h4 { color: #111; line-height: 1.2; margin: 1.4em 0 0.5em; break-after: avoid; page-break-after: avoid; }
        h1 { font-size: 18pt; }
        h2 { font-size: 14pt; padding-bottom: 2pt; border-bottom: 0.75pt solid #999; }
        h3 { font-size: 12pt; }
        h4 { font-size: 11pt; }
        p, ul, ol { margin: 0 0 0.7em; }
        a { color: #0b4f8a; }
        code { font-family: "Cascadia Mono", Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
        .report-header { margin-bottom: 8mm; padding-bottom: 4mm; border-bottom: 1.5pt solid #111; }
        .report-title { font-size: 22pt; margin: 0; border: 0; padding: 0; }
        .report-subtitle { font-size: 12pt; color: #444; margin: 2mm 0 0; }
        .report-footer { margin-top: 10mm; padding-top: 2mm; border-top: 0.75pt solid #999; font-size: 8.5pt; color: #555; }
        table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1.2em; font-size: 9.5pt; font-variant-numeric: tabular-nums;
          break-inside: avoid; page-break-inside: avoid; }
        thead { display: table-header-group; }
        th, td { text-align: left; vertical-align: top; padding: 2.5pt 6pt 2.5pt 0; }
        th { font-weight: 600; border-bottom: 1pt solid #333; }
        td { border-bottom: 0.5pt solid #ccc; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        figure { margin: 1em 0 1.4em; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-size: 9.5pt; color: #333; margin-bottom: 2mm; }
        .chart-title { font-weight: 600; color: #111; }
        .chart-image svg { display: block; max-width: 100%; height: auto; }
        table.chart-data { width: auto; min-width: 50%; margin: 2mm 0 0; font-size: 8.5pt; }
        table.chart-data td + td, table.chart-data th + th { text-align: right; padding-left: 10pt; }
        @media screen and (max-width: 40rem) {
          body { padding: 4mm 3mm; }
          table { display: block; overflow-x: auto; }
        }
        @media print {
          body { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
          table, figure { break-inside: avoid; page-break-inside: avoid; }
          p { orphans: 3; widows: 3; }
        }
        """;

    // A one-pager: smaller type, tighter margins and spacing, so it prints on one A4 page.
    private const string OnePageStyle = """
        @page { size: A4; margin: 12mm 14mm; @bottom-right { content: none; } }
        html { font-size: 9.5pt; }
        body { line-height: 1.3; padding: 8mm 6mm; }
        h2 { font-size: 11.5pt; margin: 0.9em 0 0.3em; }
        .report-header { margin-bottom: 4mm; padding-bottom: 2mm; }
        .report-title { font-size: 18pt; }
        .report-subtitle { font-size: 10pt; }
        .report-footer { margin-top: 4mm; font-size: 7.5pt; }
        table { font-size: 8.5pt; margin: 0.2em 0 0.6em; }
        p, ul, ol { margin: 0 0 0.4em; }
        @media print {
          html { font-size: 9pt; }
          body { padding: 0; }
          h2 { margin-top: 0.7em; }
        }
        """;

    public static string Write(string bodyHtml, HtmlReportOptions options)
    {
        var html = new StringBuilder(bodyHtml.Length + Style.Length + 1024);
        html.Append("<!DOCTYPE html>\n")
            .Append("<html lang=\"").Append(Encode(options.Language)).Append("\">\n")
            .Append("<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(options.Title)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append(options.OnePage ? "\n" + OnePageStyle : "").Append("\n</style>\n</head>\n<body>\n")
            .Append("<header class=\"report-header\">\n")
            .Append("<h1 class=\"report-title\">").Append(Encode(options.Title)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(options.Subtitle))
        {
            html.Append("<p class=\"report-subtitle\">").Append(Encode(options.Subtitle)).Append("</p>\n");
        }

        html.Append("</header>\n<main>\n").Append(bodyHtml).Append("</main>\n");
        if (!string.IsNullOrWhiteSpace(options.FooterText))
        {
            html.Append("<footer class=\"report-footer\">\n<p>").Append(Encode(options.FooterText)).Append("</p>\n</footer>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>A chart as a figure: caption (title, description), the SVG as is, and its numbers in a small visible table (prints, unlike a closed &lt;details&gt;).</summary>
    public static string Figure(ReportChart chart)
    {
        var html = new StringBuilder(chart.Svg.Length + 1024);
        html.Append("<figure class=\"chart\">\n<figcaption>");
        html.Append("<span class=\"chart-title\">").Append(Encode(chart.Title)).Append("</span>");
        if (!string.IsNullOrWhiteSpace(chart.Description))
        {
            html.Append(" <span class=\"chart-description\">").Append(Encode(chart.Description)).Append("</span>");
        }

        html.Append("</figcaption>\n<div class=\"chart-image\">\n").Append(WithoutXmlDeclaration(chart.Svg)).Append("\n</div>\n");
        var columns = Math.Max(chart.Data.Headers.Count, chart.Data.Rows.Max(row => row.Count));
        html.Append("<table class=\"chart-data\">\n<thead>\n");
        AppendRow(html, chart.Data.Headers, columns, "th");
        html.Append("</thead>\n<tbody>\n");
        foreach (var row in chart.Data.Rows)
        {
            AppendRow(html, row, columns, "td");
        }

        return html.Append("</tbody>\n</table>\n</figure>").ToString();
    }

    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return encoded.ToString();
    }

    private static void AppendRow(StringBuilder html, IReadOnlyList<string> cells, int columns, string tag)
    {
        html.Append("<tr>");
        for (var i = 0; i < columns; i++)
        {
            html.Append('<').Append(tag).Append('>').Append(Encode(i < cells.Count ? cells[i] : "")).Append("</").Append(tag).Append('>');
        }

        html.Append("</tr>\n");
    }

    // The chart renderer omits it, but an SVG from elsewhere may carry one, and it has no place inside HTML.
    private static string WithoutXmlDeclaration(string svg)
    {
        var trimmed = svg.Trim();
        if (trimmed.StartsWith("<?xml", StringComparison.Ordinal))
        {
            var end = trimmed.IndexOf("?>", StringComparison.Ordinal);
            return end < 0 ? trimmed : trimmed[(end + 2)..].TrimStart();
        }

        return trimmed;
    }
}
