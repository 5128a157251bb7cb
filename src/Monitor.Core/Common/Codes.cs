namespace Monitor.Core.Common;

/// <summary>
/// The one spelling of every domain enum in the database, URLs, forms, CSV and the API: the member name in lower case
/// ("gehouden", "belemmerend", "ontwikkelgroep"). Parsing ignores case and refuses numbers and unknown words.
/// </summary>
public static class Codes
{
    public static string ToCode<T>(this T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static bool TryParse<T>(string? code, out T value)
        where T : struct, Enum
    {
        value = default;
        return code is not null && !int.TryParse(code, out _) && Enum.TryParse(code.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <exception cref="FormatException">The code is not one of <typeparamref name="T"/>'s.</exception>
    public static T Parse<T>(string code)
        where T : struct, Enum =>
        TryParse<T>(code, out var value) ? value : throw new FormatException($"Onbekende waarde '{code}' voor {typeof(T).Name}.");

    /// <summary>All codes of <typeparamref name="T"/>, in declaration order (for messages listing the choices).</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => v.ToCode())];
}
