using Monitor.Core.Common;

namespace Monitor.Web.Endpoints;

/// <summary>The one way the API reads an uploaded file sent as the raw request body.</summary>
internal static class RequestBody
{
    /// <summary>Reads the body into memory; more than <paramref name="maxBytes"/> is refused with a Dutch <see cref="ValidationException"/> on "file".</summary>
    /// <exception cref="ValidationException">The body is larger than <paramref name="maxBytes"/>.</exception>
    public static async Task<MemoryStream> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static ValidationException TooLarge(long maxBytes) =>
        new([new ValidationError("file", $"Het bestand is groter dan {maxBytes / 1024 / 1024} MB.")]);
}
