namespace Monitor.Core.Coding.Agreement;

/// <summary>
/// Krippendorff's α (nominal) with one category per unit and missing values (issue #17), as researchers compute it
/// in other tools: unit = paragraph, a coder's value = the code they gave the paragraph; a paragraph the coder did
/// not code, or of a document not assigned to them, is missing. Where a coder gave one paragraph more than one code,
/// the code covering most of its characters counts (on a tie the first in <see cref="AgreementInput.Codes"/>), and
/// the note says how often. Computed with <see cref="KrippendorffAlpha.Nominal"/>.
/// </summary>
public static class NominalParagraphAlpha
{
    public static AlphaResult Compute(AgreementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var codeOrder = input.Codes.Select((code, i) => (code, i)).ToDictionary(p => p.code, p => p.i, StringComparer.Ordinal);
        var spans = input.Spans.Where(s => s.End > s.Start && codeOrder.ContainsKey(s.Code)).ToLookup(s => (s.DocumentId, s.Coder));
        var values = input.Coders.Select(_ => new List<string?>()).ToList();
        var multiple = 0;
        foreach (var document in input.Documents)
        {
            foreach (var paragraph in document.Paragraphs.Where(p => p.End > p.Start).OrderBy(p => p.Start))
            {
                for (var c = 0; c < input.Coders.Count; c++)
                {
                    var coder = input.Coders[c];
                    if (input.AssignedDocuments is not null && !(input.AssignedDocuments.TryGetValue(coder, out var assigned) && assigned.Contains(document.DocumentId)))
                    {
                        values[c].Add(null);
                        continue;
                    }

                    var coverage = spans[(document.DocumentId, coder)]
                        .Select(s => (s.Code, Start: Math.Max(s.Start, paragraph.Start), End: Math.Min(s.End, paragraph.End)))
                        .Where(s => s.End > s.Start)
                        .GroupBy(s => s.Code)
                        .Select(g => (Code: g.Key, Length: CoveredLength(g.Select(s => (s.Start, s.End)))))
                        .OrderByDescending(g => g.Length).ThenBy(g => codeOrder[g.Code])
                        .ToList();
                    multiple += coverage.Count > 1 ? 1 : 0;
                    values[c].Add(coverage.Count == 0 ? null : coverage[0].Code);
                }
            }
        }

        var result = KrippendorffAlpha.Nominal(values);
        return multiple == 0 ? result : result with
        {
            Note = (result.Note is null ? "" : result.Note + "; ") + AgreementNotes.SeveralCodesInAUnit(multiple),
        };
    }

    private static long CoveredLength(IEnumerable<(int Start, int End)> intervals)
    {
        long length = 0;
        var end = int.MinValue;
        foreach (var (start, stop) in intervals.OrderBy(i => i.Start))
        {
            var from = Math.Max(start, end);
            if (stop > from)
            {
                length += stop - from;
            }

            end = Math.Max(end, stop);
        }

        return length;
    }
}
