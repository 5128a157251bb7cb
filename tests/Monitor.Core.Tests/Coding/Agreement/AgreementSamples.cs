using Monitor.Core.Coding.Agreement;

namespace Monitor.Core.Tests.Coding.Agreement;

internal static class AgreementSamples
{
    /// <summary>A document of <paramref name="count"/> paragraphs of 10 code points, one blank code point between them: paragraph i = [11i, 11i + 10).</summary>
    public static AgreementDocument TenCharacterParagraphs(long id, int count) =>
        new(id, (count * 11) - 1, [.. Enumerable.Range(0, count).Select(i => new TextRange(11 * i, (11 * i) + 10))]);

    /// <summary>Spans that cover exactly the given paragraphs of <see cref="TenCharacterParagraphs"/>.</summary>
    public static IEnumerable<AgreementSpan> CodeParagraphs(long documentId, string code, string coder, params int[] paragraphs) =>
        paragraphs.Select(i => new AgreementSpan(documentId, code, coder, 11 * i, (11 * i) + 10));

    public static AgreementDocument SingleParagraph(long id, int length) => new(id, length, [new TextRange(0, length)]);
}
