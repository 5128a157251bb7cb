using System.Xml;
using System.Xml.Linq;

namespace Monitor.Core.Interop.Refi;

/// <summary>The Code element, which Project.xsd and Codebook.xsd share apart from the namespace (and NoteRef).</summary>
internal static class RefiCodeXml
{
    public static XElement Write(RefiCode code, XNamespace ns) =>
        new(
            ns + "Code",
            new XAttribute("guid", RefiXml.Format(code.Guid)),
            new XAttribute("name", code.Name),
            new XAttribute("isCodable", code.IsCodable ? "true" : "false"),
            code.Color is null ? null : new XAttribute("color", code.Color),
            code.Description is null ? null : new XElement(ns + "Description", code.Description),
            code.Children.Select(child => Write(child, ns)));

    /// <summary>Reads a Code and its children; <paramref name="onCode"/> sees every code read, depth first.</summary>
    public static RefiCode Read(XElement element, XNamespace ns, Action<XElement, RefiCode> onCode)
    {
        var children = element.Elements(ns + "Code").Select(child => Read(child, ns, onCode)).ToList();
        var code = new RefiCode(
            RefiXml.ParseGuid(element.Attribute("guid")!.Value),
            element.Attribute("name")!.Value,
            XmlConvert.ToBoolean(element.Attribute("isCodable")!.Value.Trim()),
            NormalizeColor(element.Attribute("color")?.Value),
            element.Element(ns + "Description")?.Value,
            children);
        onCode(element, code);
        return code;
    }

    // The schema also allows #RGB; the model promises #RRGGBB.
    private static string? NormalizeColor(string? color)
    {
        if (color is null)
        {
            return null;
        }

        color = color.Trim();
        return color.Length == 4
            ? string.Concat("#", new string(color[1], 2), new string(color[2], 2), new string(color[3], 2))
            : color;
    }
}
