namespace Monitor.Core.Interop.Refi;

/// <summary>
/// Reads a REFI-QDA project archive (<c>.qdpx</c>) from any tool, tolerant of the variants seen in the wild
/// (any <c>*.qde</c> name, <c>Sources/</c>, paths with or without <c>internal://</c>, inline text, namespace
/// versions). Only plain-text sources are read; everything left out is counted in the report.
/// </summary>
public static class QdpxReader
{
    /// <summary>Reads and validates the archive; text is returned as stored (minus a BOM), not normalised.</summary>
    /// <param name="input">The uploaded file; read to the end, not closed.</param>
    /// <param name="maxBytes">Largest accepted upload; the archive may unpack to at most ten times this.</param>
    /// <exception cref="RefiImportException">The file cannot be used; the Dutch message names the file or element.</exception>
    public static RefiImportResult Read(Stream input, long maxBytes)
    {
        var bytes = RefiInput.ReadLimited(input, maxBytes);
        using var archive = RefiArchive.Open(bytes, maxBytes);
        var entry = archive.FindProjectEntry();
        var document = RefiXml.LoadForImport(
            archive.Read(entry),
            entry.FullName,
            RefiXml.ProjectNamespacePrefix,
            RefiXml.ProjectNamespace,
            RefiXml.ProjectSchema());
        var report = new RefiImportReportBuilder(RefiProjectParser.MainElementTypes);
        var project = new RefiProjectParser(archive, report).Parse(document.Root!);
        return new RefiImportResult(project, report.Build());
    }
}
