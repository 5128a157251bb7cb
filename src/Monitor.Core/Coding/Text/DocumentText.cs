using System.Globalization;
using System.Text;

namespace Monitor.Core.Coding.Text;

/// <summary>
/// Turns an uploaded document into the normalised text that researchers code: .txt and .md as UTF-8 (with or without
/// byte order mark; UTF-16 with a byte order mark; anything else that is not valid UTF-8 as Windows-1252, said in the
/// result's notice) and .docx through <see cref="WordText"/>. A file that says it is UTF-8 but is damaged, or that is
/// not text at all, is refused. Every refusal is a <see cref="DocumentTextException"/> naming the file.
/// </summary>
public static class DocumentText
{
    public const long MaxUploadBytes = 2 * 1024 * 1024;
    public const int MaxCodePoints = 500_000;

    private static readonly Encoding _strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding _strictUtf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding _strictUtf16BigEndian = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> _windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    public static DocumentTextResult Read(string fileName, Stream content, long maxBytes = MaxUploadBytes)
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

        string? notice = null;
        var raw = extension == ".docx" ? WordText.Read(name, bytes) : Decode(name, bytes, out notice);
        var text = TextNormalizer.Normalize(raw);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DocumentTextException($"'{name}' is leeg.");
        }

        if (text.Length > MaxCodePoints && CodePoints.Length(text) > MaxCodePoints)
        {
            throw TooLong(name);
        }

        return new DocumentTextResult(text, notice);
    }

    internal static DocumentTextException TooLong(string name) => new(
        $"'{name}' bevat meer dan {MaxCodePoints.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))} tekens. Splits het document in delen.");

    private static string Decode(string name, byte[] bytes, out string? notice)
    {
        notice = null;
        var data = bytes.AsSpan();
        string text;
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            // The file says it is UTF-8: a damaged byte is an error to report, not a guess at another encoding.
            text = Strict(name, _strictUtf8, bytes, 3, "UTF-8");
        }
        else if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Strict(name, _strictUtf16, bytes, 2, "UTF-16");
        }
        else if (data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Strict(name, _strictUtf16BigEndian, bytes, 2, "UTF-16");
        }
        else
        {
            try
            {
                text = _strictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Older Windows tools save in the ANSI code page; for Dutch text that is Windows-1252 (ë as 0xEB).
                text = _windows1252.Value.GetString(bytes);
                notice = $"'{name}' was geen UTF-8 en is gelezen als Windows-1252 (ANSI), de codering van oudere Windows-programma's. " +
                    "Controleer of letters als ë, é en ï en het €-teken goed staan; zo niet, sla het bestand op als UTF-8 en lees het opnieuw in.";
            }
        }

        // Control characters other than tab and line breaks mean this is not a text file (a renamed binary, a PDF).
        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')))
        {
            throw new DocumentTextException($"'{name}' is geen tekstbestand: het bevat tekens die in tekst niet voorkomen. Lees een .txt, .md of .docx in.");
        }

        return text;
    }

    private static string Strict(string name, Encoding decoder, byte[] bytes, int byteOrderMark, string encoding)
    {
        try
        {
            return decoder.GetString(bytes, byteOrderMark, bytes.Length - byteOrderMark);
        }
        catch (DecoderFallbackException ex)
        {
            throw new DocumentTextException(
                $"'{name}' zegt {encoding} te zijn maar bevat ongeldige bytes (vanaf byte {ex.Index + 1}). Het bestand is beschadigd of verkeerd opgeslagen; " +
                "sla het opnieuw op als UTF-8 en lees het dan in.", ex);
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
