using Monitor.Core.Coding;

namespace Monitor.Core.Tests.Coding;

public sealed class RoundDifferencesTests
{
    private static Monitor.Core.Coding.Coding Coding(long id, long coder, int start, int end, Valence valence = Valence.Belemmerend, long code = 7) => new()
    {
        Id = id, DocumentId = 1, VersionId = 1, CodeId = code, Start = start, End = end, Valence = valence, CoderId = coder, CoderName = $"C{coder}",
        Guid = Guid.Empty, CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Test]
    public void CutsTheTextAtEveryStartAndEndAndJoinsPiecesWithTheSameCodersAndValences()
    {
        // three coders: 1 codes 0–50, 2 codes 10–30 and 30–40 (touching), 3 codes 20–60
        var spans = RoundDifferences.Compute([Coding(1, 1, 0, 50), Coding(2, 2, 10, 30), Coding(3, 2, 30, 40), Coding(4, 3, 20, 60)], [1, 2, 3]);

        Assert.That(spans.Select(s => (s.Start, s.End, s.Kind, string.Join(",", s.Codings.Select(c => c.CoderId)))), Is.EqualTo(new[]
        {
            (0, 10, (DifferenceKind?)DifferenceKind.Overlap, "1"),
            (10, 20, DifferenceKind.Overlap, "1,2"),
            (20, 40, null, "1,2,3"),
            (40, 50, DifferenceKind.Overlap, "1,3"),
            (50, 60, DifferenceKind.Overlap, "3"),
        }));
    }

    [Test]
    public void SeparatesAgreedTextFromAValenceConflictAndKeepsCodesApart()
    {
        var spans = RoundDifferences.Compute(
            [Coding(1, 1, 0, 20, Valence.Bevorderend), Coding(2, 2, 0, 10, Valence.Bevorderend), Coding(3, 2, 10, 20, Valence.Belemmerend), Coding(4, 1, 5, 8, code: 9)], [1, 2]);

        Assert.That(spans.Select(s => (s.CodeId, s.Start, s.End, s.Kind)), Is.EqualTo(new[]
        {
            (7L, 0, 10, (DifferenceKind?)null),
            (7L, 10, 20, DifferenceKind.Valentie),
            (9L, 5, 8, DifferenceKind.Overlap),
        }));
    }
}
