using System.Globalization;
using System.Text;

namespace Monitor.Core.Learning;

/// <summary>
/// Suggests agenda entries when the same kind of "minder gewerkt" answer comes back over meetings: the same MIDI determinant
/// coded in answers of at least <see cref="MinMeetingsPerDeterminant"/> meetings, or the same significant word (five letters
/// or more, not a common Dutch word, accents ignored) in answers of at least <see cref="MinMeetingsPerWord"/> meetings.
/// Answers an entry links already are left out. Deterministic: the same answers always give the same list, most meetings
/// first, determinants before words, then by key.
/// </summary>
public static class LearningSuggester
{
    public const int MinMeetingsPerDeterminant = 2;
    public const int MinMeetingsPerWord = 3;
    public const int MaxSuggestions = 10;

    private static readonly HashSet<string> _commonWords = new(StringComparer.Ordinal)
    {
        "hebben", "worden", "werden", "wordt", "kunnen", "konden", "zouden", "omdat", "welke", "waren", "tijdens", "andere",
        "minder", "gewerkt", "beter", "alleen", "moeten", "moest", "bijeenkomst", "sessie", "eigenlijk", "echter", "hierdoor",
        "daardoor", "zonder", "tussen", "alles", "iedereen", "vooral", "graag", "waarin", "waardoor", "heeft", "hadden",
        "onder", "nogal", "steeds", "weinig", "volgende", "vorige", "werkte", "vonden", "vinden", "dingen", "eerst",
        "daarna", "achter", "vanuit", "tegen", "elkaar", "nieuwe", "zelfs", "zoals", "terwijl", "hoewel", "misschien",
    };

    public static IReadOnlyList<LearningSuggestion> Suggest(IEnumerable<LessAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var open = answers.Where(a => !a.AlreadyLinked && !string.IsNullOrWhiteSpace(a.Text)).OrderBy(a => a.HeldOn).ThenBy(a => a.ReflectionId).ToList();
        var candidates = new List<(LearningSuggestion Suggestion, int Order)>();

        foreach (var group in open.SelectMany(a => a.Determinants.Distinct().Select(d => (Determinant: d, Answer: a))).GroupBy(x => x.Determinant))
        {
            var matched = group.Select(x => x.Answer).ToList();
            if (matched.Select(a => a.MeetingId).Distinct().Count() >= MinMeetingsPerDeterminant)
            {
                candidates.Add((Build($"midi-{group.Key.ToString(CultureInfo.InvariantCulture)}", matched,
                    $"Terugkerend knelpunt: MIDI-determinant {group.Key.ToString(CultureInfo.InvariantCulture)}") with { Determinant = group.Key }, 0));
            }
        }

        foreach (var group in open.SelectMany(a => SignificantWords(a.Text).Select(w => (Word: w, Answer: a))).GroupBy(x => x.Word, StringComparer.Ordinal))
        {
            var matched = group.Select(x => x.Answer).ToList();
            if (matched.Select(a => a.MeetingId).Distinct().Count() >= MinMeetingsPerWord)
            {
                candidates.Add((Build($"woord-{group.Key}", matched, $"Terugkerend knelpunt: '{group.Key}'") with { Word = group.Key }, 1));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. candidates
            .OrderByDescending(c => c.Suggestion.MeetingIds.Count)
            .ThenBy(c => c.Order)
            .ThenBy(c => c.Suggestion.Key, StringComparer.Ordinal)
            .Select(c => c.Suggestion)
            // the same answers found through a word as through a determinant say nothing new
            .Where(s => seen.Add(string.Join(',', s.ReflectionIds)))
            .Take(MaxSuggestions)];
    }

    /// <summary>The words of an answer the suggester compares: lower case, accents removed, five letters or more, not common; each once.</summary>
    public static IReadOnlyList<string> SignificantWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetter(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }

            Flush();
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length >= 5)
            {
                var word = current.ToString();
                if (!_commonWords.Contains(word) && !words.Contains(word, StringComparer.Ordinal))
                {
                    words.Add(word);
                }
            }

            current.Clear();
        }
    }

    private static LearningSuggestion Build(string key, List<LessAnswer> matched, string title) => new()
    {
        Key = key,
        Title = title,
        ReflectionIds = [.. matched.Select(a => a.ReflectionId).Distinct().Order()],
        MeetingIds = [.. matched.Select(a => a.MeetingId).Distinct().Order()],
    };
}
