namespace Monitor.Core.Coding.Agreement;

/// <summary>
/// Inter-coder agreement of a coding round: NVivo-compatible character-level % agreement and Cohen's κ,
/// paragraph-level κ, and Krippendorff's α (nominal), per code and pooled. Works on merged intervals
/// (overlapping spans of one coder and code are unioned), never on per-character arrays.
/// </summary>
/// <remarks>
/// Conventions (also put in the Note of each result): κ = 1 when Pe = 1 (both coders coded nothing or
/// everything); κ null when there are no units; α = 1 when there is no variation (De = 0); α null without
/// pairable values. A pair skips every document that is not assigned to both coders; for α such a coder's
/// values are missing.
/// </remarks>
public static class AgreementCalculator
{
    /// <summary>Computes the agreement report.</summary>
    /// <exception cref="ArgumentException">
    /// Duplicate coders, codes or documents; a paragraph or span outside its document; a span of an unknown document.
    /// </exception>
    public static AgreementReport Compute(AgreementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var coderIndex = IndexNames(input.Coders, "Codeur");
        var codeIndex = IndexNames(input.Codes, "Code");
        var documents = input.Documents;
        var documentIndex = new Dictionary<long, int>(documents.Count);
        var paragraphs = new TextRange[documents.Count][];
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            if (!documentIndex.TryAdd(document.DocumentId, d))
            {
                throw new ArgumentException($"Document {document.DocumentId} staat dubbel in de ronde.", nameof(input));
            }

            paragraphs[d] = NormalizeParagraphs(document);
        }

        var assigned = AssignmentMatrix(input, documentIndex);
        var spans = SortedSpans(input, documentIndex, coderIndex, codeIndex);

        var coderCount = input.Coders.Count;
        var codeCount = input.Codes.Count;
        var pairs = new List<(int A, int B)>();
        for (var a = 0; a < coderCount; a++)
        {
            for (var b = a + 1; b < coderCount; b++)
            {
                pairs.Add((a, b));
            }
        }

        var pairCount = pairs.Count;
        var characterRows = NewRowLists(codeCount * pairCount, documents.Count);
        var segmentRows = NewRowLists(codeCount * pairCount, documents.Count);
        var characterTotals = new BinaryCounts[codeCount * pairCount];
        var segmentTotals = new BinaryCounts[codeCount * pairCount];
        var alphas = new AlphaAccumulator[codeCount];
        var pooledCharacterRows = NewRowLists(pairCount, documents.Count);
        var pooledSegmentRows = NewRowLists(pairCount, documents.Count);

        var merged = new IntervalBuffer();
        var coderStart = new int[coderCount + 1];
        var covered = new long[coderCount];
        var maxParagraphs = paragraphs.Length == 0 ? 0 : paragraphs.Max(p => p.Length);
        var paragraphCoded = new bool[coderCount][];
        for (var c = 0; c < coderCount; c++)
        {
            paragraphCoded[c] = new bool[maxParagraphs];
        }

        var documentCharacters = new BinaryCounts[pairCount];
        var documentSegments = new KappaAccumulator[pairCount];
        var next = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            var units = paragraphs[d];
            Array.Clear(documentCharacters);
            Array.Clear(documentSegments);
            var assignedCoders = 0;
            for (var c = 0; c < coderCount; c++)
            {
                assignedCoders += assigned[c][d] ? 1 : 0;
            }

