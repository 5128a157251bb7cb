using System.Text;

namespace Monitor.Core.Reports.Templates;

/// <summary>Writes plain text from the application as Markdown that shows it literally.</summary>
internal static class MarkdownText
{
    public const string NoData = "_Nog geen gegevens._";

    public const string MissingValue = "–";

    // Backslash escapes are valid before any ASCII punctuation and always render the character itself, so
    // escaping too much only costs readability of the raw Markdown. These are the characters that start
    // inline syntax in the project's pipeline (emphasis extras add ~ ^ + =; pipe tables add |).
    private const string InlineSyntax = "\\`*_[]<>|~^+=&#";

    /// <summary>
    /// Escapes text for use inside a Markdown line: inline syntax characters are backslash-escaped, line
    /// breaks and tabs become spaces (a scalar must not start a new block), leading list or heading markers
    /// are escaped, and the result is trimmed (trailing spaces would make a hard line break).
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var flat = Flatten(text).Trim();
        var escaped = new StringBuilder(flat.Length + 8);
        for (var i = 0; i < flat.Length; i++)
        {
            var c = flat[i];
            if (InlineSyntax.Contains(c) || (i == 0 && c == '-') || IsOrderedListMarker(flat, i))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>A table as Markdown lines: optional caption, then a pipe table, or its empty text when it has no rows.</summary>
    public static IReadOnlyList<string> Table(ReportTable? table, bool withCaption)
    {
        if (table is null)
        {
            return [NoData];
        }

        var lines = new List<string>();
        if (withCaption && !string.IsNullOrWhiteSpace(table.Caption))
        {
            lines.Add("*" + Escape(table.Caption) + "*");
            lines.Add("");
        }

        if (table.Rows.Count == 0)
        {
            lines.Add(string.IsNullOrWhiteSpace(table.EmptyText) ? NoData : "_" + Escape(table.EmptyText) + "_");
            return lines;
        }

        var columns = Math.Max(1, Math.Max(table.Headers.Count, table.Rows.Max(row => row.Count)));
        lines.Add(Row(table.Headers, columns));
        lines.Add("|" + string.Concat(Enumerable.Repeat(" --- |", columns)));
        lines.AddRange(table.Rows.Select(row => Row(row, columns)));
        return lines;
    }

    /// <summary>A chart in Markdown: bold title, description, and its numbers as a table.</summary>
    public static IReadOnlyList<string> Chart(ReportChart? chart)
    {
        if (chart is null || chart.Data.Rows.Count == 0)
        {
            return [NoData];
        }

        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(chart.Title))
        {
            lines.Add("**" + Escape(chart.Title) + "**");
            lines.Add("");
        }

        if (!string.IsNullOrWhiteSpace(chart.Description))
        {
            lines.Add(Escape(chart.Description));
            lines.Add("");
        }

        lines.AddRange(Table(chart.Data, withCaption: false));
        return lines;
    }

    /// <summary>A Markdown fragment from the application, split into lines; <see cref="NoData"/> when blank.</summary>
    public static IReadOnlyList<string> Fragment(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown)
            ? [NoData]
            : markdown.ReplaceLineEndings("\n").Trim('\n').Split('\n');

    private static string Row(IReadOnlyList<string> cells, int columns) =>
        "| " + string.Join(" | ", Enumerable.Range(0, columns).Select(i => i < cells.Count ? Escape(cells[i]) : "")) + " |";

    private static string Flatten(string text)
    {
        var flat = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            flat.Append(c is '\r' or '\n' or '\t' or '\f' or '\v' or '\u0085' or '\u2028' or '\u2029' ? ' ' : c);
        }

        return flat.ToString();
    }

    // "1. " or "12)" at the start would begin an ordered list when the value starts a template line ("3.5" would not).
    private static bool IsOrderedListMarker(string text, int index)
    {
        if (index == 0 || index > 9 || (text[index] != '.' && text[index] != ')') || (index + 1 < text.Length && text[index + 1] != ' '))
        {
            return false;
        }

        return text.AsSpan(0, index).IndexOfAnyExceptInRange('0', '9') < 0;
    }
}
