using Monitor.Web.Pages.Coding;

namespace Monitor.Web.Tests.Coding;

/// <summary>Issue #16: the coding view reads the minutes' Markdown while every stored character keeps its offset.</summary>
public sealed class CodedTextTests
{
    [Test]
    public void BoldItalicCodeAndHeadingMarkersAreMarkersAndTheirTextIsStyled()
    {
        const string text = "**Terugblik.** Het _plan_ is `v2`.\n## Besluit\n* lijst en 2 * 3 en snake_case_naam";

        var styles = CodedText.InlineMarkdown(text);
        string Show(TextStyle style) => new([.. text.Where((_, i) => styles[i] == style)]);

        Assert.Multiple(() =>
        {
            Assert.That(styles, Has.Length.EqualTo(text.Length));
            Assert.That(Show(TextStyle.Bold), Is.EqualTo("Terugblik."));
            Assert.That(Show(TextStyle.Italic), Is.EqualTo("plan"));
            Assert.That(Show(TextStyle.Code), Is.EqualTo("v2"));
            Assert.That(Show(TextStyle.Heading), Is.EqualTo("Besluit"));
            Assert.That(Show(TextStyle.Marker), Is.EqualTo("****__``## "), "a list star, a lone star and underscores inside a word stay text");
        });
    }

    [Test]
    public void SegmentsCoverTheStoredTextWithoutGapsAndCutAtStylesAndCodings()
    {
        const string text = "**Terugblik.** Het plan.";
        var coding = new Monitor.Core.Coding.Coding
        {
            Id = 7, DocumentId = 1, VersionId = 1, CodeId = 1, Start = 5, End = 19, Valence = Monitor.Core.Coding.Valence.Neutraal, CoderId = 1, CoderName = "x", Guid = Guid.NewGuid(), CreatedAt = DateTimeOffset.UnixEpoch,
        };

        var segments = CodedText.Segments(text, [coding], markdown: true);

        Assert.Multiple(() =>
        {
            Assert.That(string.Concat(segments.Select(s => s.Text)), Is.EqualTo(text), "every stored character is in the page");
            Assert.That(segments.Zip(segments.Skip(1)).All(p => p.First.End == p.Second.Start), Is.True);
            Assert.That(segments.Select(s => (s.Start, s.Text)), Is.EqualTo(new[] { (0, "**Ter"), (5, "ugblik.** Het "), (19, "plan.") }), "cut at the coding only");
            Assert.That(segments.SelectMany(s => s.Runs).Select(r => (r.Start, r.Text, r.Style)), Is.EqualTo(new[]
            {
                (0, "**", TextStyle.Marker), (2, "Ter", TextStyle.Bold), (5, "ugblik.", TextStyle.Bold), (12, "**", TextStyle.Marker), (14, " Het ", TextStyle.None),
            }), "each coded segment keeps one mark; the styles are runs inside it");
            Assert.That(segments[1].CodingIds, Is.EqualTo(new[] { 7L }));
            Assert.That(segments[2].Runs, Is.Empty, "plain text has no runs");
        });
    }
}
