using AngleSharp;
using AngleSharp.Dom;

namespace Monitor.Web.Tests.Support;

/// <summary>Parses a page the way a browser would, so tests assert on elements, not on substrings.</summary>
internal static class Html
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    public static string AntiforgeryToken(this IDocument document) =>
        document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no anti-forgery token.");
}
