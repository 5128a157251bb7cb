using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Pages;

public sealed class LanguageTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    [Test]
    public async Task SwitchingToEnglishTranslatesTheUiAndSticks()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var home = await client.GetDocumentAsync("/inloggen");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/referentie",
            ["__RequestVerificationToken"] = home.AntiforgeryToken(),
        });

        using var switched = await client.PostAsync("/taal", form);

        Assert.That(switched.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(switched.Headers.Location!.OriginalString, Is.EqualTo("/referentie"));
        var login = await client.GetDocumentAsync("/inloggen");
        Assert.That(login.DocumentElement.GetAttribute("lang"), Is.EqualTo("en"));
        Assert.That(login.QuerySelector("h1")!.TextContent, Is.EqualTo("Log in"));
        using var loggedIn = await client.PostLoginAsync(Login.ProjectLeader, Monitor.Web.Security.DemoAccounts.Password);
        var english = await client.GetDocumentAsync("/");
        Assert.That(english.QuerySelector("h1")!.TextContent, Is.EqualTo("Projects"));
        Assert.That(english.QuerySelector("li[data-project-slug=keuzehulp-werkzaak] .phase-badge")!.TextContent, Is.EqualTo("1 · Know"));
    }

    [Test]
    public async Task RefusesALanguageSwitchWithoutAntiforgeryToken()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en" });

        using var response = await client.PostAsync("/taal", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task NeverRedirectsToAnotherSite()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetDocumentAsync("/inloggen");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "nl",
            ["returnUrl"] = "https://example.org/phish",
            ["__RequestVerificationToken"] = page.AntiforgeryToken(),
        });

        using var response = await client.PostAsync("/taal", form);

        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/"));
    }

    [Test]
    public void EveryDutchStringHasAnEnglishTranslation()
    {
        var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "src", "Monitor.Web", "Resources");
        var dutch = Keys(Path.Combine(folder, "SharedResource.resx"));
        var english = Keys(Path.Combine(folder, "SharedResource.en.resx"));

        Assert.That(english, Is.EquivalentTo(dutch));

        static IEnumerable<string> Keys(string path) =>
            System.Xml.Linq.XDocument.Load(path).Root!.Elements("data").Select(e => e.Attribute("name")!.Value);
    }
}