            for (var k = 0; k < codeCount; k++)
            {
                merged.Clear();
                for (var c = 0; c < coderCount; c++)
                {
                    coderStart[c] = merged.Count;
                    covered[c] = 0;
                    while (next < spans.Length && spans[next].Document == d && spans[next].Code == k && spans[next].Coder == c)
                    {
                        merged.AddSorted(spans[next].Start, spans[next].End, coderStart[c]);
                        next++;
                    }

                    for (var i = coderStart[c]; i < merged.Count; i++)
                    {
                        covered[c] += merged[i].End - merged[i].Start;
                    }
                }

                coderStart[coderCount] = merged.Count;

                for (var c = 0; c < coderCount; c++)
                {
                    if (assigned[c][d])
                    {
                        MarkCodedParagraphs(units, merged.Slice(coderStart[c], coderStart[c + 1]), paragraphCoded[c]);
                    }
                }

                for (var p = 0; p < pairCount; p++)
                {
                    var (a, b) = pairs[p];
                    if (!assigned[a][d] || !assigned[b][d])
                    {
                        continue;
                    }

                    var both = IntersectionLength(
                        merged.Slice(coderStart[a], coderStart[a + 1]), merged.Slice(coderStart[b], coderStart[b + 1]));
                    var characters = new BinaryCounts(
                        both, covered[a] - both, covered[b] - both, document.Length - covered[a] - covered[b] + both);
                    var segments = CountParagraphs(paragraphCoded[a], paragraphCoded[b], units.Length);

                    var slot = (k * pairCount) + p;
                    characterTotals[slot] += characters;
                    segmentTotals[slot] += segments;
                    characterRows[slot].Add(Row(input, a, b, document.DocumentId, characters));
                    segmentRows[slot].Add(Row(input, a, b, document.DocumentId, segments));
                    documentCharacters[p] += characters;
                    documentSegments[p].Add(segments);
                }

                for (var u = 0; u < units.Length; u++)
                {
                    var ones = 0;
                    for (var c = 0; c < coderCount; c++)
                    {
                        if (assigned[c][d] && paragraphCoded[c][u])
                        {
                            ones++;
                        }
                    }

                    alphas[k].AddUnit(assignedCoders, ones);
                }
            }

