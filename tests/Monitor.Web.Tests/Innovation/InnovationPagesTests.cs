using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Innovation;

/// <summary>Core elements, fidelity checklists (logged in and through a personal link) and reach, through pages and API (issue #22).</summary>
[NonParallelizable]
public sealed class InnovationPagesTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    private async Task<long> ProjectIdAsync(string slug)
    {
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);
        using var projects = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/projects"));
        return projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug).GetProperty("id").GetInt64();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string action, params (string Key, string Value)[] fields)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", page.AntiforgeryToken())).ToList();
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(action, content);
    }

    [Test]
    [Description("issue #22: the demo projects are linked to their innovation's core elements (Arnhem: 7 steps, 3 core points, three-talk; Keuzehulp: methodisch werken)")]
    public async Task TheDemoProjectsCarryTheCoreElementsOfTheirInnovation()
    {
        using var api = await _factory.ApiClientAsync(Login.Management);
        using var arnhem = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{await ProjectIdAsync("samen-beslissen-arnhem")}/core-elements"));
        using var keuzehulp = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{await ProjectIdAsync("keuzehulp-werkzaak")}/core-elements"));
        using var frameworks = JsonDocument.Parse(await api.GetStringAsync("/api/v1/frameworks/core-elements"));

        var arnhemNames = arnhem.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.That(arnhemNames, Has.Count.EqualTo(14));
        Assert.That(arnhemNames, Does.Contain("Drijfveren & beweegredenen").And.Contain("Beslis samen over het meest passende traject").And.Contain("Optiegesprek (option talk)"));
        Assert.That(keuzehulp.RootElement.EnumerateArray().Take(4).Select(e => e.GetProperty("frameworkCode").GetString()), Is.All.EqualTo("methodisch-werken"));
        Assert.That(frameworks.RootElement.GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    [Description("issue #22: a personal link lets a professional file a checklist without an account; after revoking it opens nothing")]
    public async Task APersonalLinkFilesAChecklistWithoutAnAccountUntilRevoked()
    {
        var projectId = await ProjectIdAsync("keuzehulp-werkzaak");
        var page = $"/projecten/{projectId}/kernelementen";
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);

        using var made = await PostAsync(leader, page, $"{page}?handler=Link", ("label", "Werkcoach 7"), ("team", "Team Tiel"));
        var notice = (await leader.GetDocumentAsync(page)).QuerySelector("p.notice")!.TextContent;
        var url = new Uri(notice[notice.IndexOf("http", StringComparison.Ordinal)..].Trim());
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await anonymous.GetDocumentAsync(url.PathAndQuery);
        var elements = form.QuerySelectorAll("input[name=delivered]").Select(i => i.GetAttribute("value")!).ToList();
        using var saved = await PostAsync(anonymous, url.PathAndQuery, url.PathAndQuery, ("conversationOn", "2026-11-20"), ("delivered", elements[0]), ("delivered", elements[1]), ("note", "Intake"));
        var thanks = await anonymous.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        Assert.That(made.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(form.QuerySelector("p.meta")!.TextContent, Does.Contain("Team Tiel"));
        Assert.That(form.QuerySelector("nav.subnav"), Is.Null, "the link shows nothing else of the project");
        Assert.That(elements, Has.Count.EqualTo(4));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(thanks.QuerySelector("p.notice")!.TextContent, Does.Contain("opgeslagen"));
        using var fidelity = JsonDocument.Parse(await leader.GetStringAsync($"/api/v1/projects/{projectId}/fidelity"));
        var first = fidelity.RootElement.GetProperty("elements")[0];
        Assert.That((first.GetProperty("checklists").GetInt32(), first.GetProperty("delivered").GetInt32()), Is.EqualTo((1, 1)));
        Assert.That(fidelity.RootElement.GetProperty("elements")[2].GetProperty("delivered").GetInt32(), Is.Zero);

        var linkId = (await leader.GetDocumentAsync(page)).QuerySelector("[data-testid=links] input[name=linkId]")!.GetAttribute("value")!;
        using var revoked = await PostAsync(leader, page, $"{page}?handler=Revoke", ("linkId", linkId));
        var closed = await anonymous.GetDocumentAsync(url.PathAndQuery);
        Assert.That(closed.QuerySelector("p.error")!.TextContent, Does.Contain("ingetrokken"));
        Assert.That(closed.QuerySelector("input[name=delivered]"), Is.Null);
    }

    [Test]
    [Description("issue #22: management sees fidelity only from 5 checklists up; the team sees every count; a deelnemer cannot read aggregates")]
    public async Task ManagementSeesFidelityOnlyFromFiveChecklists()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        using var researcher = await _factory.ApiClientAsync(Login.Researcher);
        using var management = await _factory.ApiClientAsync(Login.Management);
        using var participant = await _factory.ApiClientAsync(Login.Participant);
        using var elements = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/core-elements"));
        var first = elements.RootElement[0].GetProperty("id").GetInt64();
        var url = $"/api/v1/projects/{projectId}/fidelity";

        for (var i = 1; i <= 4; i++)
        {
            using var posted = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/fidelity-checklists",
                new { team = "Team Oost", conversationOn = $"2026-10-0{i}", kind = "observatie", delivered = new[] { first } });
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        using var four = JsonDocument.Parse(await management.GetStringAsync(url));
        using var team = JsonDocument.Parse(await researcher.GetStringAsync(url));
        using var fifth = await participant.PostAsJsonAsync($"/api/v1/projects/{projectId}/fidelity-checklists",
            new { team = "Team Oost", conversationOn = "2026-10-05", kind = "zelfrapportage", delivered = new[] { first } });
        using var five = JsonDocument.Parse(await management.GetStringAsync(url));
        using var forbidden = await participant.GetAsync(url);

        Assert.That(four.RootElement.GetProperty("elements")[0].GetProperty("percent").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(four.RootElement.GetProperty("elements")[0].GetProperty("checklists").GetInt32(), Is.EqualTo(4));
        Assert.That(team.RootElement.GetProperty("elements")[0].GetProperty("percent").GetDouble(), Is.EqualTo(100.0));
        Assert.That(fifth.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(five.RootElement.GetProperty("elements")[0].GetProperty("percent").GetDouble(), Is.EqualTo(100.0));
        Assert.That(five.RootElement.GetProperty("elements")[1].GetProperty("percent").GetDouble(), Is.EqualTo(0.0));
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    [Description("issue #22: a deelnemer self-reports but cannot file an observation; bad input is refused whole with Dutch problem+json")]
    public async Task ADeelnemerSelfReportsOnlyAndBadInputIsRefusedInDutch()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        using var participant = await _factory.ApiClientAsync(Login.Participant);
        var url = $"/api/v1/projects/{projectId}/fidelity-checklists";

        using var observation = await participant.PostAsJsonAsync(url, new { team = "Team Oost", conversationOn = "2026-10-05", kind = "observatie", delivered = Array.Empty<long>() });
        using var future = await participant.PostAsJsonAsync(url, new { team = "Team Oost", conversationOn = "2099-01-01", delivered = new long[] { 999_999 } });
        var problem = JsonDocument.Parse(await future.Content.ReadAsStringAsync()).RootElement;

        Assert.That(observation.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(JsonDocument.Parse(await observation.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("kind")[0].GetString(), Does.Contain("zelfrapportage"));
        Assert.That(future.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(future.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("errors").GetProperty("conversationOn")[0].GetString(), Is.EqualTo("De datum van het gesprek ligt in de toekomst."));
        Assert.That(problem.GetProperty("errors").GetProperty("delivered")[0].GetString(), Does.StartWith("Onbekend kernelement"));
    }

    [Test]
    [Description("issue #22: the projectleider enters reach counts; the API answers shares per month and sustainment after the end")]
    public async Task ReachCountsGiveSharesAndSustainment()
    {
        var projectId = await ProjectIdAsync("keuzehulp-werkzaak");
        using var leader = await _factory.ApiClientAsync(Login.ProjectLeader);
        using var researcher = await _factory.ApiClientAsync(Login.Researcher);
        var url = $"/api/v1/projects/{projectId}/reach";

        using var saved = await leader.PutAsJsonAsync(url, new { team = "Team Tiel", month = "2022-03", professionals = 20, trained = 16, users = 10, targetClients = 400, clientsReached = 60 });
        using var bad = await leader.PutAsJsonAsync(url, new { team = "Team Tiel", month = "2022-04", professionals = 20, trained = 25, users = 10, targetClients = 400, clientsReached = 60 });
        using var notAllowed = await researcher.PutAsJsonAsync(url, new { team = "Team Tiel", month = "2022-04", professionals = 1, trained = 1, users = 1, targetClients = 1, clientsReached = 1 });
        using var reach = JsonDocument.Parse(await researcher.GetStringAsync(url));

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("meer getrainde professionals"));
        Assert.That(notAllowed.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var total = reach.RootElement.GetProperty("totals")[0];
        Assert.That((total.GetProperty("trainedPercent").GetDouble(), total.GetProperty("adoptionPercent").GetDouble(), total.GetProperty("reachPercent").GetDouble()), Is.EqualTo((80.0, 50.0, 15.0)));
        Assert.That(reach.RootElement.GetProperty("sustainment").GetArrayLength(), Is.EqualTo(2), "the Keuzehulp project has an end date");
    }

    [Test]
    [Description("issue #22: the page's changes are the projectleider's: the onderzoeker is refused and nothing is saved; management sees no forms")]
    public async Task OnlyTheProjectLeaderChangesCoreElements()
    {
        var projectId = await ProjectIdAsync("keuzehulp-werkzaak");
        var page = $"/projecten/{projectId}/kernelementen";
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);
        using var manager = await _factory.LoggedInClientAsync(Login.Management);

        using var refused = await PostAsync(researcher, page, $"{page}?handler=Add", ("name", "Door de onderzoeker"));
        using var added = await PostAsync(leader, page, $"{page}?handler=Add", ("name", "Keuzehulp samen invullen"), ("deliveredWhen", "De cliënt vult de keuzehulp samen met de werkcoach in."));
        var leaderPage = await leader.GetDocumentAsync(page);
        var managerPage = await manager.GetDocumentAsync(page);

        Assert.That(refused.Headers.Location?.OriginalString, Does.Contain("geen-toegang"), "forbidden: sent to the no-access page");
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(leaderPage.QuerySelector("p.notice")!.TextContent, Does.Contain("Keuzehulp samen invullen"));
        var names = managerPage.QuerySelectorAll("[data-testid=core-elements] strong").Select(s => s.TextContent).ToList();
        Assert.That(names, Does.Contain("Keuzehulp samen invullen").And.Not.Contain("Door de onderzoeker"));
        Assert.That(managerPage.QuerySelectorAll("main form[method=post]"), Is.Empty);
        Assert.That(managerPage.QuerySelector("[data-testid=fidelity]"), Is.Not.Null);
    }

    [Test]
    [Description("issue #22: a count that is not a whole number is refused on the page with a Dutch message and nothing is saved")]
    public async Task TheReachFormRefusesAnUnreadableCountInDutch()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        var page = $"/projecten/{projectId}/kernelementen";
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);

        using var posted = await PostAsync(leader, page, $"{page}?handler=Reach", ("team", "Team Formulier"), ("month", "2021-05"), ("professionals", "tien"), ("trained", "5"));
        var after = await leader.GetDocumentAsync(page);

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.QuerySelector("p.error")!.TextContent, Is.EqualTo("'tien' is geen geheel getal voor het aantal professionals."));
        Assert.That(after.QuerySelector("[data-testid=reach]")!.TextContent, Does.Not.Contain("Team Formulier"), "nothing was saved");
    }
}
