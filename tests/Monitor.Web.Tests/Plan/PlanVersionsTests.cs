using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Plan;

/// <summary>
/// Plan versions through the API and the pages (#23), on the Keuzehulp demo (concept 1 → concept 2 → concept 3 →
/// definitief): save, vaststellen, the difference, who may change a status, and the factsheet for management.
/// </summary>
public sealed class PlanVersionsTests
{
    private readonly MonitorWebFactory _factory = new();
    private HttpClient _leader = null!;
    private long _project;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _leader = await _factory.ApiClientAsync(Login.ProjectLeader);
        using var projects = JsonDocument.Parse(await _leader.GetStringAsync("/api/v1/projects"));
        _project = projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "keuzehulp-werkzaak").GetProperty("id").GetInt64();
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _leader.Dispose();
        _factory.Dispose();
    }

    private async Task<JsonElement> VersionsAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/projects/{_project}/plan/versions"));
        return json.RootElement.Clone();
    }

    [Test]
    public async Task TheDemoHistoryRunsFromConcept1ToTheVastgesteldeDefinitief()
    {
        var versions = await VersionsAsync(_leader);

        var oldest = versions.EnumerateArray().OrderBy(v => v.GetProperty("number").GetInt32()).Take(4).ToList();
        Assert.That(oldest.Select(v => v.GetProperty("name").GetString()), Is.EqualTo(new[] { "Concept 1", "Concept 2", "Concept 3", "Definitief" }));
        Assert.That(oldest.Take(3).Select(v => v.GetProperty("status").GetString()), Has.All.EqualTo("terbespreking"));
        Assert.That(oldest[3].GetProperty("adoptedOn").GetString(), Is.EqualTo("2021-01-12"));
        var concept3 = versions.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "Concept 3");
        var step = concept3.GetProperty("steps").EnumerateArray().Last();
        Assert.That((step.GetProperty("group").GetString(), step.GetProperty("meetingOn").GetString()), Is.EqualTo(("Veranderteam", "2020-12-15")));
        var concept2 = versions.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "Concept 2");
        Assert.That(concept2.GetProperty("steps").EnumerateArray().Last().GetProperty("who").GetString(), Does.Contain("lid MT"));
    }

    [Test]
    public async Task CreateVaststellenAndDiffThroughTheApi()
    {
        var definitief = (await VersionsAsync(_leader)).EnumerateArray().Single(v => v.GetProperty("name").GetString() == "Definitief").GetProperty("id").GetInt64();
        using var added = await _leader.PostAsJsonAsync($"/api/v1/projects/{_project}/plan/activities", new { phase = 5, title = "Jaarlijkse evaluatie met de cliëntenraad", owner = "Kernteam", plannedMonth = "2022-06" });
        using var created = await _leader.PostAsJsonAsync($"/api/v1/projects/{_project}/plan/versions", new { name = "Bijstelling 2022", note = "Na de eerste evaluatie" });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var adopted = await _leader.PostAsJsonAsync($"/api/v1/projects/{_project}/plan/versions/{id}/status", new { status = "vastgesteld", who = "Veranderteam" });
        using var diff = JsonDocument.Parse(await _leader.GetStringAsync($"/api/v1/projects/{_project}/plan/versions/{id}/diff?from={definitief}"));
        using var again = await _leader.PostAsJsonAsync($"/api/v1/projects/{_project}/plan/versions/{id}/status", new { status = "terbespreking", groupId = (long?)null, who = "Kernteam" });
        var versions = await VersionsAsync(_leader);

        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        Assert.That(created.Headers.Location!.OriginalString, Is.EqualTo($"/api/v1/projects/{_project}/plan/versions/{id}"));
        Assert.That(adopted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await adopted.Content.ReadAsStringAsync());
        Assert.That(versions.EnumerateArray().Count(v => v.GetProperty("status").GetString() == "vastgesteld"), Is.EqualTo(1));
        Assert.That(versions.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "Definitief").GetProperty("status").GetString(), Is.EqualTo("vervangen"));
        Assert.That(diff.RootElement.GetProperty("fromName").GetString(), Is.EqualTo("Definitief"));
        var changes = diff.RootElement.GetProperty("activities").EnumerateArray().Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("title").GetString())).ToList();
        Assert.That(changes, Does.Contain(("toegevoegd", "Jaarlijkse evaluatie met de cliëntenraad")));
        Assert.That(changes, Does.Contain(("gewijzigd", "Cliënten informeren met de brochure over de keuzehulp")), "moved from April to May after the definitief version");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("is vastgesteld en verandert niet meer"));
    }

    [Test]
    public async Task AStatusStepWithoutGroupOrRoleIsRefusedInDutchAndAnUnknownVersionIs404()
    {
        using var created = await _leader.PostAsJsonAsync($"/api/v1/projects/{_project}/plan/versions", new { name = "Concept zonder bespreking" });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        using var nobody = await _leader.PostAsJsonAsync($"/api/v1/projects/{_project}/plan/versions/{id}/status", new { status = "terbespreking" });
        using var badStatus = await _leader.PostAsJsonAsync($"/api/v1/projects/{_project}/plan/versions/{id}/status", new { status = "goedgekeurd", who = "MT" });
        using var missing = await _leader.GetAsync($"/api/v1/projects/{_project}/plan/versions/999999");
        using var noName = await _leader.PostAsJsonAsync($"/api/v1/projects/{_project}/plan/versions", new { name = "" });

        Assert.That(nobody.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(nobody.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await nobody.Content.ReadAsStringAsync(), Does.Contain("bij welke groep of met wie"));
        Assert.That(await badStatus.Content.ReadAsStringAsync(), Does.Contain("geen status"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await noName.Content.ReadAsStringAsync(), Does.Contain("Vul de naam van de versie in"));
    }

    [Test]
    public async Task OnlyTheProjectLeaderChangesAStatusOthersAreRefusedAndNothingChanges()
    {
        var versions = await VersionsAsync(_leader);
        var concept1 = versions.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "Concept 1").GetProperty("id").GetInt64();
        var page = $"/projecten/{_project}/plan/versies/{concept1}";
        using var manager = await _factory.LoggedInClientAsync(Login.Management);
        using var researcherApi = await _factory.ApiClientAsync(Login.Researcher);

        var managerPage = await manager.GetDocumentAsync(page);
        using var refused = await manager.PostFormAsync(page, $"/projecten/{_project}/plan/versies/wijzigen?handler=Status",
            new Dictionary<string, string> { ["versionId"] = concept1.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = "vastgesteld", ["who"] = "MT" });
        using var forbidden = await researcherApi.PostAsJsonAsync($"/api/v1/projects/{_project}/plan/versions/{concept1}/status", new { status = "vastgesteld", who = "MT" });
        using var read = await researcherApi.GetAsync($"/api/v1/projects/{_project}/plan/versions/{concept1}");

        Assert.That(managerPage.QuerySelector("[data-testid=steps]"), Is.Not.Null, "management reads the version");
        Assert.That(managerPage.QuerySelector("[data-testid=status-form]"), Is.Null, "and has nothing to change");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(refused.Headers.Location!.OriginalString, Does.Contain("/geen-toegang"));
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var after = (await VersionsAsync(_leader)).EnumerateArray().Single(v => v.GetProperty("id").GetInt64() == concept1);
        Assert.That(after.GetProperty("status").GetString(), Is.EqualTo("terbespreking"), "nothing changed");
    }

    [Test]
    public async Task TheProjectLeaderSavesAVersionAndTakesAStepThroughThePages()
    {
        using var browser = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        var list = $"/projecten/{_project}/plan/versies";

        using var saved = await browser.PostFormAsync(list, $"{list}/wijzigen?handler=Create", new Dictionary<string, string> { ["name"] = "Concept 5 (pagina)", ["note"] = "Via de pagina" });
        var listPage = await browser.GetDocumentAsync(list);
        var row = listPage.QuerySelectorAll("[data-testid=versions] tr[data-version-id]").First(r => r.TextContent.Contains("Concept 5 (pagina)", StringComparison.Ordinal));
        var versionId = row.GetAttribute("data-version-id")!;
        var veranderteam = (await browser.GetDocumentAsync($"{list}/{versionId}")).QuerySelectorAll("#groupId option").Single(o => o.TextContent == "Veranderteam").GetAttribute("value")!;
        using var step = await browser.PostFormAsync($"{list}/{versionId}", $"{list}/wijzigen?handler=Status",
            new Dictionary<string, string> { ["versionId"] = versionId, ["status"] = "terbespreking", ["on"] = "", ["groupId"] = veranderteam, ["who"] = "", ["note"] = "" });
        var versionPage = await browser.GetDocumentAsync($"{list}/{versionId}");

        Assert.That(saved.Headers.Location!.OriginalString, Is.EqualTo(list));
        Assert.That(listPage.QuerySelector("p.notice")!.TextContent, Does.Contain("Concept 5 (pagina)"));
        Assert.That(step.Headers.Location!.OriginalString, Is.EqualTo($"{list}/{versionId}"));
        Assert.That(versionPage.QuerySelector("[data-testid=version-status]")!.TextContent, Is.EqualTo("ter bespreking"));
        Assert.That(versionPage.QuerySelector("[data-testid=steps]")!.TextContent, Does.Contain("bij Veranderteam"));
    }

    [Test]
    public async Task ThePlanPageNamesTheBaselineForEveryRoleThatSeesThePlan()
    {
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);

        var page = await researcher.GetDocumentAsync($"/projecten/{_project}/plan");

        var baseline = page.QuerySelector("[data-testid=plan-baseline]")!;
        Assert.That(baseline.TextContent, Does.Contain("Voortgang en rapportages meten tegen"));
        Assert.That(baseline.QuerySelector("a")!.GetAttribute("href"), Does.StartWith($"/projecten/{_project}/plan/versies/"));
    }

    [Test]
    public async Task ManagementReadsTheFactsheetAsPageWordAndPrintableHtml()
    {
        using var manager = await _factory.LoggedInClientAsync(Login.Management);
        using var managerApi = await _factory.ApiClientAsync(Login.Management);
        var query = "?from=2021-01-01&to=2021-03-31";

        var page = await manager.GetDocumentAsync($"/projecten/{_project}/rapporten/factsheet{query}");
        using var word = await manager.GetAsync($"/projecten/{_project}/rapporten/factsheet.docx{query}");
        using var html = await manager.GetAsync($"/projecten/{_project}/rapporten/factsheet.html{query}");
        using var api = JsonDocument.Parse(await managerApi.GetStringAsync($"/api/v1/projects/{_project}/factsheet{query}"));
        using var bad = await managerApi.GetAsync($"/api/v1/projects/{_project}/factsheet?from=31-03-2021");

        Assert.That(page.QuerySelector("[data-testid=factsheet] table")!.TextContent, Does.Contain("Bijeenkomsten gehouden"));
        Assert.That(page.QuerySelector("[data-testid=factsheet]")!.TextContent, Does.Contain("Gemeten tegen planversie ‘Definitief’ (vastgesteld 12-01-2021)"));
        Assert.That(word.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        Assert.That(await html.Content.ReadAsStringAsync(), Does.Contain("margin: 12mm 14mm"));
        Assert.That(api.RootElement.GetProperty("markdown").GetString(), Does.StartWith("# Factsheet"));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
