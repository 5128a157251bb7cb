using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Security;

public sealed class ApiSecurityTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    [Test]
    public async Task AnUnsafeApiCallWithTheLoginCookieNeedsTheAntiforgeryToken()
    {
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);

        using var response = await admin.PostAsJsonAsync("/api/v1/projects", NewProject("zonder-token"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("anti-forgery"));
    }

    [Test]
    public async Task APageFormWithoutAntiforgeryTokenIsRefused()
    {
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["TokenName"] = "zonder token" });

        using var response = await leader.PostAsync("/account?handler=CreateToken", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task APersonalTokenWorksUntilItIsRevoked()
    {
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        using var created = await leader.PostFormAsync("/account", "/account?handler=CreateToken", new Dictionary<string, string> { ["TokenName"] = "R-script" });
        var secret = (await Html.ParseAsync(created)).QuerySelector("[data-new-token]")!.TextContent;
        using var api = _factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        using var before = await api.GetAsync("/api/v1/me");
        var tokenId = (await leader.GetDocumentAsync("/account")).QuerySelector("form[action*=RevokeToken] input[name=tokenId]")!.GetAttribute("value")!;
        using var revoke = await leader.PostFormAsync("/account", "/account?handler=RevokeToken", new Dictionary<string, string> { ["tokenId"] = tokenId });
        using var after = await api.GetAsync("/api/v1/me");

        Assert.That(secret, Does.StartWith("im_"));
        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using (var me = JsonDocument.Parse(await before.Content.ReadAsStringAsync()))
        {
            Assert.That(me.RootElement.GetProperty("email").GetString(), Is.EqualTo(Login.ProjectLeader));
        }

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(after.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task ABeheerderCreatesAProjectWithATokenAndBadInputIsAProblemInDutch()
    {
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);
        using var created = await admin.PostFormAsync("/account", "/account?handler=CreateToken", new Dictionary<string, string> { ["TokenName"] = "automatisering" });
        var secret = (await Html.ParseAsync(created)).QuerySelector("[data-new-token]")!.TextContent;
        using var api = _factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        using var ok = await api.PostAsJsonAsync("/api/v1/projects", NewProject("pilot-tiel"));
        using var bad = await api.PostAsJsonAsync("/api/v1/projects", NewProject("Pilot Tiel!") with { CurrentPhase = 9 });

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").GetProperty("currentPhase")[0].GetString(), Does.Contain("Movisie-fase"));
        Assert.That(problem.RootElement.GetProperty("errors").GetProperty("slug")[0].GetString(), Does.Contain("kleine letters"));
    }

    [Test]
    public async Task MalformedJsonIsAProblemWithoutInternals()
    {
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);
        using var created = await admin.PostFormAsync("/account", "/account?handler=CreateToken", new Dictionary<string, string> { ["TokenName"] = "kapotte json" });
        using var api = _factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Html.ParseAsync(created)).QuerySelector("[data-new-token]")!.TextContent);
        using var body = new StringContent("{\"slug\": ", System.Text.Encoding.UTF8, "application/json");

        using var response = await api.PostAsync("/api/v1/projects", body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(text, Does.Not.Contain(" at ").And.Not.Contain("Exception"));
    }

    [Test]
    public async Task ManagementSeesStructureButNoMeetingNotesOrMembers()
    {
        using var manager = await _factory.LoggedInClientAsync(Login.Management);
        using var list = JsonDocument.Parse(await manager.GetStringAsync("/api/v1/projects"));
        var id = list.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "keuzehulp-werkzaak").GetProperty("id").GetInt64();

        using var project = JsonDocument.Parse(await manager.GetStringAsync($"/api/v1/projects/{id}"));
        var page = await manager.GetDocumentAsync($"/projecten/{id}");

        var groups = project.RootElement.GetProperty("groups").EnumerateArray().ToList();
        Assert.That(groups.SelectMany(g => g.GetProperty("meetings").EnumerateArray()).Select(m => m.GetProperty("note").GetString()), Has.All.Empty);
        Assert.That(groups.Select(g => g.GetProperty("members").GetArrayLength()), Has.All.Zero);
        Assert.That(page.QuerySelectorAll("section.group details"), Is.Empty);
        Assert.That(page.QuerySelector("dl.facts")!.TextContent, Does.Contain("113"), "the counts are there");
    }

    [Test]
    public async Task ApiResponsesCarryTheSecurityHeadersToo()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/projects");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("default-src 'self'"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
    }

    private static NewProjectBody NewProject(string slug) => new(slug, "Pilot Samen Beslissen Tiel", "Gemeente Tiel", "Samen Beslissen", "2026-01-05", null, 1);

    private sealed record NewProjectBody(string Slug, string Name, string Organisation, string Innovation, string StartDate, string? EndDate, int CurrentPhase);
}
