using System.Net;
using System.Text.RegularExpressions;

namespace Monitor.Load;

/// <summary>Reads what a browser would take from a page: the anti-forgery token of its forms, a new API token shown once.</summary>
internal static partial class FormToken
{
    /// <summary>The value of the first hidden __RequestVerificationToken input, or null.</summary>
    public static string? Find(string html)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            if (input.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal) && ValueAttribute().Match(input.Value) is { Success: true } value)
            {
                return WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }

        return null;
    }

    /// <summary>The API token the account page shows once after "create token" (the element marked data-new-token).</summary>
    public static string? FindNewApiToken(string html) =>
        NewApiToken().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value.Trim()) : null;

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("data-new-token[^>]*>([^<]+)<")]
    private static partial Regex NewApiToken();
}
