using System.Collections.Frozen;

namespace Monitor.Core.Reports.Templates;

/// <summary>The word a template writes for each <see cref="PlaceholderKind"/> (<c>waarde</c>, <c>tabel</c>, …), both ways.</summary>
public static class PlaceholderKeywords
{
    private static readonly FrozenDictionary<PlaceholderKind, string> _keywords = new Dictionary<PlaceholderKind, string>
    {
        [PlaceholderKind.Waarde] = "waarde",
        [PlaceholderKind.Tabel] = "tabel",
        [PlaceholderKind.Tekst] = "tekst",
        [PlaceholderKind.Grafiek] = "grafiek",
        [PlaceholderKind.Als] = "#als",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, PlaceholderKind> _kinds =
        _keywords.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>The keyword of <paramref name="kind"/>: "waarde" for <see cref="PlaceholderKind.Waarde"/>, "#als" for <see cref="PlaceholderKind.Als"/>.</summary>
    public static string Of(PlaceholderKind kind) =>
        _keywords.TryGetValue(kind, out var keyword) ? keyword : throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    /// <summary>The kind a keyword stands for; null for a word that is no keyword (keywords are lower case).</summary>
    public static PlaceholderKind? Find(string word) => _kinds.TryGetValue(word, out var kind) ? kind : null;
}
