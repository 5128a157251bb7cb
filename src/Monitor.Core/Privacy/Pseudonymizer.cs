using System.Text.RegularExpressions;

namespace Monitor.Core.Privacy;

/// <summary>
/// Replaces the project's listed names by their codes ("[P01]") in text that leaves the tool: CSV,
/// REFI-QDA and report exports all pass their free text through <see cref="Apply"/>. Whole words only,
/// case-insensitive, longest name first (so "Jan de Vries" wins over "Jan").
/// </summary>
public sealed class Pseudonymizer
{
    private readonly Regex? _pattern;
    private readonly Dictionary<string, string> _codes;

    public Pseudonymizer(IEnumerable<Pseudonym> pseudonyms)
    {
        ArgumentNullException.ThrowIfNull(pseudonyms);
        var list = pseudonyms.Where(p => !string.IsNullOrWhiteSpace(p.Name)).ToList();
        _codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in list)
        {
            _codes[p.Name.Trim()] = p.Code;
        }

        if (_codes.Count > 0)
        {
            var alternatives = _codes.Keys.OrderByDescending(n => n.Length).Select(n => Regex.Escape(n).Replace(@"\ ", @"\s+", StringComparison.Ordinal));
            _pattern = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }
    }

    public static Pseudonymizer None { get; } = new([]);

    public string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text) || _pattern is null)
        {
            return text ?? "";
        }

        return _pattern.Replace(text, match =>
        {
            var key = Regex.Replace(match.Value, @"\s+", " ");
            return _codes.TryGetValue(key, out var code) ? $"[{code}]" : "[anoniem]";
        });
    }
}
