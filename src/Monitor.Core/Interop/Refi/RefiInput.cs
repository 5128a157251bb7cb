namespace Monitor.Core.Interop.Refi;

/// <summary>Reads an upload into memory, refusing it as soon as it passes the size limit.</summary>
internal static class RefiInput
{
    public static byte[] ReadLimited(Stream input, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (input.CanSeek && input.Length - input.Position > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static RefiImportException TooLarge(long maxBytes) =>
        new($"Het bestand is groter dan {RefiZip.FormatSize(maxBytes)}");
}
