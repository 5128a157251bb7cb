namespace Monitor.Core.Coding.Agreement;

/// <summary>
/// Agreement on valence (bevorderend, belemmerend, ...) for the text two coders both coded with the same code: per
/// coder pair, unit = character, a nominal table of A's valence against B's, percent agreement and Cohen's κ (issue #17).
/// Where one coder has overlapping spans of one code with different valences, the span that starts first counts.
/// Spans without a valence are ignored; like <see cref="AgreementCalculator"/>, a pair skips documents not assigned to both.
/// </summary>
public static class ValenceAgreement
{
    public static ValenceReport Compute(AgreementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var categories = input.Spans.Where(s => s.Valence is not null).Select(s => s.Valence!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var categoryIndex = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var spans = input.Spans.Where(s => s.Valence is not null && s.End > s.Start)
            .ToLookup(s => (s.DocumentId, s.Code, s.Coder));
        var pairs = new List<(string A, string B)>();
        for (var a = 0; a < input.Coders.Count; a++)
        {
            for (var b = a + 1; b < input.Coders.Count; b++)
            {
                pairs.Add((input.Coders[a], input.Coders[b]));
            }
        }

        var pooled = pairs.Select(_ => new long[categories.Count, categories.Count]).ToList();
        var perCode = new List<CodeValenceAgreement>(input.Codes.Count);
        foreach (var code in input.Codes)
        {
            var rows = new List<ValencePair>(pairs.Count);
            for (var p = 0; p < pairs.Count; p++)
            {
                var (a, b) = pairs[p];
                var table = new long[categories.Count, categories.Count];
                foreach (var document in input.Documents.Where(d => Assigned(input, a, d.DocumentId) && Assigned(input, b, d.DocumentId)))
                {
                    Tally(spans[(document.DocumentId, code, a)], spans[(document.DocumentId, code, b)], categoryIndex, table);
                }

                Add(pooled[p], table);
                rows.Add(Pair(a, b, table));
            }

            perCode.Add(new CodeValenceAgreement(code, rows));
        }

        return new ValenceReport { PerCode = perCode, Pooled = [.. pairs.Select((pair, p) => Pair(pair.A, pair.B, pooled[p]))] };
    }

    private static bool Assigned(AgreementInput input, string coder, long documentId) =>
        input.AssignedDocuments is null || (input.AssignedDocuments.TryGetValue(coder, out var documents) && documents.Contains(documentId));

    /// <summary>Adds the characters both coded to the table, cut at every start and end of either coder's spans.</summary>
    private static void Tally(IEnumerable<AgreementSpan> a, IEnumerable<AgreementSpan> b, Dictionary<string, int> categories, long[,] table)
    {
        var spansA = a.OrderBy(s => s.Start).ToList();
        var spansB = b.OrderBy(s => s.Start).ToList();
        if (spansA.Count == 0 || spansB.Count == 0)
        {
            return;
        }

        var cuts = spansA.Concat(spansB).SelectMany(s => new[] { s.Start, s.End }).Distinct().Order().ToList();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (start, end) = (cuts[i], cuts[i + 1]);
            var first = spansA.FirstOrDefault(s => s.Start <= start && s.End >= end);
            var second = spansB.FirstOrDefault(s => s.Start <= start && s.End >= end);
            if (first is not null && second is not null)
            {
                table[categories[first.Valence!], categories[second.Valence!]] += end - start;
            }
        }
    }

    private static void Add(long[,] total, long[,] table)
    {
        for (var i = 0; i < table.GetLength(0); i++)
        {
            for (var j = 0; j < table.GetLength(1); j++)
            {
                total[i, j] += table[i, j];
            }
        }
    }

    private static ValencePair Pair(string a, string b, long[,] table)
    {
        var size = table.GetLength(0);
        long units = 0, agreeing = 0;
        var rows = new long[size];
        var columns = new long[size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                units += table[i, j];
                rows[i] += table[i, j];
                columns[j] += table[i, j];
            }

            agreeing += table[i, i];
        }

        if (units == 0)
        {
            return new ValencePair { CoderA = a, CoderB = b, Units = 0, Agreeing = 0, Note = AgreementNotes.NoSharedValenceUnits };
        }

        var po = (double)agreeing / units;
        var pe = rows.Zip(columns).Sum(p => (double)p.First * p.Second) / ((double)units * units);
        var fullAgreement = pe >= 1;
        return new ValencePair
        {
            CoderA = a,
            CoderB = b,
            Units = units,
            Agreeing = agreeing,
            PercentAgreement = po,
            ExpectedAgreement = pe,
            Kappa = fullAgreement ? 1 : (po - pe) / (1 - pe),
            Note = fullAgreement ? AgreementNotes.FullAgreement : null,
        };
    }
}
