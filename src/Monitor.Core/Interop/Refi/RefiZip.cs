using System.IO.Compression;

namespace Monitor.Core.Interop.Refi;

/// <summary>Zip details shared by export and import.</summary>
internal static class RefiZip
{
    public const string ProjectEntryName = "project.qde";
    public const string SourcesFolder = "sources";

    // A fixed stamp (DOS time starts in 1980) so that exporting the same model twice gives identical bytes.
    private static readonly DateTimeOffset _entryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void AddEntry(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = _entryTime;
        using var stream = entry.Open();
        stream.Write(content);
    }

    public static string SourceEntryName(Guid guid) => $"{SourcesFolder}/{RefiXml.Format(guid)}.txt";

    public static string InternalPath(Guid guid) => $"internal://{RefiXml.Format(guid)}.txt";

    /// <summary>"50 MB", "1,5 MB", "800 kB" or "12 bytes" for Dutch messages.</summary>
    public static string FormatSize(long bytes)
    {
        const long Mega = 1024 * 1024;
        var dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        return bytes switch
        {
            >= Mega => (bytes / (double)Mega).ToString("0.#", dutch) + " MB",
            >= 1024 => (bytes / 1024.0).ToString("0.#", dutch) + " kB",
            _ => $"{bytes} bytes",
        };
    }
}