            for (var p = 0; p < pairCount; p++)
            {
                var (a, b) = pairs[p];
                if (!assigned[a][d] || !assigned[b][d])
                {
                    continue;
                }

                pooledCharacterRows[p].Add(Row(input, a, b, document.DocumentId, documentCharacters[p], AgreementNotes.PooledCharacters));
                pooledSegmentRows[p].Add(PooledRow(input, a, b, document.DocumentId, documentSegments[p]));
            }
        }

        return BuildReport(input, pairs, characterTotals, segmentTotals, characterRows, segmentRows, alphas,
            pooledCharacterRows, pooledSegmentRows);
    }

    private static AgreementReport BuildReport(
        AgreementInput input,
        List<(int A, int B)> pairs,
        BinaryCounts[] characterTotals,
        BinaryCounts[] segmentTotals,
        List<PairCounts>[] characterRows,
        List<PairCounts>[] segmentRows,
        AlphaAccumulator[] alphas,
        List<PairCounts>[] pooledCharacterRows,
        List<PairCounts>[] pooledSegmentRows)
    {
        var pairCount = pairs.Count;
        var perCode = new List<CodeAgreement>(input.Codes.Count);
        var pooledAlpha = default(AlphaAccumulator);
        for (var k = 0; k < input.Codes.Count; k++)
        {
            var characters = new List<PairCounts>(pairCount);
            var segments = new List<PairCounts>(pairCount);
            for (var p = 0; p < pairCount; p++)
            {
                var (a, b) = pairs[p];
                var slot = (k * pairCount) + p;
                characters.Add(Row(input, a, b, null, characterTotals[slot]) with { PerDocument = characterRows[slot] });
                segments.Add(Row(input, a, b, null, segmentTotals[slot]) with { PerDocument = segmentRows[slot] });
            }

            pooledAlpha.Add(alphas[k]);
            perCode.Add(new CodeAgreement
            {
                Code = input.Codes[k],
                Characters = characters,
                Segments = segments,
                Alpha = alphas[k].ToResult(),
            });
        }

        var pooledCharacters = new List<PairCounts>(pairCount);
        var pooledSegments = new List<PairCounts>(pairCount);
        for (var p = 0; p < pairCount; p++)
        {
            var (a, b) = pairs[p];
            var characterSum = default(BinaryCounts);
            var segmentPool = default(KappaAccumulator);
            for (var k = 0; k < input.Codes.Count; k++)
            {
                characterSum += characterTotals[(k * pairCount) + p];
                segmentPool.Add(segmentTotals[(k * pairCount) + p]);
            }

            pooledCharacters.Add(
                Row(input, a, b, null, characterSum, AgreementNotes.PooledCharacters) with { PerDocument = pooledCharacterRows[p] });
            pooledSegments.Add(PooledRow(input, a, b, null, segmentPool) with { PerDocument = pooledSegmentRows[p] });
        }

        return new AgreementReport
        {
            Coders = input.Coders,
            PerCode = perCode,
            Pooled = new PooledAgreement
            {
                Characters = pooledCharacters,
                Segments = pooledSegments,
                Alpha = pooledAlpha.ToResult(),
            },
        };
    }

    private static PairCounts Row(AgreementInput input, int a, int b, long? documentId, BinaryCounts counts, string? method = null)
    {
        var note = counts.HasConstantCoder ? AgreementNotes.ConstantCoder : null;
        return Row(input, a, b, documentId, counts, counts.ExpectedAgreeingUnits, !counts.IsDegenerate, Join(method, note));
    }

    /// <summary>A pooled segment row carries the constant-coder note of its summed table, as the per-code rows do.</summary>
    private static PairCounts PooledRow(AgreementInput input, int a, int b, long? documentId, KappaAccumulator pool) =>
        Row(input, a, b, documentId, pool.Counts, pool.ExpectedAgreeingUnits, pool.HasVariation,
            Join(AgreementNotes.PooledSegments, pool.Counts.HasConstantCoder ? AgreementNotes.ConstantCoder : null));

    /// <summary>κ = (agreeing − ΣEF) / (N − ΣEF), NVivo's form of (Po − Pe) / (1 − Pe).</summary>
    private static PairCounts Row(
        AgreementInput input, int a, int b, long? documentId, BinaryCounts counts, double expectedUnits, bool hasVariation,
        string? note)
    {
        var total = counts.Total;
        double? kappa;
        double? percent = null;
        double? expected = null;
        if (total == 0)
        {
            kappa = null;
            note = Join(note, AgreementNotes.NoUnits);
        }
        else
        {
            percent = (double)counts.Agreeing / total;
            expected = expectedUnits / total;
            var denominator = total - expectedUnits;
            if (!hasVariation || denominator <= 0)
            {
                kappa = 1;
                note = Join(note, AgreementNotes.FullAgreement);
            }
            else
            {
                kappa = (counts.Agreeing - expectedUnits) / denominator;
            }
        }

        return new PairCounts
        {
            CoderA = input.Coders[a],
            CoderB = input.Coders[b],
            DocumentId = documentId,
            TotalUnits = total,
            BothCoded = counts.Both,
            OnlyA = counts.OnlyA,
            OnlyB = counts.OnlyB,
            Neither = counts.Neither,
            PercentAgreement = percent,
            ExpectedAgreement = expected,
            Kappa = kappa,
            Note = note,
        };
    }

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + "; " + second;

    private static List<PairCounts>[] NewRowLists(int count, int capacity)
    {
        var lists = new List<PairCounts>[count];
        for (var i = 0; i < count; i++)
        {
            lists[i] = new List<PairCounts>(capacity);
        }

        return lists;
    }

    private static Dictionary<string, int> IndexNames(IReadOnlyList<string> names, string kind)
    {
        ArgumentNullException.ThrowIfNull(names);
        var index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!index.TryAdd(name, index.Count))
            {
                throw new ArgumentException($"{kind} '{name}' staat dubbel in de ronde.", nameof(names));
            }
        }

        return index;
    }

    private static TextRange[] NormalizeParagraphs(AgreementDocument document)
    {
        if (document.Length < 0)
        {
            throw new ArgumentException($"Document {document.DocumentId} heeft een negatieve lengte.", nameof(document));
        }

        var result = new List<TextRange>(document.Paragraphs.Count);
        foreach (var paragraph in document.Paragraphs)
        {
            if (paragraph.Start < 0 || paragraph.End > document.Length || paragraph.Start > paragraph.End)
            {
                throw new ArgumentException(
                    $"Alinea {paragraph.Start}–{paragraph.End} valt buiten document {document.DocumentId} (lengte {document.Length}).",
                    nameof(document));
            }

            // An empty paragraph cannot be coded; counting it would only add free "neither" agreement.
            if (paragraph.Start < paragraph.End)
            {
                result.Add(paragraph);
            }
        }

        result.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End.CompareTo(y.End));
        return [.. result];
    }

    private static bool[][] AssignmentMatrix(AgreementInput input, Dictionary<long, int> documentIndex)
    {
        var matrix = new bool[input.Coders.Count][];
        for (var c = 0; c < matrix.Length; c++)
        {
            matrix[c] = new bool[input.Documents.Count];
            if (input.AssignedDocuments is null)
            {
                Array.Fill(matrix[c], true);
            }
            else if (input.AssignedDocuments.TryGetValue(input.Coders[c], out var documentIds))
            {
                foreach (var id in documentIds)
                {
                    // Assignments to documents outside this round do not matter here.
                    if (documentIndex.TryGetValue(id, out var d))
                    {
                        matrix[c][d] = true;
                    }
                }
            }
        }

        return matrix;
    }

    private static SpanKey[] SortedSpans(
        AgreementInput input,
        Dictionary<long, int> documentIndex,
        Dictionary<string, int> coderIndex,
        Dictionary<string, int> codeIndex)
    {
        ArgumentNullException.ThrowIfNull(input.Spans);
        var keys = new List<SpanKey>(input.Spans.Count);
        foreach (var span in input.Spans)
        {
            if (!documentIndex.TryGetValue(span.DocumentId, out var d))
            {
                throw new ArgumentException(
                    $"Fragment {span.Start}–{span.End} (code '{span.Code}', codeur '{span.Coder}') verwijst naar document "
                    + $"{span.DocumentId}, dat niet in de ronde zit.",
                    nameof(input));
            }

            var length = input.Documents[d].Length;
            if (span.Start < 0 || span.End > length || span.Start > span.End)
            {
                throw new ArgumentException(
                    $"Fragment {span.Start}–{span.End} (code '{span.Code}', codeur '{span.Coder}') valt buiten document "
                    + $"{span.DocumentId} (lengte {length}).",
                    nameof(input));
            }

            if (span.Start < span.End
                && coderIndex.TryGetValue(span.Coder, out var c)
                && codeIndex.TryGetValue(span.Code, out var k))
            {
                keys.Add(new SpanKey(d, k, c, span.Start, span.End));
            }
        }

        var array = keys.ToArray();
        Array.Sort(array);
        return array;
    }

    /// <summary>Sets <paramref name="coded"/>[u] when some interval overlaps paragraph u (non-empty intersection).</summary>
    private static void MarkCodedParagraphs(TextRange[] units, ReadOnlySpan<TextRange> intervals, bool[] coded)
    {
        for (var u = 0; u < units.Length; u++)
        {
            coded[u] = Overlaps(intervals, units[u]);
        }
    }

    private static bool Overlaps(ReadOnlySpan<TextRange> intervals, TextRange unit)
    {
        // Merged intervals are disjoint and sorted, so their ends ascend: find the first one ending after unit.Start.
        int low = 0, high = intervals.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (intervals[mid].End <= unit.Start)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low < intervals.Length && intervals[low].Start < unit.End;
    }

    private static BinaryCounts CountParagraphs(bool[] a, bool[] b, int count)
    {
        long both = 0, onlyA = 0, onlyB = 0, neither = 0;
        for (var u = 0; u < count; u++)
        {
            if (a[u])
            {
                if (b[u])
                {
                    both++;
                }
                else
                {
                    onlyA++;
                }
            }
            else if (b[u])
            {
                onlyB++;
            }
            else
            {
                neither++;
            }
        }

        return new BinaryCounts(both, onlyA, onlyB, neither);
    }

    /// <summary>Total length of the intersection of two sorted, disjoint interval lists (two-pointer sweep).</summary>
    private static long IntersectionLength(ReadOnlySpan<TextRange> x, ReadOnlySpan<TextRange> y)
    {
        long length = 0;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            var start = Math.Max(x[i].Start, y[j].Start);
            var end = Math.Min(x[i].End, y[j].End);
            if (start < end)
            {
                length += end - start;
            }

            if (x[i].End < y[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return length;
    }

    private readonly record struct SpanKey(int Document, int Code, int Coder, int Start, int End) : IComparable<SpanKey>
    {
        public int CompareTo(SpanKey other)
        {
            var order = Document.CompareTo(other.Document);
            if (order == 0)
            {
                order = Code.CompareTo(other.Code);
            }

            if (order == 0)
            {
                order = Coder.CompareTo(other.Coder);
            }

            return order != 0 ? order : Start.CompareTo(other.Start);
        }
    }

    /// <summary>Growable scratch array of merged intervals, reused for every document × code.</summary>
    private sealed class IntervalBuffer
    {
        private TextRange[] _items = new TextRange[64];

        public int Count { get; private set; }

        public TextRange this[int index] => _items[index];

        public void Clear() => Count = 0;

        public ReadOnlySpan<TextRange> Slice(int start, int end) => _items.AsSpan(start, end - start);

        /// <summary>Appends an interval of a run sorted by start, merging it into the run's last interval when they touch.</summary>
        public void AddSorted(int start, int end, int runStart)
        {
            if (Count > runStart && _items[Count - 1].End >= start)
            {
                var last = _items[Count - 1];
                _items[Count - 1] = last with { End = Math.Max(last.End, end) };
                return;
            }

            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = new TextRange(start, end);
        }
    }
}
