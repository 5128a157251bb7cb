using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Monitor.Core.Reports;

/// <summary>
/// Renders Markdown from monitored sources (minutes, notes) to HTML. One pipeline, built once (Markdig
/// pipelines are immutable and thread-safe). Raw HTML is disabled, so typed tags appear as text; links
/// and images may only point to http(s), mailto or a relative address, so a "javascript:" link cannot run.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseTaskLists()
        .DisableHtml()
        .Build();

    /// <summary>The Markdown as Markdig's syntax tree, parsed with the same pipeline (the Word output walks it).</summary>
    internal static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, _pipeline);

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        return document.ToHtml(_pipeline);
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }

        return trimmed.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }
}
