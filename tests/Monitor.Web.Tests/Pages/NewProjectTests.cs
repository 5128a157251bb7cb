using System.Net;
using Monitor.Web.Pages.Projects;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Pages;

public sealed class NewProjectTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    [TestCase("Keuzehulp Tiel (2026)", "keuzehulp-tiel-2026")]
    [TestCase("Cliëntenraad Één", "clientenraad-een")]
    [TestCase("  --  ", "")]
    public void DerivesASlugFromTheName(string name, string slug) => Assert.That(NewModel.SlugFrom(name), Is.EqualTo(slug));

    [Test]
    public async Task ABeheerderCreatesAProjectThatOpensWithItsPhase()
    {
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);

        using var response = await admin.PostFormAsync("/projecten/nieuw", "/projecten/nieuw", new Dictionary<string, string>
        {
            ["Name"] = "Samen Beslissen Tiel",
            ["Organisation"] = "Gemeente Tiel",
            ["Innovation"] = "Samen Beslissen",
            ["StartDate"] = "2026-01-05",
            ["CurrentPhase"] = "1",
        });
        var page = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("Samen Beslissen Tiel"));
        Assert.That(page.QuerySelector(".phase-badge")!.TextContent, Does.Contain("Weten"));
    }

    [Test]
    public async Task MissingFieldsAndABadDateAreRefusedInDutchAndNothingIsCreated()
    {
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);
        var before = (await admin.GetDocumentAsync("/")).QuerySelectorAll("li.card").Length;

        using var response = await admin.PostFormAsync("/projecten/nieuw", "/projecten/nieuw", new Dictionary<string, string>
        {
            ["Name"] = "",
            ["Organisation"] = "Gemeente Tiel",
            ["Innovation"] = "Keuzehulp",
            ["StartDate"] = "5 januari",
            ["CurrentPhase"] = "0",
        });
        var page = await Html.ParseAsync(response);

        Assert.That(page.QuerySelector(".error")!.TextContent, Does.Contain("'5 januari' is geen datum"));
        Assert.That((await admin.GetDocumentAsync("/")).QuerySelectorAll("li.card"), Has.Length.EqualTo(before));
    }
}
