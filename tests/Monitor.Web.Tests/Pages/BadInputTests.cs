using System.Net;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Pages;

/// <summary>Issue #26: input the app cannot use gets a clear Dutch answer on real Kestrel, not a bare status code.</summary>
[NonParallelizable]
public sealed class BadInputTests
{
    private MonitorWebFactory _factory = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new MonitorWebFactory();
        _factory.UseKestrel(0);
        _factory.StartServer();
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task ATenThousandCharacterSearchGetsADutchMessageOnThePageAndInTheApi()
    {
        var query = string.Concat(Enumerable.Repeat("samenwerking ", 770))[..10_000];
        using var browser = await LoggedInAsync(Login.Researcher);
        using var api = await ApiAsync(browser);

        using var page = await browser.GetAsync($"/projecten/2/zoeken?q={Uri.EscapeDataString(query)}");
        using var json = await api.GetAsync($"/api/v1/projects/2/meetings/search?q={Uri.EscapeDataString(query)}");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var document = await Html.ParseAsync(page);
        Assert.That(document.QuerySelector("[data-testid=search-error]")!.TextContent, Does.Contain("hooguit 200 tekens").And.Contain("10000"));
        Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(json.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").GetProperty("q")[0].GetString(), Does.Contain("hooguit 200 tekens"));
    }

    private async Task<HttpClient> ApiAsync(HttpClient browser)
    {
        using var created = await browser.PostFormAsync("/account", "/account?handler=CreateToken", new Dictionary<string, string> { ["TokenName"] = "tests" });
        var secret = (await Html.ParseAsync(created)).QuerySelector("[data-new-token]")!.TextContent;
        var api = new HttpClient { BaseAddress = _factory.ServerAddress };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return api;
    }

    private async Task<HttpClient> LoggedInAsync(string email)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _factory.ServerAddress };
        using var login = await client.PostLoginAsync(email, Monitor.Web.Security.DemoAccounts.Password);
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return client;
    }
}
