using System.IO.Compression;
using System.Text;

namespace Monitor.Core.Interop.Refi;

/// <summary>
/// An uploaded <c>.qdpx</c> opened for reading. Tolerates what other tools write (any <c>*.qde</c> name,
/// <c>Sources/</c> in any case, backslashes) and stops reading once the unpacked bytes pass ten times the
/// upload limit, whatever the archive claims about its entry sizes.
/// </summary>
internal sealed class RefiArchive : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly List<(string Path, ZipArchiveEntry Entry)> _files;
    private readonly long _unpackLimit;
    private long _remaining;

    private RefiArchive(ZipArchive zip, long unpackLimit)
    {
        _zip = zip;
        _unpackLimit = unpackLimit;
        _remaining = unpackLimit;
        _files = zip.Entries
            .Select(e => (Path: e.FullName.Replace('\\', '/'), Entry: e))
            .Where(f => !f.Path.EndsWith('/'))
            .ToList();
    }

    /// <exception cref="RefiImportException">Not a zip, or it would unpack to more than ten times <paramref name="maxBytes"/>.</exception>
    public static RefiArchive Open(byte[] bytes, long maxBytes)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new RefiImportException("Het bestand is geen zip-archief (.qdpx)", e);
        }

        var unpackLimit = Math.Min(maxBytes, long.MaxValue / 10) * 10;
        var archive = new RefiArchive(zip, unpackLimit);
        if (archive._files.Sum(f => f.Entry.Length) > unpackLimit)
        {
            archive.Dispose();
            throw UnpacksTooLarge(unpackLimit);
        }

        return archive;
    }

    /// <summary>The single <c>*.qde</c> at the root of the archive.</summary>
    public ZipArchiveEntry FindProjectEntry()
    {
        var qde = _files.Where(f => f.Path.EndsWith(".qde", StringComparison.OrdinalIgnoreCase)).ToList();
        var atRoot = qde.Where(f => !f.Path.Contains('/')).ToList();
        return atRoot.Count switch
        {
            1 => atRoot[0].Entry,
            0 when qde.Count > 0 => throw new RefiImportException(
                $"Geen .qde-bestand in de hoofdmap van het archief (wel: {string.Join(", ", qde.Select(f => f.Path))})"),
            0 => throw new RefiImportException("Geen .qde-bestand in het archief"),
            _ => throw new RefiImportException(
                $"Meer dan één .qde-bestand in het archief: {string.Join(", ", atRoot.Select(f => f.Path))}"),
        };
    }

    public byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = OpenEntry(entry);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            _remaining -= read;
            if (_remaining < 0)
            {
                throw UnpacksTooLarge(_unpackLimit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The text a <c>plainTextPath</c> points at: <c>internal://X.txt</c>, <c>X.txt</c>, <c>sources/X.txt</c>, or an
    /// external path whose file was packed anyway; matched by file name, ignoring case, preferring the sources folder.
    /// </summary>
    /// <param name="plainTextPath">The attribute value as found in the <c>.qde</c>.</param>
    /// <param name="shownPath">The path to name when the file is missing.</param>
    public string? TryReadText(string plainTextPath, out string shownPath)
    {
        var path = plainTextPath.Trim();
        var external = false;
        var schemeEnd = path.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            external = !path.StartsWith("internal://", StringComparison.OrdinalIgnoreCase);
            path = path[(schemeEnd + 3)..];
        }

        var fileName = path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        shownPath = external ? plainTextPath : $"{RefiZip.SourcesFolder}/{fileName}";
        var entry = FindFile(fileName) ?? (fileName.Contains('%') ? FindFile(Uri.UnescapeDataString(fileName)) : null);
        return entry is null ? null : Decode(Read(entry), entry.FullName);
    }

    public void Dispose() => _zip.Dispose();

    private ZipArchiveEntry? FindFile(string fileName) =>
        _files
            .Where(f => string.Equals(f.Path[(f.Path.LastIndexOf('/') + 1)..], fileName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => IsInSourcesFolder(f.Path) ? 0 : f.Path.Contains('/') ? 2 : 1)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => f.Entry)
            .FirstOrDefault();

    private static bool IsInSourcesFolder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash > 0 && string.Equals(path[..slash], RefiZip.SourcesFolder, StringComparison.OrdinalIgnoreCase);
    }

    private static Stream OpenEntry(ZipArchiveEntry entry)
    {
        try
        {
            return entry.Open();
        }
        catch (InvalidDataException e)
        {
            throw new RefiImportException($"{entry.FullName} in het archief is beschadigd of gebruikt een onbekende compressie", e);
        }
    }

    // UTF-8 as the spec demands; a BOM is dropped, and a UTF-16 BOM is honoured because some Windows tools write it.
    private static string Decode(byte[] bytes, string entryName)
    {
        if (bytes.AsSpan().StartsWith((byte[])[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.AsSpan().StartsWith((byte[])[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        var skip = bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            throw new RefiImportException($"{entryName} is geen UTF-8-tekst", e);
        }
    }

    private static RefiImportException UnpacksTooLarge(long unpackLimit) =>
        new($"Het archief pakt uit tot meer dan {RefiZip.FormatSize(unpackLimit)} en wordt niet ingelezen");
}
