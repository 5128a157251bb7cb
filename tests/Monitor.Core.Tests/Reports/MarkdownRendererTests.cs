using Monitor.Core.Reports;

namespace Monitor.Core.Tests.Reports;

public sealed class MarkdownRendererTests
{
    [Test]
    public void RendersEmphasisListsAndTables()
    {
        var html = MarkdownRenderer.ToHtml("**Terugblik.** Verslag vastgesteld.\n\n- punt één\n- punt twee\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");

        Assert.That(html, Does.Contain("<strong>Terugblik.</strong>"));
        Assert.That(html, Does.Contain("<li>punt één</li>"));
        Assert.That(html, Does.Contain("<table>"));
    }

    [TestCase("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [TestCase("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    public void ShowsRawHtmlAsText(string markdown, string expected)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.That(html, Does.Contain(expected));
        Assert.That(html, Does.Not.Contain("<script"));
        Assert.That(html, Does.Not.Contain("<img"));
    }

    [TestCase("[klik](javascript:alert(1))")]
    [TestCase("[klik](JavaScript:alert(1))")]
    [TestCase("[klik]( data:text/html;base64,PHNjcmlwdD4=)")]
    [TestCase("![x](vbscript:msgbox)")]
    public void NeutralisesLinksThatWouldRunCode(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.That(html.ToLowerInvariant(), Does.Not.Contain("script:").And.Not.Contain("data:"));
    }

    [TestCase("[site](https://www.movisie.nl)", "https://www.movisie.nl")]
    [TestCase("[verslag](/projecten/1/bijeenkomsten/2)", "/projecten/1/bijeenkomsten/2")]
    [TestCase("[mail](mailto:secretaris@example.org)", "mailto:secretaris@example.org")]
    public void KeepsOrdinaryLinks(string markdown, string url)
    {
        Assert.That(MarkdownRenderer.ToHtml(markdown), Does.Contain($"href=\"{url}\""));
    }
}
