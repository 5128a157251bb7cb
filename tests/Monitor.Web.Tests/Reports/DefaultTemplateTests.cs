using System.Net;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Reports;

/// <summary>Choosing a project's default template on the templates page (issue #14).</summary>
public sealed class DefaultTemplateTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    [Test]
    [Description("issue #14: the onderzoeker makes a copied template the project's default; the page marks it and management cannot change it")]
    public async Task TheResearcherChoosesTheProjectsDefaultTemplate()
    {
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);
        using var projects = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/projects"));
        var projectId = projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "keuzehulp-werkzaak").GetProperty("id").GetInt64();
        var page = $"/projecten/{projectId}/rapporten/sjablonen";
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);
        using var manager = await _factory.LoggedInClientAsync(Login.Management);

        using var copied = await researcher.PostFormAsync(page, $"{page}?handler=Copy", new Dictionary<string, string> { ["kind"] = "voortgang", ["name"] = "Voor Werkzaak" });
        var templateId = (await researcher.GetDocumentAsync(page)).QuerySelectorAll("[data-testid=templates] tr")
            .Single(r => r.TextContent.Contains("Voor Werkzaak", StringComparison.Ordinal)).QuerySelector("input[name=templateId]")!.GetAttribute("value")!;
        using var chosen = await researcher.PostFormAsync(page, $"{page}?handler=Default", new Dictionary<string, string> { ["kind"] = "voortgang", ["templateId"] = templateId });
        var after = await researcher.GetDocumentAsync(page);
        using var refused = await manager.GetAsync(page);

        Assert.That(chosen.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.QuerySelector("p.notice")!.TextContent, Does.StartWith("Standaardsjabloon gekozen"));
        var defaults = after.QuerySelectorAll("tr[data-template-default=ja]").Select(r => r.TextContent).ToList();
        Assert.That(defaults, Has.Count.EqualTo(2), "one per kind: the copy for progress reports, the built-in one for the evaluation");
        Assert.That(defaults, Has.Some.Contains("Voor Werkzaak"));
        Assert.That(refused.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK), "management does not manage templates");
    }
}
