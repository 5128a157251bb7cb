using Monitor.Core.Coding.Agreement;

namespace Monitor.Bench;

/// <summary>
/// A synthetic coding round: 200 documents totalling 1 000 000 code points, 3 coders, 30 codes, about 6 000 spans.
/// Coders code the same "true" passages with shifted boundaries, and sometimes miss one or add one of their own.
/// </summary>
internal static class AgreementBenchmark
{
    private const int BaseDocumentCount = 200;
    private const int BaseTotalLength = 1_000_000;
    private const int CodeCount = 30;
    private const int PassagesPerDocument = 11;
    private static readonly string[] Coders = ["coder-a", "coder-b", "coder-c"];

    public static int Run(int scale)
    {
        var input = Generate(seed: 20240611, BaseDocumentCount * scale, BaseTotalLength * scale);
        Console.WriteLine(
            $"agreement: {input.Documents.Count} documents, {input.Documents.Sum(d => (long)d.Length)} code points, "
            + $"{input.Documents.Sum(d => d.Paragraphs.Count)} paragraphs, {input.Coders.Count} coders, {input.Codes.Count} codes, "
            + $"{input.Spans.Count} spans");

        AgreementReport? report = null;
        Measurement.Time("AgreementCalculator.Compute", runs: 5, () => report = AgreementCalculator.Compute(input));

        var pooled = report!.Pooled;
        Console.WriteLine(
            $"  pooled: character κ {pooled.Characters[0].Kappa:F3}, segment κ {pooled.Segments[0].Kappa:F3}, "
            + $"α {pooled.Alpha.Alpha:F3} (pair {pooled.Characters[0].CoderA}/{pooled.Characters[0].CoderB})");
        return 0;
    }

    private static AgreementInput Generate(int seed, int documentCount, int totalLength)
    {
        var random = new Random(seed);
        var codes = Enumerable.Range(1, CodeCount).Select(i => $"code-{i:D2}").ToArray();
        var documents = new List<AgreementDocument>(documentCount);
        var spans = new List<AgreementSpan>();
        var remaining = totalLength;
        for (var d = 0; d < documentCount; d++)
        {
            var length = d == documentCount - 1
                ? remaining
                : Math.Min(remaining - (documentCount - d - 1) * 1000, random.Next(2_500, 7_500));
            remaining -= length;
            var documentId = d + 1L;
            documents.Add(new AgreementDocument(documentId, length, Paragraphs(random, length)));

            for (var passage = 0; passage < PassagesPerDocument; passage++)
            {
                var code = codes[random.Next(codes.Length)];
                var passageLength = random.Next(80, 600);
                var start = random.Next(0, length - passageLength);
                foreach (var coder in Coders)
                {
                    if (random.NextDouble() < 0.15)
                    {
                        continue;
                    }

                    var codedStart = Math.Clamp(start + random.Next(-40, 41), 0, length - 1);
                    var codedEnd = Math.Clamp(start + passageLength + random.Next(-40, 41), codedStart + 1, length);
                    spans.Add(new AgreementSpan(documentId, code, coder, codedStart, codedEnd));
                }
            }

            foreach (var coder in Coders)
            {
                if (random.NextDouble() < 0.5)
                {
                    var ownLength = random.Next(50, 400);
                    var ownStart = random.Next(0, length - ownLength);
                    spans.Add(new AgreementSpan(documentId, codes[random.Next(codes.Length)], coder, ownStart, ownStart + ownLength));
                }
            }
        }

        // Shuffle so the calculator cannot rely on input order.
        var shuffled = spans.ToArray();
        random.Shuffle(shuffled);
        return new AgreementInput(documents, Coders, codes, shuffled);
    }

    private static List<TextRange> Paragraphs(Random random, int length)
    {
        var paragraphs = new List<TextRange>();
        var position = 0;
        while (position < length)
        {
            var end = Math.Min(length, position + random.Next(150, 700));
            paragraphs.Add(new TextRange(position, end));
            position = end + 2; // a blank line between paragraphs
        }

        return paragraphs;
    }
}
