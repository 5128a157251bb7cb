using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Coding;
using Monitor.Core.Findings;
using Monitor.Core.Projects;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Reports;

/// <summary>Findings, suggestions and reports against the demo data, through pages and the API.</summary>
public sealed class FindingsAndReportsTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    private async Task<long> ProjectIdAsync(string slug) =>
        (await _factory.Services.GetRequiredService<ProjectStore>().ListAsync()).Single(p => p.Slug == slug).Id;

    [Test]
    public async Task TheDemoFindingsAreListedByKindAndHeadingWithTheirEvidence()
    {
        var arnhem = await ProjectIdAsync("samen-beslissen-arnhem");
        using var manager = await _factory.LoggedInClientAsync(Login.Management);

        var page = await manager.GetDocumentAsync($"/projecten/{arnhem}/bevindingen");

        Assert.That(page.QuerySelectorAll("[data-testid=findings-succesfactor] li"), Has.Length.EqualTo(12));
        Assert.That(page.QuerySelectorAll("[data-testid=findings-les] li"), Has.Length.EqualTo(7));
        Assert.That(page.QuerySelectorAll("[data-testid=findings-succesfactor] h3").Length, Is.EqualTo(3));
        Assert.That(page.QuerySelector("details form[action$='/bevindingen/nieuw']"), Is.Null, "management reads, does not write");
        var first = page.QuerySelector("[data-testid=findings-succesfactor] li a")!.GetAttribute("href")!;
        var detail = await manager.GetDocumentAsync(first);
        Assert.That(detail.QuerySelectorAll("[data-testid=evidence] li").Length, Is.GreaterThanOrEqualTo(2));
        Assert.That(detail.QuerySelector("[data-testid=finding-status]")!.TextContent, Is.EqualTo("vastgesteld"));
    }

    [Test]
    [Description("issue #16: a finding names its MIDI determinants and Bowen areas; the trail shows a deleted finding as text, not JSON")]
    public async Task AFindingNamesItsFrameworksAndItsDeletionReadsAsText()
    {
        var keuzehulp = await ProjectIdAsync("keuzehulp-werkzaak");
        var labels = await _factory.Services.GetRequiredService<Monitor.Core.Frameworks.FrameworkStore>().LabelsAsync();
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);
        var url = $"/projecten/{keuzehulp}/bevindingen/nieuw";
        using var created = await researcher.PostFormAsync($"/projecten/{keuzehulp}/bevindingen", url, new Dictionary<string, string>
        {
            ["kind"] = "succesfactor", ["title"] = "Tijdelijke bevinding", ["explanation"] = "Uitleg", ["determinants"] = "3, 12", ["bowen"] = "1",
        });
        var findingUrl = created.Headers.Location!.OriginalString;
        var findingId = findingUrl.Split('/')[^1];

        var page = await researcher.GetDocumentAsync(findingUrl);
        var determinants = page.QuerySelector("[data-testid=finding-determinants]")!.TextContent;
        var bowen = page.QuerySelector("[data-testid=finding-bowen]")!.TextContent;
        using var deleted = await researcher.PostFormAsync(findingUrl, findingUrl + "/wijzigen?handler=delete", new Dictionary<string, string>());
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);
        var audit = await admin.GetDocumentAsync($"/projecten/{keuzehulp}/audit?entity=finding&entityId={findingId}");
        var deletion = audit.QuerySelectorAll("table.audit tbody tr").Select(r => r.TextContent).First();

        Assert.Multiple(() =>
        {
            Assert.That(determinants, Does.Contain("3 · " + labels.Determinant(3, "nl")).And.Contain("12 · " + labels.Determinant(12, "nl")));
            Assert.That(labels.Determinant(3, "nl"), Is.Not.EqualTo("3"), "the demo database knows the names");
            Assert.That(bowen, Does.Contain("1 · " + labels.BowenArea(1, "nl")));
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(deletion, Does.Contain("verwijderd").And.Contain("Tijdelijke bevinding").And.Contain("3, 12"));
            Assert.That(deletion, Does.Not.Contain("{\"").And.Not.Contain("\"Fields\""), "no raw JSON");
        });
    }

    [Test]
    public async Task AFindingOfAnotherProjectIsNotFoundOnEveryFindingRouteIncludingItsHistory()
    {
        var arnhem = await ProjectIdAsync("samen-beslissen-arnhem");
        var keuzehulp = await ProjectIdAsync("keuzehulp-werkzaak");
        using var admin = await _factory.ApiClientAsync(Login.Admin);
        using var list = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/projects/{arnhem}/findings"));
        var arnhemFinding = list.RootElement.EnumerateArray().First().GetProperty("id").GetInt64();

        using var own = await admin.GetAsync($"/api/v1/projects/{arnhem}/findings/{arnhemFinding}/history");
        using var detail = await admin.GetAsync($"/api/v1/projects/{keuzehulp}/findings/{arnhemFinding}");
        using var history = await admin.GetAsync($"/api/v1/projects/{keuzehulp}/findings/{arnhemFinding}/history");

        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(history.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not 200 []");
        Assert.That(history.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task AResearcherAcceptsASuggestionRecordsTheSessionAndFinalisesTheFinding()
    {
        var keuzehulp = await ProjectIdAsync("keuzehulp-werkzaak");
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);
        var url = $"/projecten/{keuzehulp}/bevindingen/suggesties";
        var page = await researcher.GetDocumentAsync(url);
        var key = page.QuerySelector("[data-testid=suggestions] li")!.GetAttribute("data-key")!;

        using var accepted = await researcher.PostFormAsync(url, url + "?handler=Accept", new Dictionary<string, string> { ["key"] = key });
        var findingUrl = accepted.Headers.Location!.OriginalString;
        var manage = findingUrl + "/wijzigen?handler=status";
        using var final = await researcher.PostFormAsync(findingUrl, manage, new Dictionary<string, string> { ["status"] = "vastgesteld" });
        var refused = await researcher.GetDocumentAsync(findingUrl);
        using var discussed = await researcher.PostFormAsync(findingUrl, manage, new Dictionary<string, string> { ["status"] = "besproken", ["heldOn"] = "2021-02-23", ["participants"] = "kernteam", ["changes"] = "titel herschreven" });
        using var final2 = await researcher.PostFormAsync(findingUrl, manage, new Dictionary<string, string> { ["status"] = "vastgesteld" });
        var done = await researcher.GetDocumentAsync(findingUrl);

        Assert.That(refused.QuerySelector("[role=alert]")!.TextContent, Does.Contain("besproken"));
        Assert.That(done.QuerySelector("[data-testid=finding-status]")!.TextContent, Is.EqualTo("vastgesteld"));
        Assert.That(done.QuerySelectorAll("[data-testid=evidence] li").Length, Is.GreaterThanOrEqualTo(3), "the suggestion's fragments are its evidence");
        Assert.That(done.QuerySelector("[data-testid=sessions]")!.TextContent, Does.Contain("kernteam"));
        Assert.That(done.QuerySelectorAll("[data-testid=history] tbody tr").Length, Is.EqualTo(3));
    }

    [Test]
    public async Task BothReportsAreGeneratedStoredAndServedUnchangedWithTheirOwnContentPolicy()
    {
        var keuzehulp = await ProjectIdAsync("keuzehulp-werkzaak");
        using var api = await _factory.ApiClientAsync(Login.Management);

        using var progress = await api.PostAsJsonAsync($"/api/v1/projects/{keuzehulp}/reports", new { kind = "voortgang", from = "2019-06-01", to = "2019-12-31" });
        using var evaluation = await api.PostAsJsonAsync($"/api/v1/projects/{keuzehulp}/reports", new { kind = "procesevaluatie" });
        using var bad = await api.PostAsJsonAsync($"/api/v1/projects/{keuzehulp}/reports", new { kind = "jaarverslag" });

        Assert.That(progress.StatusCode, Is.EqualTo(HttpStatusCode.Created), await progress.Content.ReadAsStringAsync());
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var id = (await evaluation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var html = await api.GetAsync($"/api/v1/projects/{keuzehulp}/reports/{id}/report.html");
        var text = await html.Content.ReadAsStringAsync();
        Assert.That(html.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(string.Join(";", html.Headers.GetValues("Content-Security-Policy")), Does.Contain("default-src 'none'").And.Contain("style-src 'unsafe-inline'"));
        Assert.That(text, Does.Contain("Kleine stappen").Or.Contain("Succesfactoren"));
        Assert.That(text, Does.Contain("<svg"));
        var stored = await _factory.Services.GetRequiredService<Monitor.Core.Reports.ReportService>().FindSnapshotAsync(keuzehulp, id);
        Assert.That(text, Is.EqualTo(stored!.Html), "served byte for byte as stored");
        var progressMarkdown = await api.GetStringAsync($"/api/v1/projects/{keuzehulp}/reports/{(await progress.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64()}/report.md");
        Assert.That(progressMarkdown, Does.StartWith("# Voortgangsrapportage").And.Contain("1 juni 2019"));
    }

    [Test]
    public async Task EveryReportDownloadsAsAWordDocumentAndAnotherProjectsReportIsNotFound()
    {
        var keuzehulp = await ProjectIdAsync("keuzehulp-werkzaak");
        var arnhem = await ProjectIdAsync("samen-beslissen-arnhem");
        using var api = await _factory.ApiClientAsync(Login.Management);
        using var created = await api.PostAsJsonAsync($"/api/v1/projects/{keuzehulp}/reports", new { kind = "procesevaluatie", concept = true });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var docx = await api.GetAsync($"/api/v1/projects/{keuzehulp}/reports/{id}/report.docx");
        using var page = await api.GetAsync($"/projecten/{keuzehulp}/rapporten/{id}.docx");
        using var foreign = await api.GetAsync($"/api/v1/projects/{arnhem}/reports/{id}/report.docx");
        var snapshotPage = await api.GetStringAsync($"/projecten/{keuzehulp}/rapporten/{id}");

        Assert.That(docx.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(docx.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        Assert.That(bytes[..2], Is.EqualTo("PK"u8.ToArray()), "a zip package");
        Assert.That(await page.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(foreign.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(snapshotPage, Does.Contain($"/projecten/{keuzehulp}/rapporten/{id}.docx"));
        Assert.That((await api.GetStringAsync($"/api/v1/projects/{keuzehulp}/reports/{id}/report.md")), Does.Contain("CONCEPT"));
    }

    [Test]
    public async Task AFindingCannotBeChangedByManagementOrACodingOfAnotherProjectLinked()
    {
        var keuzehulp = await ProjectIdAsync("keuzehulp-werkzaak");
        var arnhem = await ProjectIdAsync("samen-beslissen-arnhem");
        using var manager = await _factory.ApiClientAsync(Login.Management);
        using var researcher = await _factory.ApiClientAsync(Login.Researcher);

        using var denied = await manager.PostAsJsonAsync($"/api/v1/projects/{keuzehulp}/findings", new { kind = "les", title = "Mag niet" });
        using var created = await researcher.PostAsJsonAsync($"/api/v1/projects/{keuzehulp}/findings", new { kind = "les", title = "Kleine groepen werken beter", determinants = new[] { 23 } });
        var findingId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var foreignCoding = (await _factory.Services.GetRequiredService<FragmentQueries>().ListFragmentsAsync(arnhem, new Monitor.Core.Coding.FragmentFilter { Limit = 1 })).Single().Coding.Id;
        using var foreign = await researcher.PostAsJsonAsync($"/api/v1/projects/{keuzehulp}/findings/{findingId}/evidence", new { kind = "codering", targetId = foreignCoding });

        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await foreign.Content.ReadAsStringAsync(), Does.Contain("hoort niet bij dit project"));
        Assert.That((await _factory.Services.GetRequiredService<FindingStore>().FindAsync(keuzehulp, findingId))!.Evidence, Is.Empty);
    }

    [Test]
    public async Task ABrokenTemplateIsRefusedOnThePageWithLineAndPlaceholder()
    {
        var keuzehulp = await ProjectIdAsync("keuzehulp-werkzaak");
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);
        var url = $"/projecten/{keuzehulp}/rapporten/sjablonen";
        using var copied = await researcher.PostFormAsync(url, url + "?handler=Copy", new Dictionary<string, string> { ["kind"] = "voortgang", ["name"] = "Maandrapport MT" });
        var editUrl = copied.Headers.Location!.OriginalString;
        var templateId = editUrl[(editUrl.IndexOf('=') + 1)..];

        using var saved = await researcher.PostFormAsync(editUrl, url + "?handler=Save", new Dictionary<string, string> { ["templateId"] = templateId, ["body"] = "## Maandrapport\n\n{{grafiek taart}}\n" });
        var page = await researcher.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        Assert.That(page.QuerySelector("[role=alert]")?.TextContent ?? $"{(int)saved.StatusCode} {saved.Headers.Location} {page.QuerySelector("main")?.TextContent.Replace("\n", " ")}", Does.Contain("Regel 3").And.Contain("taart"));
        Assert.That(page.QuerySelector("#body")!.TextContent, Does.Contain("{{grafiek taart}}"), "the refused text is kept for correction");
    }

    [Test]
    [Description("issue #8: a project's own report schedule is checked when saved")]
    public async Task TheProjectLeaderSetsTheReportScheduleAndABadOneIsRefusedWithTheReason()
    {
        var arnhem = await ProjectIdAsync("samen-beslissen-arnhem");
        using var leader = await _factory.ApiClientAsync(Login.ProjectLeader);
        using var manager = await _factory.ApiClientAsync(Login.Management);

        using var bad = await leader.PutAsJsonAsync($"/api/v1/projects/{arnhem}/report-schedule", new { cron = "elke maand", timeZone = "Europe/Amsterdam" });
        using var denied = await manager.PutAsJsonAsync($"/api/v1/projects/{arnhem}/report-schedule", new { cron = "0 0 9 15 * ?" });
        using var good = await leader.PutAsJsonAsync($"/api/v1/projects/{arnhem}/report-schedule", new { cron = "0 0 9 15 * ?", timeZone = "Europe/Amsterdam" });
        var saved = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{arnhem}/report-schedule");

        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("elke maand").And.Contain("cronexpressie"));
        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(saved.GetProperty("cron").GetString(), Is.EqualTo("0 0 9 15 * ?"));
        using var browser = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        var page = await browser.GetDocumentAsync($"/projecten/{arnhem}/rapporten");
        Assert.That(page.QuerySelector("[data-testid=schedule] #cron")!.GetAttribute("value"), Is.EqualTo("0 0 9 15 * ?"));
    }
}
