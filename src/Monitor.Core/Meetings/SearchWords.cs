using System.Text;

namespace Monitor.Core.Meetings;

/// <summary>How the meeting search reads a query: as plain words, never as search syntax.</summary>
public static class SearchWords
{
    /// <summary>
    /// The words of a query as the search reads them: runs of letters and digits (at most 12, from the first 200
    /// characters). Search syntax ("AND", "OR", quotes, <c>*</c>, <c>NEAR(</c>) has no meaning here: it is read as words.
    /// </summary>
    public static IReadOnlyList<string> Of(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var terms = new List<string>();
        var current = new StringBuilder();
        var text = (query.Length > 200 ? query[..200] : query).Normalize(NormalizationForm.FormC);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                terms.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            terms.Add(current.ToString());
        }

        return terms.Count > 12 ? terms[..12] : terms;
    }

    /// <summary>True when the query holds something a search engine might read as syntax (quotes, *, brackets, AND/OR/NOT/NEAR),
    /// so the page can say that it was read as plain words.</summary>
    public static bool LooksLikeSyntax(string? query) =>
        !string.IsNullOrWhiteSpace(query)
        && (query.IndexOfAny(['"', '*', '(', ')', ':', '^', '+']) >= 0 || Of(query).Any(w => w is "AND" or "OR" or "NOT" or "NEAR"));
}
