using Monitor.Core.Interop.Refi;

namespace Monitor.Core.Tests.Interop.Refi;

public sealed class CodePointTextTests
{
    [TestCase("", 0)]
    [TestCase("cliënt", 6)]
    [TestCase("a👍b", 3)]
    [TestCase("👍👍", 2)]
    public void CountsCodePoints(string text, int expected) =>
        Assert.That(CodePointText.Length(text), Is.EqualTo(expected));

    [Test]
    public void CountsALoneSurrogateAsOneCodePoint() =>
        Assert.That(CodePointText.Length("a\ud83d"), Is.EqualTo(2)); // attribute arguments cannot carry lone surrogates

    [TestCase("a👍b coördinator", 2, 3, "b")]
    [TestCase("a👍b coördinator", 1, 2, "👍")]
    [TestCase("a👍b coördinator", 4, 15, "coördinator")]
    [TestCase("a👍b", 3, 3, "")]
    public void SlicesByCodePoints(string text, int start, int end, string expected) =>
        Assert.That(CodePointText.Slice(text, start, end), Is.EqualTo(expected));

    [Test]
    public void ConvertsBetweenCharAndCodePointIndexes()
    {
        Assert.That(CodePointText.ToCharIndex("a👍b", 2), Is.EqualTo(3));
        Assert.That(CodePointText.FromCharIndex("a👍b", 3), Is.EqualTo(2));
    }

    [Test]
    public void RefusesAPositionAfterTheEnd() =>
        Assert.That(() => CodePointText.Slice("a👍", 0, 3), Throws.TypeOf<ArgumentOutOfRangeException>());
}
