using System.Runtime.InteropServices;
using Monitor.Core.Common;

namespace Monitor.Core.Coding.Text;

/// <summary>
/// Carries coded spans over to an edited version of their text. A span maps only when the diff between the two
/// versions keeps its code points as "equal" and contiguous in the new text, so the fragment is unchanged; it then
/// gets its new offsets. Text inserted or deleted before a span shifts it; an edit inside it, or its deletion, yields
/// null; an edit touching its start or end from outside leaves it mapped (also when the diff lets such an edit slide
/// over the span's first or last letters because they repeat the edit's own: the fragment is then placed around the
/// part the diff kept, and only where the new text holds it unchanged).
/// </summary>
/// <remarks>
/// The diff trims the common prefix and suffix, runs Myers on interned lines, drops short equal lines that sit
/// between two larger changes (a blank line is not an anchor), and runs Myers on code points inside each block
/// between the remaining equal lines; small edits to a 500,000-code-point document take tens of milliseconds. A work
/// budget bounds unrelated texts (about a second); what the budget leaves unaligned counts as changed.
/// A moved paragraph is a deletion plus an insertion to the diff: the spans of one side come back null, those of
/// the text it moved across keep theirs. Which side that is follows from the shortest edit script (usually the
/// shorter text counts as moved) and is deterministic. No span is ever placed on text that differs from its
/// fragment. Spans that do not fit inside the old text yield null; an empty span maps as a position.
/// </remarks>
public static class OffsetMapper
{
    // Diff steps (snake moves and diagonals tried); about a second of work for two unrelated 200,000-character texts.
    private const long DiffBudget = 60_000_000;

    public static IReadOnlyList<TextSpan?> Map(string oldText, string newText, IReadOnlyList<TextSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        ArgumentNullException.ThrowIfNull(spans);
        var a = CodePoints.ToArray(oldText);
        var b = oldText == newText ? a : CodePoints.ToArray(newText);
        var oldToNew = oldText == newText ? Identity(a.Length) : Align(a, b);

        // unmatchedBefore[i]: how many of the first i old code points have no equal counterpart in the new text.
        var unmatchedBefore = new int[a.Length + 1];
        for (var i = 0; i < a.Length; i++)
        {
            unmatchedBefore[i + 1] = unmatchedBefore[i] + (oldToNew[i] < 0 ? 1 : 0);
        }

        var result = new TextSpan?[spans.Count];
        for (var s = 0; s < spans.Count; s++)
        {
            result[s] = MapSpan(spans[s], a, b, oldToNew, unmatchedBefore);
        }

        return result;
    }

    private static TextSpan? MapSpan(TextSpan span, int[] a, int[] b, int[] oldToNew, int[] unmatchedBefore)
    {
        var (start, end) = (span.Start, span.End);
        if (start < 0 || end > a.Length || start > end)
        {
            return null;
        }

        if (start == end)
        {
            // An empty span is a position: it follows the code point before it, or else the one after it.
            return start > 0 && oldToNew[start - 1] >= 0 ? new TextSpan(oldToNew[start - 1] + 1, oldToNew[start - 1] + 1)
                : start < a.Length && oldToNew[start] >= 0 ? new TextSpan(oldToNew[start], oldToNew[start])
                : null;
        }

        // Equal code points keep their order, so "all matched and the ends as far apart as before" means contiguous.
        if (unmatchedBefore[end] == unmatchedBefore[start] && oldToNew[end - 1] - oldToNew[start] == end - 1 - start)
        {
            return new TextSpan(oldToNew[start], oldToNew[end - 1] + 1);
        }

        // An edit that touches the span from outside can slide into it when the edit ends with the characters the
        // span starts with (old "actie Zoë", new "evaluatie Zoë": the diff may keep the first "e" and call the
        // second inserted), or starts with those it ends with. Then the diff keeps one unbroken middle part of the
        // span; if the whole fragment stands unchanged around that part, that is where it went.
        var first = start;
        while (first < end && oldToNew[first] < 0)
        {
            first++;
        }

        var last = end - 1;
        while (last >= first && oldToNew[last] < 0)
        {
            last--;
        }

        return first > last ? null : AroundKeptPart(start, end, first, a, b, oldToNew) ?? AroundKeptPart(start, end, last, a, b, oldToNew);
    }

    private static TextSpan? AroundKeptPart(int start, int end, int anchor, int[] a, int[] b, int[] oldToNew)
    {
        var newStart = oldToNew[anchor] - (anchor - start);
        var length = end - start;
        if (newStart < 0 || newStart + length > b.Length || !a.AsSpan(start, length).SequenceEqual(b.AsSpan(newStart, length)))
        {
            return null;
        }

        // The code points the diff keeps in this place must form one block; only the ends may have slid away.
        var blocks = 0;
        var inBlock = false;
        for (var i = start; i < end; i++)
        {
            var kept = oldToNew[i] == newStart + (i - start);
            blocks += kept && !inBlock ? 1 : 0;
            inBlock = kept;
        }

        return blocks == 1 ? new TextSpan(newStart, newStart + length) : null;
    }

