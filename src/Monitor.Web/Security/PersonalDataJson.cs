using System.Text.Encodings.Web;
using System.Text.Json;

namespace Monitor.Web.Security;

/// <summary>How personal-data exports (AVG inzage) are written: indented camelCase JSON with readable Dutch characters.</summary>
internal static class PersonalDataJson
{
    // Relaxed escaping keeps Dutch characters readable; the file is a download, never embedded in HTML.
    private static readonly JsonSerializerOptions _json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, _json);
}
