namespace Monitor.Core.Common;

/// <summary>
/// Myers' O(ND) difference algorithm in linear space (the middle-snake bisection, as in diff-match-patch's
/// diff_bisect) over integer sequences: code points, or line numbers from an interning table. It reports the runs
/// of equal elements of a shortest edit script, in order. A work budget keeps pathological inputs (two unrelated
/// large texts) bounded: once spent, the remaining regions count as entirely changed, which is safe for callers
/// that only trust equal runs. Results depend only on the input, never on timing.
/// </summary>
internal sealed class SequenceDiff(long budget)
{
    private long _budget = budget;

    /// <summary>True when the budget ran out and some region was treated as entirely changed.</summary>
    public bool Exhausted => _budget < 0;

    /// <summary>Calls <paramref name="onEqual"/>(aStart, bStart, length) for each run of equal elements, in order.</summary>
    public void Run(int[] a, int aLo, int aHi, int[] b, int bLo, int bHi, Action<int, int, int> onEqual)
    {
        var prefix = 0;
        while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] == b[bLo + prefix])
        {
            prefix++;
        }

        if (prefix > 0)
        {
            onEqual(aLo, bLo, prefix);
            aLo += prefix;
            bLo += prefix;
        }

        var suffix = 0;
        while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - suffix - 1] == b[bHi - suffix - 1])
        {
            suffix++;
        }

        aHi -= suffix;
        bHi -= suffix;
        if (aLo < aHi && bLo < bHi)
        {
            Bisect(a, aLo, aHi, b, bLo, bHi, onEqual);
        }

        if (suffix > 0)
        {
            onEqual(aHi, bHi, suffix);
        }
    }

    /// <summary>Finds the middle snake of a shortest edit script and diffs the two halves on either side of it.</summary>
    private void Bisect(int[] a, int aLo, int aHi, int[] b, int bLo, int bHi, Action<int, int, int> onEqual)
    {
        var n = aHi - aLo;
        var m = bHi - bLo;
        var maxD = (n + m + 1) / 2;
        var offset = maxD;
        // Two spare slots: the first round reads index offset + 1 even when maxD is 1.
        var length = 2 * maxD + 2;
        var forward = new int[length];
        var backward = new int[length];
        Array.Fill(forward, -1);
        Array.Fill(backward, -1);
        forward[offset + 1] = 0;
        backward[offset + 1] = 0;
        var delta = n - m;
        // With an odd delta the forward path meets the reverse path; with an even one, the reverse meets the forward.
        var front = delta % 2 != 0;
        int k1Start = 0, k1End = 0, k2Start = 0, k2End = 0;
        for (var d = 0; d < maxD; d++)
        {
            if (_budget < 0)
            {
                return;
            }

            for (var k1 = -d + k1Start; k1 <= d - k1End; k1 += 2)
            {
                var k1Offset = offset + k1;
                var x1 = k1 == -d || (k1 != d && forward[k1Offset - 1] < forward[k1Offset + 1])
                    ? forward[k1Offset + 1]
                    : forward[k1Offset - 1] + 1;
                var y1 = x1 - k1;
                var start = x1;
                while (x1 < n && y1 < m && a[aLo + x1] == b[bLo + y1])
                {
                    x1++;
                    y1++;
                }

                _budget -= 1 + x1 - start;
                forward[k1Offset] = x1;
                if (x1 > n)
                {
                    k1End += 2;
                }
                else if (y1 > m)
                {
                    k1Start += 2;
                }
                else if (front)
                {
                    var k2Offset = offset + delta - k1;
                    if (k2Offset >= 0 && k2Offset < length && backward[k2Offset] != -1 && x1 >= n - backward[k2Offset])
                    {
                        Split(a, aLo, aHi, b, bLo, bHi, x1, y1, onEqual);
                        return;
                    }
                }
            }

            for (var k2 = -d + k2Start; k2 <= d - k2End; k2 += 2)
            {
                var k2Offset = offset + k2;
                var x2 = k2 == -d || (k2 != d && backward[k2Offset - 1] < backward[k2Offset + 1])
                    ? backward[k2Offset + 1]
                    : backward[k2Offset - 1] + 1;
                var y2 = x2 - k2;
                var start = x2;
                while (x2 < n && y2 < m && a[aHi - x2 - 1] == b[bHi - y2 - 1])
                {
                    x2++;
                    y2++;
                }

                _budget -= 1 + x2 - start;
                backward[k2Offset] = x2;
                if (x2 > n)
                {
                    k2End += 2;
                }
                else if (y2 > m)
                {
                    k2Start += 2;
                }
                else if (!front)
                {
                    var k1Offset = offset + delta - k2;
                    if (k1Offset >= 0 && k1Offset < length && forward[k1Offset] != -1)
                    {
                        var x1 = forward[k1Offset];
                        var y1 = offset + x1 - k1Offset;
                        if (x1 >= n - x2)
                        {
                            Split(a, aLo, aHi, b, bLo, bHi, x1, y1, onEqual);
                            return;
                        }
                    }
                }
            }
        }

        // No common element at all: everything in this region is deleted and inserted.
    }

    private void Split(int[] a, int aLo, int aHi, int[] b, int bLo, int bHi, int x, int y, Action<int, int, int> onEqual)
    {
        Run(a, aLo, aLo + x, b, bLo, bLo + y, onEqual);
        Run(a, aLo + x, aHi, b, bLo + y, bHi, onEqual);
    }
}
