using Monitor.Core.Coding.Text;

namespace Monitor.Core.Tests.Coding.Text;

public sealed class NormalizedTextTests
{
    [TestCase("ab\r\ncd", 0, 3, "ab", Description = "a span ending on the removed CR shrinks to the text before it")]
    [TestCase("ab\r\ncd", 2, 6, "\ncd", Description = "a span starting on the removed CR keeps the line end")]
    [TestCase("ab\r\ncd", 1, 5, "b\nc", Description = "a span across CRLF keeps one LF")]
    [TestCase("\uFEFFab", 0, 2, "a", Description = "a leading byte order mark is removed")]
    [TestCase("coo\u0308rdinator", 1, 5, "oör", Description = "a letter and its combining mark become one code point")]
    [TestCase("coo\u0308rdinator", 3, 5, "ör", Description = "a span starting between a letter and its mark takes the whole letter")]
    [TestCase("👍 ok\rja", 2, 6, "ok\nj", Description = "a lone CR becomes LF; an emoji is one code point")]
    [Description("issue #17: spans are carried through normalisation instead of dropped")]
    public void MapsARawSpanToTheNormalisedText(string raw, int start, int end, string expected)
    {
        var text = NormalizedText.Build(raw)!;

        var span = text.Map(start, end);

        Assert.That(text.Text, Is.EqualTo(TextNormalizer.Normalize(raw)));
        Assert.That(span, Is.Not.Null);
        Assert.That(CodePoints.Slice(text.Text, span!.Value.Start, span.Value.End), Is.EqualTo(expected));
    }

    [Test]
    public void ASpanOfOnlyRemovedCharactersOrOutsideTheTextHasNoPlace()
    {
        var text = NormalizedText.Build("ab\r\ncd")!;

        Assert.That(text.Map(2, 3), Is.Null, "only the CR");
        Assert.That(text.Map(0, 7), Is.Null, "past the end");
    }
}
