using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Pages;

public sealed class PortfolioPageTests
{
    private readonly MonitorWebFactory _factory = new();
    private HttpClient? _management;

    private HttpClient Management => _management ?? throw new InvalidOperationException("OneTimeSetUp did not log in.");

    [OneTimeSetUp]
    public async Task LogIn() => _management = await _factory.LoggedInClientAsync(Login.Management);

    [OneTimeTearDown]
    public void StopApp()
    {
        _management?.Dispose();
        _factory.Dispose();
    }

    [TestCase(Login.Management, true)]
    [TestCase(Login.ProjectLeader, true)]
    [TestCase(Login.Admin, true)]
    [TestCase(Login.Participant, false)]
    [Description("issue #16: the menu shows Portfolio only to whom it lists a project; a deelnemer sees no item that then says they have no role")]
    public async Task TheMenuOffersThePortfolioOnlyToRolesThatSeeAProjectInIt(string email, bool offered)
    {
        using var client = await _factory.LoggedInClientAsync(email);

        var home = await client.GetDocumentAsync("/");

        Assert.That(home.QuerySelector("header nav a[href='/portfolio']") is not null, Is.EqualTo(offered));
        Assert.That(home.QuerySelector("header nav a[href='/referentie']"), Is.Not.Null, "the reference is for everyone");
        Assert.That(home.QuerySelector("header nav a[href='/beheer/accounts']") is not null, Is.EqualTo(email == Login.Admin));
    }

    [Test]
    public async Task ManagementSeesBothDemoProjectsWithATotalsRow()
    {
        var page = await Management.GetDocumentAsync("/portfolio");

        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("Portfolio"));
        Assert.That(Names(page), Is.EqualTo(new[] { "Keuzehulp", "Samen Beslissen" }), "sorted by name by default");
        var keuzehulp = page.QuerySelectorAll("tbody tr").Single(r => Cell(r, "naam") == "Keuzehulp");
        Assert.That(Cell(keuzehulp, "fase"), Is.EqualTo("1 · Weten"));
        Assert.That(keuzehulp.QuerySelector("th a")!.GetAttribute("href"), Is.EqualTo($"/projecten/{keuzehulp.GetAttribute("data-project-id")}"));
        var footer = page.QuerySelector("tfoot tr")!;
        Assert.That(Cell(footer, "naam"), Is.EqualTo("Totaal (2 projecten)"));
        foreach (var column in new[] { "overtijd", "actiepunten", "belemmeringen" })
        {
            Assert.That(Number(footer, column), Is.EqualTo(page.QuerySelectorAll("tbody tr").Sum(r => Number(r, column))), column);
        }

