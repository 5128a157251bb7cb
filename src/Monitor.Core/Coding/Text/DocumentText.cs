using System.Globalization;
using System.Text;

namespace Monitor.Core.Coding.Text;

/// <summary>
/// Turns an uploaded document into the normalised text that researchers code: .txt and .md as UTF-8 (with or without
/// byte order mark; UTF-16 with a byte order mark; anything else that is not valid UTF-8 as Windows-1252) and .docx
/// through <see cref="WordText"/>. Every refusal is a <see cref="DocumentTextException"/> naming the file.
/// </summary>
public static class DocumentText
{
    public const long MaxUploadBytes = 2 * 1024 * 1024;
    public const int MaxCodePoints = 500_000;

    private static readonly Encoding _strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> _windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    public static string Read(string fileName, Stream content, long maxBytes = MaxUploadBytes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        // Some browsers send the full client path, with the client's separators.
        var name = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".txt" or ".md" or ".docx"))
        {
            throw new DocumentTextException($"'{name}': alleen .txt, .md en .docx kunnen worden ingelezen.");
        }

        var bytes = ReadAtMost(content, maxBytes) ?? throw new DocumentTextException($"'{name}' is groter dan {FormatSize(maxBytes)}.");
        if (bytes.Length == 0)
        {
            throw new DocumentTextException($"'{name}' is leeg.");
        }

        var raw = extension == ".docx" ? WordText.Read(name, bytes) : Decode(bytes);
        var text = TextNormalizer.Normalize(raw);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DocumentTextException($"'{name}' is leeg.");
        }

        if (text.Length > MaxCodePoints && CodePoints.Length(text) > MaxCodePoints)
        {
            throw TooLong(name);
        }

        return text;
    }

    internal static DocumentTextException TooLong(string name) => new(
        $"'{name}' bevat meer dan {MaxCodePoints.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))} tekens. Splits het document in delen.");

    private static string Decode(byte[] bytes)
    {
        var data = bytes.AsSpan();
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            // The file says it is UTF-8; a damaged byte becomes U+FFFD rather than a guess at another encoding.
            return Encoding.UTF8.GetString(data[3..]);
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(data[2..]);
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(data[2..]);
        }

        try
        {
            return _strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Older Windows tools save in the ANSI code page; for Dutch text that is Windows-1252 (ë as 0xEB).
            return _windows1252.Value.GetString(bytes);
        }
    }

    /// <summary>All bytes of <paramref name="content"/>, or null as soon as there are more than <paramref name="maxBytes"/>.</summary>
    private static byte[]? ReadAtMost(Stream content, long maxBytes)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string FormatSize(long bytes)
    {
        var culture = CultureInfo.GetCultureInfo("nl-NL");
        return bytes switch
        {
            >= 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.#", culture) + " MB",
            >= 1024 => (bytes / 1024d).ToString("0.#", culture) + " kB",
            _ => bytes.ToString(culture) + " bytes",
        };
    }
}
