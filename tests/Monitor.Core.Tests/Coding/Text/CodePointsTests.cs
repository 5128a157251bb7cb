using System.Text;
using Monitor.Core.Coding.Text;

namespace Monitor.Core.Tests.Coding.Text;

public sealed class CodePointsTests
{
    [TestCase("", 0)]
    [TestCase("abc", 3)]
    [TestCase("👍", 1)]
    [TestCase("a👍b👍", 4)]
    [TestCase("cli\u00EBnt", 6)]
    [TestCase("clie\u0308nt", 7)]
    public void CountsCodePoints(string s, int expected)
    {
        Assert.That(CodePoints.Length(s), Is.EqualTo(expected));
    }

    [Test]
    public void CountsALoneSurrogateAsOneCodePoint()
    {
        // Built in code: a lone surrogate does not survive in attribute metadata.
        Assert.That(CodePoints.Length("a" + '\uD83D'), Is.EqualTo(2));
        Assert.That(CodePoints.Length('\uDC4D' + "\uD83D"), Is.EqualTo(2));
    }

    [TestCase(0, 0)]
    [TestCase(1, 1)]
    [TestCase(2, 3)]
    [TestCase(3, 4)]
    [TestCase(4, 6)]
    public void ConvertsCodePointIndexToUtf16(int codePoint, int expected)
    {
        Assert.That(CodePoints.ToUtf16("a👍b👍", codePoint), Is.EqualTo(expected));
    }

    [TestCase(0, 0)]
    [TestCase(1, 1)]
    [TestCase(3, 2)]
    [TestCase(4, 3)]
    [TestCase(6, 4)]
    public void ConvertsUtf16IndexToCodePoint(int utf16, int expected)
    {
        Assert.That(CodePoints.FromUtf16("a👍b👍", utf16), Is.EqualTo(expected));
    }

    [Test]
    public void RefusesIndexesOutsideTheText()
    {
        Assert.That(() => CodePoints.ToUtf16("a👍", 3), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => CodePoints.ToUtf16("a👍", -1), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => CodePoints.FromUtf16("a👍", 4), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void RefusesAUtf16IndexInsideASurrogatePair()
    {
        Assert.That(() => CodePoints.FromUtf16("a👍b", 2), Throws.TypeOf<ArgumentException>());
    }

    [Test]
    public void SlicesByCodePoints()
    {
        var s = "ok 👍 cliënt 😀!";
        Assert.That(CodePoints.Slice(s, 3, 4), Is.EqualTo("👍"));
        Assert.That(CodePoints.Slice(s, 5, 11), Is.EqualTo("cliënt"));
        Assert.That(CodePoints.Slice(s, 12, 14), Is.EqualTo("😀!"));
        Assert.That(CodePoints.Slice(s, 14, 14), Is.EqualTo(""));
        Assert.That(() => CodePoints.Slice(s, 12, 15), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => CodePoints.Slice(s, 4, 3), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void DecomposedDiacriticsCountOneMoreThanComposed()
    {
        var nfd = "clie\u0308nt loopt";
        var nfc = nfd.Normalize(NormalizationForm.FormC);
        Assert.That(CodePoints.Slice(nfd, 8, 13), Is.EqualTo("loopt"));
        Assert.That(CodePoints.Slice(nfc, 7, 12), Is.EqualTo("loopt"));
    }

    [Test]
    public void RoundTripsEveryIndexOfAMixedText()
    {
        var s = "Zoë zegt 👍🏽 en 𝄞\u0308.";
        var length = CodePoints.Length(s);
        Assert.That(length, Is.EqualTo(s.EnumerateRunes().Count()));
        for (var cp = 0; cp <= length; cp++)
        {
            Assert.That(CodePoints.FromUtf16(s, CodePoints.ToUtf16(s, cp)), Is.EqualTo(cp));
        }
    }
}