        Assert.That(page.QuerySelector("header nav a[href='/portfolio']")!.TextContent, Is.EqualTo("Portfolio"));
    }

    [Test]
    public async Task SortingByAColumnChangesTheOrderAndMarksTheHeader()
    {
        var byName = await Management.GetDocumentAsync("/portfolio");
        var byNameDescending = await Management.GetDocumentAsync("/portfolio?sorteer=naam&richting=af");
        var byPhaseDescending = await Management.GetDocumentAsync("/portfolio?sorteer=fase&richting=af");

        Assert.That(Names(byNameDescending), Is.EqualTo(Enumerable.Reverse(Names(byName))));
        Assert.That(byNameDescending.QuerySelector("th[data-col=naam]")!.GetAttribute("aria-sort"), Is.EqualTo("descending"));
        Assert.That(byName.QuerySelector("th[data-col=naam]")!.GetAttribute("aria-sort"), Is.EqualTo("ascending"));
        Assert.That(byName.QuerySelectorAll("thead th[aria-sort]"), Has.Length.EqualTo(1));
        Assert.That(byName.QuerySelector("th[data-col=naam] a")!.GetAttribute("href"), Is.EqualTo("?sorteer=naam&richting=af"), "the sorted column's link flips the direction");
        Assert.That(byName.QuerySelector("th[data-col=fase] a")!.GetAttribute("href"), Is.EqualTo("?sorteer=fase&richting=op"));
        var phases = byPhaseDescending.QuerySelectorAll("tbody tr").Select(r => Cell(r, "fase")).ToList();
        Assert.That(phases, Is.Ordered.Descending);
        Assert.That(phases.Distinct().Count(), Is.EqualTo(2), "the demo projects are in different phases, so the order is not just the name order");
        Assert.That(Names(byPhaseDescending), Is.Not.EqualTo(Names(byName)));
    }

    [Test]
    public async Task AParticipantSeesNoProjectsBecauseDashboardsAreForReportReaders()
    {
        using var participant = await _factory.LoggedInClientAsync(Login.Participant);
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);

        var page = await participant.GetDocumentAsync("/portfolio");
        using var api = JsonDocument.Parse(await participant.GetStringAsync("/api/v1/portfolio"));
        var researcherPage = await researcher.GetDocumentAsync("/portfolio");

        Assert.That(Names(page), Is.Empty, "a deelnemer (Samen Beslissen) has no report rights");
        Assert.That(api.RootElement.GetArrayLength(), Is.Zero);
        Assert.That(Names(researcherPage), Is.EquivalentTo(new[] { "Keuzehulp", "Samen Beslissen" }));
    }

    [Test]
    [Description("issue #14: the demo is historical; on a peildatum the portfolio shows the projects as they stood then")]
    public async Task OnAReferenceDateThePageAndTheApiShowTheProjectsAsTheyStoodThen()
    {
        var page = await Management.GetDocumentAsync("/portfolio?peildatum=2020-12-31");
        using var response = await Management.GetAsync("/api/v1/portfolio?peildatum=2020-12-31");
        using var bad = await Management.GetAsync("/api/v1/portfolio?peildatum=31-12-2020");
        using var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var keuzehulp = api.RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Keuzehulp");
        Assert.That((keuzehulp.GetProperty("currentPhase").GetInt32(), keuzehulp.GetProperty("overdueActivities").GetInt32()), Is.EqualTo((0, 0)));
        var tr = page.QuerySelector($"tbody tr[data-project-id='{keuzehulp.GetProperty("projectId").GetInt64()}']")!;
        Assert.That(Number(tr, "overtijd"), Is.Zero);
        Assert.That(Number(tr, "dagen"), Is.EqualTo(3), "last meeting 28 December 2020");
        Assert.That(page.QuerySelector("input#peildatum")!.GetAttribute("value"), Is.EqualTo("2020-12-31"));
        Assert.That(page.QuerySelector("thead a")!.GetAttribute("href"), Does.Contain("peildatum=2020-12-31"), "sorting keeps the date");
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(bad.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task TheApiReturnsTheSameRowsAsThePage()
    {
        var page = await Management.GetDocumentAsync("/portfolio");
        using var response = await Management.GetAsync("/api/v1/portfolio");
        using var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var rows = api.RootElement.EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("name").GetString()), Is.EqualTo(Names(page)));
        foreach (var row in rows)
        {
            var tr = page.QuerySelector($"tbody tr[data-project-id='{row.GetProperty("projectId").GetInt64()}']")!;
            Assert.That(row.GetProperty("currentPhase").GetInt32(), Is.EqualTo(int.Parse(Cell(tr, "fase")[..1], CultureInfo.InvariantCulture)));
            Assert.That($"{row.GetProperty("activitiesDone").GetInt32()} van {row.GetProperty("activities").GetInt32()}", Is.EqualTo(Cell(tr, "activiteiten")));
            Assert.That(row.GetProperty("overdueActivities").GetInt32(), Is.EqualTo(Number(tr, "overtijd")));
            Assert.That(row.GetProperty("openActionItems").GetInt32(), Is.EqualTo(Number(tr, "actiepunten")));
            Assert.That(row.GetProperty("openBarriers").GetInt32(), Is.EqualTo(Number(tr, "belemmeringen")));
            Assert.That(row.GetProperty("daysSinceLastMeeting").GetInt32(), Is.EqualTo(Number(tr, "dagen")));
            Assert.That(row.GetProperty("overallScore").GetDouble(), Is.InRange(0.0, 1.0));
        }

        Assert.That(rows.Sum(r => r.GetProperty("activities").GetInt32()), Is.GreaterThan(0), "the demo plans have activities");
        Assert.That(rows.Sum(r => r.GetProperty("openActionItems").GetInt32()), Is.GreaterThan(0), "the demo meetings have open action items");
    }

    [Test]
    public async Task TheHelpTextDefinesOpenBarriers()
    {
        var page = await Management.GetDocumentAsync("/portfolio");

        var definition = page.QuerySelector("#open-belemmeringen + dd")!.TextContent;

        Assert.That(definition, Does.Contain("meer belemmerende dan bevorderende coderingen in de laatste 180 dagen"));
        Assert.That(definition, Does.Contain("consensuscoderingen"));
    }

    private static List<string> Names(IDocument page) =>
        page.QuerySelectorAll("tbody tr").Select(r => Cell(r, "naam")).ToList();

    private static string Cell(IElement row, string column) =>
        row.QuerySelector($"[data-col={column}]")!.TextContent.Trim();

    private static int Number(IElement row, string column) =>
        int.Parse(Cell(row, column), NumberStyles.Integer, CultureInfo.InvariantCulture);
}
