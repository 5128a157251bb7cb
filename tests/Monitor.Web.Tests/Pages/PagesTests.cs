using System.Net;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Pages;

public sealed class PagesTests
{
    private readonly MonitorWebFactory _factory = new();
    private HttpClient? _client;

    private HttpClient Client => _client ?? throw new InvalidOperationException("OneTimeSetUp did not log in.");

    [OneTimeSetUp]
    public async Task LogIn() => _client = await _factory.LoggedInClientAsync(Login.ProjectLeader);

    [OneTimeTearDown]
    public void StopApp()
    {
        _client?.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task HomeListsBothDemoProjectsWithTheirPhaseGroupsAndMeetingCounts()
    {
        var page = await Client.GetDocumentAsync("/");

        Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo("nl"));
        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("Projecten"));
        var cards = page.QuerySelectorAll("li.card[data-project-slug]");
        Assert.That(cards.Select(c => c.GetAttribute("data-project-slug")), Is.EquivalentTo(new[] { "samen-beslissen-arnhem", "keuzehulp-werkzaak" }));
        var keuzehulp = cards.Single(c => c.GetAttribute("data-project-slug") == "keuzehulp-werkzaak");
        Assert.That(keuzehulp.QuerySelector(".phase-badge")!.TextContent, Is.EqualTo("1 · Weten"));
        var rows = keuzehulp.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.That(rows.Single(r => r[0] == "Ontwikkelteam")[2], Is.EqualTo("18"));
        Assert.That(rows.Single(r => r[0] == "Veranderteam")[2], Is.EqualTo("7"));
        Assert.That(rows.Single(r => r[0] == "Leernetwerk")[2], Is.EqualTo("3"));
        Assert.That(keuzehulp.QuerySelector("tfoot td.num")!.TextContent, Is.EqualTo(rows.Sum(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task ProjectPageShowsEveryGroupWithMembersAndMeetings()
    {
        var home = await Client.GetDocumentAsync("/");
        var link = home.QuerySelector("li[data-project-slug=keuzehulp-werkzaak] h2 a")!.GetAttribute("href")!;

        var page = await Client.GetDocumentAsync(link);

        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("Keuzehulp"));
        var groups = page.QuerySelectorAll("section.group");
        Assert.That(groups.Select(g => g.QuerySelector("h2")!.ChildNodes[0].TextContent.Trim()), Does.Contain("Ontwikkelteam").And.Contain("Veranderteam").And.Contain("Kernteam").And.Contain("Leernetwerk"));
        var ot = groups.Single(g => g.QuerySelector("h2")!.TextContent.StartsWith("Ontwikkelteam", StringComparison.Ordinal));
        var meetingRows = ot.QuerySelectorAll("details")[1].QuerySelectorAll("tbody tr");
        Assert.That(meetingRows, Has.Length.EqualTo(18));
        Assert.That(meetingRows[0].QuerySelector("td")!.TextContent, Is.EqualTo("6 juni 2019"));
        Assert.That(page.QuerySelector(".phase-track.large li.current")!.TextContent, Does.Contain("Weten"));
    }

    [Test]
    public async Task AnUnknownProjectShowsADutchNotFoundPageToTheBeheerder()
    {
        // Others get "no access" for a project id they have no role in, whether it exists or not.
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);
        using var response = await admin.GetAsync("/projecten/99999");
        var page = await Html.ParseAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("Pagina niet gevonden"));
    }

    [Test]
    public async Task MidiReferenceListsTwentyNineDeterminantsAndFlagsUncheckedWording()
    {
        var page = await Client.GetDocumentAsync("/referentie/midi");

        var rows = page.QuerySelectorAll("tr[id^=determinant-]");
        Assert.That(rows, Has.Length.EqualTo(29));
        Assert.That(page.QuerySelectorAll("section h2").Length, Is.EqualTo(4));
        Assert.That(page.QuerySelectorAll("tr[id^=determinant-] th .tag.warn"), Has.Length.EqualTo(27), "names 3-29 unchecked");
        Assert.That(page.QuerySelectorAll("tr[id^=determinant-] td .tag.warn"), Has.Length.EqualTo(29), "every question a paraphrase");
        Assert.That(page.QuerySelector("#determinant-1 th .tag.warn"), Is.Null);
        Assert.That(page.QuerySelector("#determinant-1 td .tag.warn"), Is.Not.Null);
        Assert.That(page.QuerySelector("p.notice")!.TextContent, Does.Contain("MIDI-handleiding"));
    }

    [Test]
    public async Task MovisieReferenceListsTheSixPhases()
    {
        var page = await Client.GetDocumentAsync("/referentie/movisie");

        var names = page.QuerySelectorAll("tbody tr th").Select(th => th.ChildNodes[0].TextContent.Trim());
        Assert.That(names, Is.EqualTo(new[] { "Ontwikkelen", "Weten", "Begrijpen", "Willen", "Doen", "Blijven doen" }));
    }

    [Test]
    public async Task BowenReferenceMarksTheFourDefaultAreas()
    {
        var page = await Client.GetDocumentAsync("/referentie/bowen");

        Assert.That(page.QuerySelectorAll("tbody tr"), Has.Length.EqualTo(8));
        Assert.That(page.QuerySelectorAll("tbody tr.default"), Has.Length.EqualTo(4));
    }

    [Test]
    public async Task ReferenceIndexLinksToEachFramework()
    {
        var page = await Client.GetDocumentAsync("/referentie");

        var links = page.QuerySelectorAll("main h2 a").Select(a => a.GetAttribute("href"));
        Assert.That(links, Is.EqualTo(new[] { "/referentie/movisie", "/referentie/midi", "/referentie/bowen" }));
        foreach (var link in links)
        {
            using var response = await Client.GetAsync(link);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), link);
        }
    }

    [Test]
    public async Task PagesCarryTheSecurityHeaders()
    {
        using var response = await Client.GetAsync("/");

        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("frame-ancestors 'none'").And.Contain("script-src 'self'"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
    }
}
