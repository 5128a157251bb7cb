using System.Globalization;
using System.Xml.Linq;

namespace Monitor.Core.Tests.Charts;

/// <summary>Reads rendered charts back as XML, so tests assert on elements rather than on strings.</summary>
internal static class ChartSvg
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    public static List<XElement> WithClass(this XElement root, string name, string className) =>
        [.. root.Descendants(Svg + name).Where(e => (string?)e.Attribute("class") == className)];

    public static List<XElement> Bars(this XElement root) => root.WithClass("rect", "bar");

    public static string Text(this XElement element, string attribute) =>
        (string?)element.Attribute(attribute) ?? throw new AssertionException($"<{element.Name.LocalName}> has no {attribute} attribute.");

    public static double Number(this XElement element, string attribute) =>
        double.Parse(element.Text(attribute), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The text a reader sees: the element's own text and tspans, without tooltip titles; lines joined by a space.</summary>
    public static string Shown(this XElement text)
    {
        var spans = text.Elements(Svg + "tspan").Select(span => span.Value).ToList();
        return spans.Count > 0 ? string.Join(' ', spans) : string.Concat(text.Nodes().OfType<XText>().Select(node => node.Value));
    }

    public static string? Tooltip(this XElement element) => element.Element(Svg + "title")?.Value;

    /// <summary>The x of the tick at the first day of a month, "2021-07".</summary>
    public static double TickX(this XElement root, string month) =>
        root.WithClass("line", "tick").Single(tick => tick.Text("data-month") == month).Number("x1");
}
