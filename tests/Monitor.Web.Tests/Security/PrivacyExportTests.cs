using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Security;

public sealed class PrivacyExportTests
{
    [Test]
    public async Task ListedNamesLeaveTheToolOnlyAsTheirCode()
    {
        using var factory = new MonitorWebFactory();
        using var admin = await factory.LoggedInClientAsync(Login.Admin);
        using var created = await admin.PostFormAsync("/account", "/account?handler=CreateToken", new Dictionary<string, string> { ["TokenName"] = "test" });
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Html.ParseAsync(created)).QuerySelector("[data-new-token]")!.TextContent);
        var body = new
        {
            slug = "casus-tiel",
            name = "Casusbespreking Tiel",
            organisation = "Gemeente Tiel",
            innovation = "Samen Beslissen",
            startDate = "2026-01-05",
            currentPhase = 2,
            groups = new[]
            {
                new { kind = "ontwikkelgroep", name = "Ontwikkelgroep", meetings = new[] { new { heldOn = "2026-02-02", title = "Casus Fatma Yılmaz", note = "Gesprek met fatma yılmaz en Jan de Vries over de waaier." } } },
            },
        };
        using var response = await api.PostAsJsonAsync("/api/v1/projects", body);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        using var first = await admin.PostFormAsync($"/projecten/{id}/privacy", $"/projecten/{id}/privacy?handler=AddPseudonym", new Dictionary<string, string> { ["Name"] = "Fatma Yılmaz" });
        using var second = await admin.PostFormAsync($"/projecten/{id}/privacy", $"/projecten/{id}/privacy?handler=AddPseudonym", new Dictionary<string, string> { ["Name"] = "Jan de Vries" });
        using var activity = await api.PostAsJsonAsync($"/api/v1/projects/{id}/plan/activities", new { phase = 2, title = "Casus bespreken", owner = "Jan de Vries", description = "Met Fatma Yılmaz", status = "gepland" });
        var meetings = await DownloadAsync(admin, $"/projecten/{id}/bijeenkomsten.csv");
        var plan = await DownloadAsync(admin, $"/projecten/{id}/plan.csv");
        var audit = await DownloadAsync(admin, $"/projecten/{id}/audit.csv");

        Assert.That(meetings, Does.Contain("Casus [P01]").And.Contain("Gesprek met [P01] en [P02] over de waaier."));
        Assert.That(meetings, Does.Not.Contain("Fatma").And.Not.Contain("Yılmaz").And.Not.Contain("Vries"));
        Assert.That(audit, Does.Contain("pseudoniem").And.Not.Contain("Fatma").And.Not.Contain("Vries"));
        Assert.That(meetings, Does.StartWith("groep;soort_groep;datum"));
        Assert.That(plan, Does.Contain("[P02]").And.Contain("Met [P01]").And.Not.Contain("Vries").And.Not.Contain("Fatma"));
    }

    [Test]
    public async Task ATooShortNameIsRefusedInDutchAndNothingIsAdded()
    {
        using var factory = new MonitorWebFactory();
        using var leader = await factory.LoggedInClientAsync(Login.ProjectLeader);
        var home = await leader.GetDocumentAsync("/");
        var project = home.QuerySelector("li[data-project-slug=samen-beslissen-arnhem] h2 a")!.GetAttribute("href")!;

        using var response = await leader.PostFormAsync($"{project}/privacy", $"{project}/privacy?handler=AddPseudonym", new Dictionary<string, string> { ["Name"] = "J" });
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"{project}/privacy"), "post-redirect-get back to the page");
        var page = await leader.GetDocumentAsync($"{project}/privacy");

        Assert.That(page.QuerySelector(".error")!.TextContent, Does.Contain("2 tot 200 tekens"));
        Assert.That(page.QuerySelectorAll("table.pseudonyms tbody tr"), Is.Empty);
    }

    private static async Task<string> DownloadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"), url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 BOM for Excel");
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }
}
