using Monitor.Core.Coding.Text;

namespace Monitor.Web.Pages.Coding;

/// <summary>One run of text between coding boundaries, with the codings that cover it (offsets in code points).</summary>
public sealed record TextSegment(int Start, int End, string Text, IReadOnlyList<long> CodingIds);

/// <summary>Cuts a text at every coding boundary so the page can mark coded runs without touching offsets.</summary>
public static class CodedText
{
    public static IReadOnlyList<TextSegment> Segments(string text, IReadOnlyList<Monitor.Core.Coding.Coding> codings)
    {
        var length = CodePoints.Length(text);
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
            segments.Add(new TextSegment(start, end, CodePoints.Slice(text, start, end), covering));
        }

        return segments;
    }
}
