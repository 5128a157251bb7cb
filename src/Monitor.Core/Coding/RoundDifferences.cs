namespace Monitor.Core.Coding;

/// <summary>
/// Where the coders of a round agree and where they differ, character by character (issue #17): per document
/// version and code the text is cut at every start and end of a coding, and each piece is agreed (all coders,
/// same valence), a valence conflict (all coders, different valences) or an overlap difference (some coders).
/// Adjacent pieces with the same coders and valences are joined. Pure: no database.
/// </summary>
public static class RoundDifferences
{
    /// <summary>The runs of <paramref name="codings"/> (individual codings of a round) in version, code and position order; uncoded text has none.</summary>
    public static IReadOnlyList<RoundSpan> Compute(IEnumerable<Coding> codings, IReadOnlyCollection<long> coderIds)
    {
        ArgumentNullException.ThrowIfNull(codings);
        ArgumentNullException.ThrowIfNull(coderIds);
        var result = new List<RoundSpan>();
        foreach (var group in codings.Where(c => coderIds.Contains(c.CoderId) && c.End > c.Start)
                     .GroupBy(c => (c.VersionId, c.CodeId)).OrderBy(g => g.Key.VersionId).ThenBy(g => g.Key.CodeId))
        {
            var ordered = group.OrderBy(c => c.Start).ThenBy(c => c.Id).ToList();
            var cuts = ordered.SelectMany(c => new[] { c.Start, c.End }).Distinct().Order().ToList();
            RoundSpan? last = null;
            for (var i = 0; i + 1 < cuts.Count; i++)
            {
                var (start, end) = (cuts[i], cuts[i + 1]);
                var covering = ordered.Where(c => c.Start <= start && c.End >= end).GroupBy(c => c.CoderId).Select(byCoder => byCoder.First()).OrderBy(c => c.CoderId).ToList();
                if (covering.Count == 0)
                {
                    last = null;
                    continue;
                }

                DifferenceKind? kind = covering.Count < coderIds.Count ? DifferenceKind.Overlap
                    : covering.Select(c => c.Valence).Distinct().Count() > 1 ? DifferenceKind.Valentie
                    : null;
                if (last is not null && last.End == start && last.Kind == kind && SameCoders(last.Codings, covering))
                {
                    last = last with { End = end };
                    result[^1] = last;
                }
                else
                {
                    last = new RoundSpan(group.Key.VersionId, group.Key.CodeId, start, end, kind, covering);
                    result.Add(last);
                }
            }
        }

        return result;
    }

    private static bool SameCoders(IReadOnlyList<Coding> x, List<Coding> y) =>
        x.Count == y.Count && x.Zip(y).All(p => p.First.CoderId == p.Second.CoderId && p.First.Valence == p.Second.Valence);
}
