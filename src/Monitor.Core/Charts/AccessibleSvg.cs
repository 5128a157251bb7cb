using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Monitor.Core.Charts;

/// <summary>
/// Turns the SVG that ScottPlot writes into what pages and reports embed: a root with role="img" labelled by its
/// own &lt;title&gt; and &lt;desc&gt;, a viewBox and width 100% so that it scales to the column, classes for CSS
/// (chart, chart-KIND, chart-SIZE), ids made unique per chart (several charts share one page), equal clip paths
/// and their groups merged, tidy &lt;text&gt; elements (trimmed, one placement each, the root naming a font stack
/// the browser can fall back on) and no XML declaration. The same input always gives the same text.
/// </summary>
internal static partial class AccessibleSvg
{
    private const string FontStack = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif";
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace _xlink = "http://www.w3.org/1999/xlink";

    public static string Finish(string scottPlotSvg, ChartSpec spec, int width, int height)
    {
        var root = XDocument.Parse(scottPlotSvg).Root ?? throw new InvalidOperationException("ScottPlot wrote an empty SVG.");
        var elementId = ElementId(spec.Id);
        RenameIds(root, elementId);
        MergeClipGroups(root);
        foreach (var text in root.Descendants(_svg + "text"))
        {
            Tidy(text);
        }

        root.SetAttributeValue("font-family", FontStack);

        root.Attribute("width")?.Remove();
        root.Attribute("height")?.Remove();
        root.Attribute(XNamespace.Xmlns + "xlink")?.Remove();
        root.SetAttributeValue("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {width} {height}"));
        root.SetAttributeValue("width", "100%");
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", $"{elementId}-title {elementId}-desc");
        root.SetAttributeValue("class", $"chart chart-{Kind(spec)} chart-{Size(width)}");
        root.AddFirst(
            new XElement(_svg + "title", new XAttribute("id", $"{elementId}-title"), ChartText.Clean(spec.Title)),
            new XElement(_svg + "desc", new XAttribute("id", $"{elementId}-desc"), ChartText.Clean(spec.Description)));
        return Write(root);
    }

    /// <summary>The short name of a chart kind, for CSS classes: "bar", "timeline" and so on.</summary>
    public static string Kind(ChartSpec spec) => spec switch
    {
        TimelineChartSpec => "timeline",
        BarChartSpec => "bar",
        StackedBarChartSpec => "stacked",
        DivergingBarChartSpec => "diverging",
        HeatmapChartSpec => "heatmap",
        LikertChartSpec => "likert",
        ProfileChartSpec => "profile",
        _ => "other",
    };

    /// <summary>
    /// A size class from the drawn width, so that CSS can let a chart grow to about that width and no further
    /// (inline styles are not allowed by the pages' content security policy): s up to 520, m up to 680, l up to
    /// 820 and xl beyond, in CSS pixels.
    /// </summary>
    public static string Size(int width) => width switch
    {
        <= 520 => "s",
        <= 680 => "m",
        <= 820 => "l",
        _ => "xl",
    };

    // ScottPlot numbers its clip paths per process; two charts on one page must not share an id. It also writes
    // one clip path per plottable, mostly the same data area again: equal ones are merged into the first.
    private static void RenameIds(XElement root, string prefix)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var clipByShape = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var clip in root.Descendants(_svg + "clipPath").ToList())
        {
            var shape = string.Concat(clip.Elements().Select(element => element.ToString(SaveOptions.DisableFormatting)));
            if (clip.Attribute("id") is { } id && clipByShape.TryGetValue(shape, out var first))
            {
                renamed[id.Value] = first;
                clip.Remove();
            }
            else if (clip.Attribute("id") is { } kept)
            {
                clipByShape[shape] = kept.Value;
            }
        }

        var fresh = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.Descendants())
        {
            if (element.Attribute("id") is { } id)
            {
                fresh[id.Value] = string.Create(CultureInfo.InvariantCulture, $"{prefix}-d{fresh.Count}");
                id.Value = fresh[id.Value];
            }
        }

        foreach (var (old, first) in renamed.ToList())
        {
            renamed[old] = fresh[first];
        }

        foreach (var (old, name) in fresh)
        {
            renamed[old] = name;
        }

        foreach (var attribute in root.Descendants().SelectMany(element => element.Attributes()))
        {
            if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
            {
                attribute.Value = UrlReference().Replace(attribute.Value, match =>
                    renamed.TryGetValue(match.Groups[1].Value, out var target) ? $"url(#{target})" : "none");
            }
            else if (attribute.Name == _xlink + "href" || attribute.Name == "href")
            {
                attribute.Value = attribute.Value.StartsWith('#') && renamed.TryGetValue(attribute.Value[1..], out var target) ? "#" + target : "";
            }
        }
    }

    /// <summary>Moves the content of a group into the group before it when both only clip to the same path (ScottPlot writes one group per plottable).</summary>
    private static void MergeClipGroups(XElement root)
    {
        foreach (var parent in root.DescendantsAndSelf().ToList())
        {
            XElement? previous = null;
            foreach (var group in parent.Elements().ToList())
            {
                var clip = group.Name == _svg + "g" && group.Attributes().Count() == 1 ? (string?)group.Attribute("clip-path") : null;
                if (clip is not null && previous is not null && (string?)previous.Attribute("clip-path") == clip)
                {
                    previous.Add(group.Nodes());
                    group.Remove();
                    continue;
                }

                previous = clip is null ? null : group;
            }
        }
    }

    private static void Tidy(XElement text)
    {
        foreach (var node in text.Nodes().OfType<XText>())
        {
            node.Value = node.Value.Trim();
        }

        // the root names the font stack once
        text.Attribute("font-family")?.Remove();
        // Skia writes one position per glyph with a trailing separator ("1, 2, "), which browsers refuse as a whole.
        // The first one places the text; the browser spaces the glyphs itself, which keeps the page small and reads
        // naturally when it falls back on another font than DejaVu Sans.
        foreach (var name in new[] { "x", "y" })
        {
            if (text.Attribute(name) is { } positions)
            {
                var first = positions.Value.Split([',', ' '], 2, StringSplitOptions.RemoveEmptyEntries);
                positions.Value = first.Length > 0 ? first[0] : "0";
            }
        }
    }

    private static string ElementId(string id)
    {
        var elementId = new StringBuilder("chart-");
        foreach (var c in id)
        {
            elementId.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return elementId.ToString();
    }

    private static string Write(XElement root)
    {
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        var svg = new StringBuilder();
        using (var writer = XmlWriter.Create(svg, settings))
        {
            root.WriteTo(writer);
        }

        return svg.ToString();
    }

    [GeneratedRegex(@"url\(#([^)]*)\)")]
    private static partial Regex UrlReference();
}