    private static int[] Identity(int length)
    {
        var map = new int[length];
        for (var i = 0; i < length; i++)
        {
            map[i] = i;
        }

        return map;
    }

    /// <summary>For each old code point its index in the new text when the diff keeps it, otherwise -1.</summary>
    private static int[] Align(int[] a, int[] b)
    {
        var oldToNew = new int[a.Length];
        Array.Fill(oldToNew, -1);
        var diff = new SequenceDiff(DiffBudget);
        void MarkEqual(int i, int j, int length)
        {
            for (var k = 0; k < length; k++)
            {
                oldToNew[i + k] = j + k;
            }
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        MarkEqual(0, 0, prefix);
        MarkEqual(a.Length - suffix, b.Length - suffix, suffix);
        var (aLo, aHi, bLo, bHi) = (prefix, a.Length - suffix, prefix, b.Length - suffix);
        if (aLo == aHi || bLo == bHi)
        {
            return oldToNew;
        }

        // Lines first: equal lines anchor the alignment cheaply; then code points inside the blocks between anchors.
        var lines = new LineTable();
        var oldLines = lines.Split(a, aLo, aHi);
        var newLines = lines.Split(b, bLo, bHi);
        var anchors = new List<Run> { new(aLo, aLo, bLo, bLo) };
        diff.Run(oldLines.Ids, 0, oldLines.Ids.Length, newLines.Ids, 0, newLines.Ids.Length, (i, j, count) =>
        {
            var run = new Run(oldLines.Starts[i], oldLines.Starts[i + count], newLines.Starts[j], newLines.Starts[j + count]);
            // A short run of equal lines (a blank line, "Actiepunten:") between two larger changes is more likely a
            // coincidence than the same text; anchoring on it would split one edit in two and misalign both halves.
            // This is diff-match-patch's semantic cleanup, applied to line equalities only.
            while (anchors.Count > 1 && IsCoincidence(anchors[^2], anchors[^1], run))
            {
                anchors.RemoveAt(anchors.Count - 1);
            }

            anchors.Add(run);
        });
        var end = new Run(aHi, aHi, bHi, bHi);
        while (anchors.Count > 1 && IsCoincidence(anchors[^2], anchors[^1], end))
        {
            anchors.RemoveAt(anchors.Count - 1);
        }

        anchors.Add(end);
        for (var k = 1; k < anchors.Count; k++)
        {
            var (previous, anchor) = (anchors[k - 1], anchors[k]);
            if (previous.OldEnd < anchor.OldStart && previous.NewEnd < anchor.NewStart)
            {
                diff.Run(a, previous.OldEnd, anchor.OldStart, b, previous.NewEnd, anchor.NewStart, MarkEqual);
            }

            MarkEqual(anchor.OldStart, anchor.NewStart, anchor.OldEnd - anchor.OldStart);
        }

        return oldToNew;
    }

    private static bool IsCoincidence(Run before, Run run, Run after)
    {
        var length = run.OldEnd - run.OldStart;
        var changedBefore = Math.Max(run.OldStart - before.OldEnd, run.NewStart - before.NewEnd);
        var changedAfter = Math.Max(after.OldStart - run.OldEnd, after.NewStart - run.NewEnd);
        return length <= changedBefore && length <= changedAfter;
    }

    /// <summary>Equal text: old code points [OldStart, OldEnd) are new code points [NewStart, NewEnd).</summary>
    private readonly record struct Run(int OldStart, int OldEnd, int NewStart, int NewEnd);

    /// <summary>Lines (each with its trailing newline) interned to numbers, so that the line diff compares integers.</summary>
    private sealed class LineTable
    {
        private readonly Dictionary<LineKey, int> _ids = new(new LineKeyComparer());

        /// <summary>The lines of a[lo..hi): their ids, and their starts with <paramref name="hi"/> as a final entry.</summary>
        public (int[] Ids, int[] Starts) Split(int[] a, int lo, int hi)
        {
            var starts = new List<int> { lo };
            for (var i = lo; i < hi; i++)
            {
                if (a[i] == '\n' && i + 1 < hi)
                {
                    starts.Add(i + 1);
                }
            }

            starts.Add(hi);
            var ids = new int[starts.Count - 1];
            for (var line = 0; line < ids.Length; line++)
            {
                var key = new LineKey(a, starts[line], starts[line + 1] - starts[line]);
                if (!_ids.TryGetValue(key, out var id))
                {
                    id = _ids.Count;
                    _ids.Add(key, id);
                }

                ids[line] = id;
            }

            return (ids, starts.ToArray());
        }
    }

    private readonly record struct LineKey(int[] Source, int Start, int Length)
    {
        public ReadOnlySpan<int> Span => Source.AsSpan(Start, Length);
    }

    private sealed class LineKeyComparer : IEqualityComparer<LineKey>
    {
        public bool Equals(LineKey x, LineKey y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(LineKey key)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(key.Span));
            return hash.ToHashCode();
        }
    }
}
