using System.Text.RegularExpressions;
using Monitor.Core.Coding.Text;

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

    /// <summary>
    /// Pseudonymises a coded text and returns a map of its code-point offsets, so codings keep pointing at the same
    /// words (a span that starts or ends inside a replaced name snaps to the code that replaced it).
    /// </summary>
    public (string Text, Func<int, bool, int> MapOffset) ApplyKeepingOffsets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_pattern is null)
        {
            return (text, (offset, _) => offset);
        }

        var replacements = new List<(int Start, int End, int NewStart, int NewEnd)>();
        var output = new System.Text.StringBuilder(text.Length);
        var last = 0;
        var shift = 0;
        foreach (Match match in _pattern.Matches(text))
        {
            output.Append(text, last, match.Index - last);
            var code = Replacement(match);
            var start = CodePoints.FromUtf16(text, match.Index);
            var end = CodePoints.FromUtf16(text, match.Index + match.Length);
            var newStart = start + shift;
            var newEnd = newStart + CodePoints.Length(code);
            replacements.Add((start, end, newStart, newEnd));
            shift = newEnd - end;
            output.Append(code);
            last = match.Index + match.Length;
        }

        output.Append(text, last, text.Length - last);
        return (output.ToString(), (offset, isEnd) =>
        {
            var delta = 0;
            foreach (var r in replacements)
            {
                if (offset <= r.Start)
                {
                    break;
                }

                if (offset < r.End)
                {
                    return isEnd ? r.NewEnd : r.NewStart;
                }

                delta = r.NewEnd - r.End;
            }

            return offset + delta;
        });
    }

    public string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text) || _pattern is null)
        {
            return text ?? "";
        }

        return _pattern.Replace(text, Replacement);
    }

    private string Replacement(Match match)
    {
        var key = Regex.Replace(match.Value, @"\s+", " ");
        return _codes.TryGetValue(key, out var code) ? $"[{code}]" : "[anoniem]";
    }
}
