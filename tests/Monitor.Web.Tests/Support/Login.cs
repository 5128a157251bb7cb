using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Monitor.Web.Security;

namespace Monitor.Web.Tests.Support;

/// <summary>Logs in through the real login form, as a person would; the client keeps the cookie.</summary>
internal static class Login
{
    public const string Admin = "beheerder@demo.example";
    public const string ProjectLeader = "projectleider@demo.example";
    public const string Researcher = "onderzoeker@demo.example";
    public const string Researcher2 = "onderzoeker2@demo.example";
    public const string Management = "management@demo.example";
    public const string Participant = "deelnemer@demo.example";
    public const string Guest = "gast@demo.example";

    public static async Task<HttpClient> LoggedInClientAsync(this MonitorWebFactory factory, string email, string password = DemoAccounts.Password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostLoginAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login as {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password)
    {
        var form = await client.GetDocumentAsync("/inloggen");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = form.AntiforgeryToken(),
        });
        return await client.PostAsync("/inloggen", content);
    }

    /// <summary>A client that calls the API with a fresh personal token of <paramref name="email"/> (no cookie).</summary>
    public static async Task<HttpClient> ApiClientAsync(this MonitorWebFactory factory, string email)
    {
        using var browser = await factory.LoggedInClientAsync(email);
        using var created = await browser.PostFormAsync("/account", "/account?handler=CreateToken", new Dictionary<string, string> { ["TokenName"] = "tests" });
        var secret = (await Html.ParseAsync(created)).QuerySelector("[data-new-token]")?.TextContent
            ?? throw new InvalidOperationException("No token was shown after creating one.");
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return api;
    }

    /// <summary>Posts a form of the page at <paramref name="pageUrl"/> with its anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string action, IDictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = page.AntiforgeryToken() };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(action, content);
    }
}
