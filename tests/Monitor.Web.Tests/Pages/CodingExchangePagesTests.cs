using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Coding;
using Monitor.Core.Data;
using Monitor.Core.Projects;
using Monitor.Core.Tests.Interop.Refi;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Pages;

/// <summary>Issue #17 on the pages: deleting an unused codebook, linking a coder from a file to a researcher.</summary>
public sealed class CodingExchangePagesTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    private async Task<long> ProjectAsync(string slug) =>
        (await _factory.Services.GetRequiredService<ProjectStore>().ListAsync()).Single(p => p.Slug == slug).Id;

    [Test]
    public async Task AnUnusedCodebookIsDeletedFromTheCodebooksPage()
    {
        var projectId = await ProjectAsync("samen-beslissen-arnhem");
        var codebooks = _factory.Services.GetRequiredService<CodebookStore>();
        var unused = await codebooks.CreateCodebookAsync(projectId, "Ongebruikt codeboek", "", Actor.System);
        var client = await _factory.LoggedInClientAsync(Login.Researcher);
        var page = $"/projecten/{projectId}/codeboeken";

        using var deleted = await client.PostFormAsync(page, page + "?handler=Delete", new Dictionary<string, string> { ["codebookId"] = unused.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var after = await client.GetDocumentAsync(page);

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.Body!.TextContent, Does.Contain("Het codeboek is verwijderd.").And.Not.Contain("Ongebruikt codeboek"));
    }

    [Test]
    public async Task ACoderFromAFileIsLinkedToAResearcherOnlyThroughTheForm()
    {
        var projectId = await ProjectAsync("keuzehulp-werkzaak");
        var researchers = await _factory.Services.GetRequiredService<RoundStore>().ListResearchersAsync(projectId);
        var importer = new Actor(researchers[0].Id, researchers[0].Name);
        await _factory.Services.GetRequiredService<ProjectExchange>().ImportQdpxAsync(projectId, new MemoryStream(ToolFiles.NVivo()), importer);
        var fileCoders = _factory.Services.GetRequiredService<FileCoderStore>();
        var anna = (await fileCoders.ListAsync(projectId)).Single(c => c.Name == "Anna");
        var client = await _factory.LoggedInClientAsync(Login.Researcher);
        var page = $"/projecten/{projectId}/codering/uitwisselen";
        var before = await client.GetDocumentAsync(page);
        Assert.That(before.QuerySelector("[data-testid=file-coders]")!.TextContent, Does.Contain("Anna").And.Contain("NVivo 14"));
        Assert.That(anna.UserId, Is.Null);

        using var mapped = await client.PostFormAsync(page, page + "?handler=Map", new Dictionary<string, string>
        {
            ["fileCoderId"] = anna.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["userId"] = researchers[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var after = await client.GetDocumentAsync(page);

        Assert.That(mapped.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.Body!.TextContent, Does.Contain("De codeur is gekoppeld aan het account."));
        Assert.That((await fileCoders.ListAsync(projectId)).Single(c => c.Name == "Anna").UserId, Is.EqualTo(researchers[0].Id));
    }
}
