using System.Xml.Linq;

namespace Monitor.Core.Interop.Refi;

/// <summary>Writes a REFI-QDA codebook (<c>.qdc</c>): plain XML in <c>urn:QDA-XML:codebook:1.0</c>.</summary>
public static class QdcWriter
{
    /// <summary>Validates against the embedded Codebook.xsd before anything is written; <paramref name="output"/> stays open.</summary>
    /// <exception cref="RefiValidationException">Duplicate GUIDs, no codes, or a schema error (with line numbers).</exception>
    public static void Write(RefiCodebook codebook, Stream output)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        ArgumentNullException.ThrowIfNull(output);

        var problems = RefiModelCheck.Check(codebook);
        if (problems.Count > 0)
        {
            throw new RefiValidationException(problems);
        }

        var ns = RefiXml.CodebookNamespace;
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                ns + "CodeBook",
                new XAttribute("xmlns", ns.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "xsi", RefiXml.Xsi.NamespaceName),
                new XAttribute(
                    RefiXml.Xsi + "schemaLocation",
                    $"{ns.NamespaceName} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd"),
                string.IsNullOrEmpty(codebook.Origin) ? null : new XAttribute("origin", codebook.Origin),
                new XElement(ns + "Codes", codebook.Codes.Select(c => RefiCodeXml.Write(c, ns)))));
        var xml = QdpxWriter.Serialize(document);
        var errors = RefiXml.Validate(RefiXml.Load(xml), RefiXml.CodebookSchema());
        if (errors.Count > 0)
        {
            throw new RefiValidationException(errors.Select(e => "codeboek " + e).ToList());
        }

        output.Write(xml);
    }
}
