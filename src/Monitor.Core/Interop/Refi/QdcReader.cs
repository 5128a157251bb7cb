namespace Monitor.Core.Interop.Refi;

/// <summary>Reads a REFI-QDA codebook (<c>.qdc</c>); any <c>urn:QDA-XML:codebook:</c> version is accepted. Sets are ignored.</summary>
public static class QdcReader
{
    /// <exception cref="RefiImportException">Too large, not XML, not valid against Codebook.xsd, or a GUID used twice.</exception>
    public static RefiCodebook Read(Stream input, long maxBytes)
    {
        var bytes = RefiInput.ReadLimited(input, maxBytes);
        var document = RefiXml.LoadForImport(
            bytes,
            "Het codeboek (.qdc)",
            RefiXml.CodebookNamespacePrefix,
            RefiXml.CodebookNamespace,
            RefiXml.CodebookSchema());
        var ns = RefiXml.CodebookNamespace;
        var root = document.Root!;
        var seen = new HashSet<Guid>();
        var codes = root.Element(ns + "Codes")!
            .Elements(ns + "Code")
            .Select(c => RefiCodeXml.Read(c, ns, (_, code) =>
            {
                if (!seen.Add(code.Guid))
                {
                    throw new RefiImportException($"Code-GUID {RefiXml.Format(code.Guid)} komt meer dan eens voor in het codeboek");
                }
            }))
            .ToList();
        return new RefiCodebook((string?)root.Attribute("origin") ?? "", codes);
    }
}
