using Monitor.Core.Coding.Text;

namespace Monitor.Core.Tests.Coding.Text;

public sealed class ParagraphsTests
{
    [Test]
    public void SplitsOnBlankAndWhitespaceOnlyLines()
    {
        var text = "Eerste alinea\nloopt door.\n\n\n  \t \nTweede\n \nDerde";
        var paragraphs = Paragraphs.Split(text);
        Assert.That(paragraphs.Select(p => CodePoints.Slice(text, p.Start, p.End)), Is.EqualTo(new[] { "Eerste alinea\nloopt door.", "Tweede", "Derde" }));
        Assert.That(paragraphs[0], Is.EqualTo(new TextSpan(0, 25)));
    }

    [Test]
    public void IgnoresLeadingAndTrailingBlankLines()
    {
        Assert.That(Paragraphs.Split("\n\n  \nalinea\n\n\n"), Is.EqualTo(new[] { new TextSpan(5, 11) }));
    }

    [Test]
    public void KeepsIndentationOfTheFirstLine()
    {
        Assert.That(Paragraphs.Split("  ingesprongen\n\nnog een"), Is.EqualTo(new[] { new TextSpan(0, 14), new TextSpan(16, 23) }));
    }

    [Test]
    public void CountsEmojiAsOneCodePoint()
    {
        Assert.That(Paragraphs.Split("👍👍\n\nna"), Is.EqualTo(new[] { new TextSpan(0, 2), new TextSpan(4, 6) }));
    }

    [TestCase("")]
    [TestCase("\n \n\t\n")]
    public void FindsNoParagraphsInBlankText(string text)
    {
        Assert.That(Paragraphs.Split(text), Is.Empty);
    }
}
