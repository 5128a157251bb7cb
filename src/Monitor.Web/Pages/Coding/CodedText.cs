using System.Text;
using Monitor.Core.Coding.Text;

namespace Monitor.Web.Pages.Coding;

/// <summary>How a run of the minutes reads: its Markdown markers hidden, its text bold, italic, code or a heading.</summary>
[Flags]
public enum TextStyle
{
    None = 0,
    Marker = 1,
    Bold = 2,
    Italic = 4,
    Code = 8,
    Heading = 16,
}

/// <summary>
/// One run of text between coding boundaries, with the codings that cover it (offsets in code points). In minutes it
/// holds its <see cref="Runs"/>: the pieces of one style (empty when it is plain text throughout).
/// </summary>
public sealed record TextSegment(int Start, int End, string Text, IReadOnlyList<long> CodingIds)
{
    public IReadOnlyList<StyledRun> Runs { get; init; } = [];
}

/// <summary>A piece of a segment in one style, from code point <paramref name="Start"/>.</summary>
public sealed record StyledRun(int Start, string Text, TextStyle Style);

/// <summary>
/// Cuts a text at every coding boundary so the page can mark coded runs without touching offsets. For minutes
/// (Markdown) each segment is also cut where the inline style changes: every stored character stays in the page in a
/// run with its offset, the markers only hidden by the stylesheet, so a selection still maps to the stored text.
/// </summary>
public static class CodedText
{
    public static IReadOnlyList<TextSegment> Segments(string text, IReadOnlyList<Monitor.Core.Coding.Coding> codings, bool markdown = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(codings);
        var length = CodePoints.Length(text);
        var styles = markdown ? InlineMarkdown(text) : null;
        var cuts = new SortedSet<int> { 0, length };
        foreach (var coding in codings)
        {
            cuts.Add(Math.Clamp(coding.Start, 0, length));
            cuts.Add(Math.Clamp(coding.End, 0, length));
        }

        var segments = new List<TextSegment>();
        var points = cuts.ToList();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (start, end) = (points[i], points[i + 1]);
            if (start == end)
            {
                continue;
            }

            var covering = codings.Where(c => c.Start <= start && c.End >= end).Select(c => c.Id).ToList();
            var segmentText = CodePoints.Slice(text, start, end);
            segments.Add(new TextSegment(start, end, segmentText, covering) { Runs = styles is null ? [] : Runs(segmentText, start, styles) });
        }

        return segments;
    }

    // The pieces of one style in a segment; none when the segment is plain text throughout.
    private static List<StyledRun> Runs(string segmentText, int start, TextStyle[] styles)
    {
        var points = segmentText.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var runs = new List<StyledRun>();
        var from = 0;
        for (var i = 1; i <= points.Length; i++)
        {
            if (i == points.Length || styles[start + i] != styles[start + from])
            {
                runs.Add(new StyledRun(start + from, string.Concat(points[from..i]), styles[start + from]));
                from = i;
            }
        }

        return runs is [{ Style: TextStyle.None }] ? [] : runs;
    }

    /// <summary>
    /// The style of each code point of Markdown text, as far as a line reads: a heading's leading #'s, **bold**,
    /// *italic* or _italic_ and `code`; the markers themselves are <see cref="TextStyle.Marker"/>. Lists, links and
    /// anything else stay as they are written.
    /// </summary>
    public static TextStyle[] InlineMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var c = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var styles = new TextStyle[c.Length];
        var lineStart = 0;
        while (lineStart <= c.Length)
        {
            var lineEnd = Array.IndexOf(c, "\n", lineStart);
            lineEnd = lineEnd < 0 ? c.Length : lineEnd;
            StyleLine(c, styles, lineStart, lineEnd);
            lineStart = lineEnd + 1;
        }

        return styles;
    }

    private static void StyleLine(string[] c, TextStyle[] styles, int start, int end)
    {
        var i = start;
        var hashes = 0;
        while (i + hashes < end && c[i + hashes] == "#" && hashes < 6)
        {
            hashes++;
        }

        if (hashes > 0 && i + hashes < end && c[i + hashes] == " ")
        {
            Fill(styles, i, i + hashes + 1, TextStyle.Marker);
            Fill(styles, i + hashes + 1, end, TextStyle.Heading);
            i += hashes + 1;
        }

        while (i < end)
        {
            if (c[i] == "`" && Find(c, "`", i + 1, end) is { } code && code > i + 1)
            {
                Wrap(styles, i, code, 1, TextStyle.Code);
                i = code + 1;
            }
            else if (c[i] == "*" && i + 1 < end && c[i + 1] == "*" && FindPair(c, "*", i + 2, end) is { } bold)
            {
                Wrap(styles, i, bold, 2, TextStyle.Bold);
                i = bold + 2;
            }
            else if (c[i] is "*" or "_" && i + 1 < end && !IsSpace(c[i + 1]) && (c[i] == "*" || i == start || !IsWordChar(c[i - 1]))
                && FindClosing(c, c[i], i + 1, end) is { } italic)
            {
                Wrap(styles, i, italic, 1, TextStyle.Italic);
                i = italic + 1;
            }
            else
            {
                i++;
            }
        }
    }

    // The opening marker at [open, open + width) and the closing one at [close, close + width) are markers, the text between gets the style.
    private static void Wrap(TextStyle[] styles, int open, int close, int width, TextStyle style)
    {
        Fill(styles, open, open + width, TextStyle.Marker);
        for (var k = open + width; k < close; k++)
        {
            styles[k] |= style;
        }

        Fill(styles, close, close + width, TextStyle.Marker);
    }

    private static void Fill(TextStyle[] styles, int from, int to, TextStyle style)
    {
        for (var k = from; k < to; k++)
        {
            styles[k] = style;
        }
    }

    private static int? Find(string[] c, string marker, int from, int end)
    {
        var at = Array.IndexOf(c, marker, from, end - from);
        return at < 0 ? null : at;
    }

    // "**" closing a bold run that has text in it and does not end in a space.
    private static int? FindPair(string[] c, string marker, int from, int end)
    {
        for (var k = from + 1; k + 1 < end; k++)
        {
            if (c[k] == marker && c[k + 1] == marker && !IsSpace(c[k - 1]))
            {
                return k;
            }
        }

        return null;
    }

    // A single * or _ closing an italic run: not after a space, not doubled, and _ not inside a word.
    private static int? FindClosing(string[] c, string marker, int from, int end)
    {
        for (var k = from + 1; k < end; k++)
        {
            if (c[k] == marker && !IsSpace(c[k - 1]) && (k + 1 >= end || c[k + 1] != marker) && (marker == "*" || k + 1 >= end || !IsWordChar(c[k + 1])))
            {
                return k;
            }
        }

        return null;
    }

    private static bool IsSpace(string s) => s.Length == 0 || Rune.IsWhiteSpace(Rune.GetRuneAt(s, 0));

    private static bool IsWordChar(string s) => s.Length > 0 && Rune.IsLetterOrDigit(Rune.GetRuneAt(s, 0));
}
