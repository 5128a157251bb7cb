using System.Net;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Plan;

public sealed class PlanPagesTests
{
    private readonly MonitorWebFactory _factory = new();
    private HttpClient? _leader;
    private long _samenBeslissen;
    private long _empty;
    private long _importTarget;
    private long _keuzehulp;

    private HttpClient Leader => _leader ?? throw new InvalidOperationException("not set up");

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        using var projects = JsonDocument.Parse(await Leader.GetStringAsync("/api/v1/projects"));
        _samenBeslissen = projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "samen-beslissen-arnhem").GetProperty("id").GetInt64();
        _keuzehulp = projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "keuzehulp-werkzaak").GetProperty("id").GetInt64();

        // A project of its own with an empty plan, with the demo projectleider as its projectleider.
        using var admin = await _factory.ApiClientAsync(Login.Admin);
        using var created = await admin.PostAsync("/api/v1/projects", JsonContent(new { slug = "leeg-plan", name = "Leeg plan", organisation = "Gemeente Tiel", innovation = "Keuzehulp", startDate = "2021-01-04", currentPhase = 1 }));
        _empty = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var second = await admin.PostAsync("/api/v1/projects", JsonContent(new { slug = "import-doel", name = "Importdoel", organisation = "Gemeente Tiel", innovation = "Keuzehulp", startDate = "2021-01-04", currentPhase = 1 }));
        _importTarget = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var me = JsonDocument.Parse(await Leader.GetStringAsync("/api/v1/me"));
        var detailUrl = $"/beheer/accounts/{me.RootElement.GetProperty("id").GetInt64()}";
        using var adminBrowser = await _factory.LoggedInClientAsync(Login.Admin);
        var detail = await adminBrowser.GetDocumentAsync(detailUrl);
        var roles = detail.QuerySelectorAll("select[name^='roles']")
            .ToDictionary(s => s.GetAttribute("name")!, s => s.QuerySelector("option[selected]")?.GetAttribute("value") ?? "");
        roles[$"roles[{_empty}]"] = "projectleider";
        roles[$"roles[{_importTarget}]"] = "projectleider";
        using var saved = await adminBrowser.PostFormAsync(detailUrl, detailUrl + "?handler=Roles", roles);
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _leader?.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task ShowsScoresGoalsAndActivitiesPerPhase()
    {
        var page = await Leader.GetDocumentAsync($"/projecten/{_samenBeslissen}/plan");

        Assert.That(page.QuerySelectorAll("table.scores tbody tr"), Has.Length.EqualTo(6));
        Assert.That(page.QuerySelector("table.scores tr.current")!.GetAttribute("data-phase"), Is.EqualTo("4"));
        Assert.That(page.QuerySelectorAll("section.phase-plan"), Has.Length.EqualTo(6));
        Assert.That(page.QuerySelectorAll("tr[data-activity-id]"), Is.Not.Empty, "the demo plan is loaded");
    }

    [Test]
    public async Task FiltersActivitiesByStatus()
    {
        var page = await Leader.GetDocumentAsync($"/projecten/{_samenBeslissen}/plan?status=gereed");

        var rows = page.QuerySelectorAll("tr[data-activity-id]");
        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Select(r => r.ClassName), Has.All.Contains("status-gereed"));
    }

    [Test]
    public async Task AProjectLeaderAddsAnActivityThroughTheForm()
    {
        var url = $"/projecten/{_empty}/plan/activiteit?fase=1";

        using var response = await Leader.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Input.Phase"] = "1",
            ["Input.Title"] = "Informatiebijeenkomst voor teammanagers",
            ["Input.TargetGroup"] = "management",
            ["Input.Owner"] = "Projectleider",
            ["Input.PlannedMonth"] = "2021-04",
            ["Input.Status"] = "gepland",
            ["Input.Determinants"] = "19",
        });
        var plan = await Leader.GetDocumentAsync($"/projecten/{_empty}/plan");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var row = plan.QuerySelectorAll("#fase-1 tr[data-activity-id]").Single(r => r.TextContent.Contains("Informatiebijeenkomst", StringComparison.Ordinal));
        Assert.That(row.TextContent, Does.Contain("2021-04").And.Contain("management").And.Contain("19"));
    }

    [Test]
    public async Task ABadMonthShowsADutchErrorAndSavesNothing()
    {
        var url = $"/projecten/{_empty}/plan/activiteit?fase=2";

        using var response = await Leader.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Input.Phase"] = "2",
            ["Input.Title"] = "Handboek",
            ["Input.PlannedMonth"] = "2021-13",
            ["Input.Status"] = "gepland",
        });
        var page = await Html.ParseAsync(response);
        var plan = await Leader.GetDocumentAsync($"/projecten/{_empty}/plan");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("#month-error")!.TextContent, Does.Contain("'2021-13' is geen maand"));
        Assert.That(page.QuerySelector("#title")!.GetAttribute("value"), Is.EqualTo("Handboek"), "what was typed is kept");
        Assert.That(plan.QuerySelectorAll("#fase-2 tr[data-activity-id]"), Is.Empty);
    }

    [Test]
    public async Task AnEmptyPhaseOffersTheMovisieActivitiesAndAdoptsOne()
    {
        var before = await Leader.GetDocumentAsync($"/projecten/{_empty}/plan");
        var suggestion = before.QuerySelector("#fase-4 .suggestions form");
        Assert.That(suggestion, Is.Not.Null, "phase 4 is empty, so the toolkit's activities are offered");
        var text = suggestion!.QuerySelector("span")!.TextContent;

        using var adopted = await Leader.PostFormAsync($"/projecten/{_empty}/plan", suggestion.GetAttribute("action")!, new Dictionary<string, string> { ["phase"] = "4", ["index"] = "0" });
        var after = await Leader.GetDocumentAsync($"/projecten/{_empty}/plan");

        Assert.That(after.QuerySelector("#fase-4 tr[data-activity-id]")!.TextContent, Does.Contain(text));
        Assert.That(after.QuerySelector(".notice")!.TextContent, Does.Contain("toegevoegd"));
    }

    [Test]
    public async Task AdoptingTheDisseminationPlanKeepsItsWholeTitleAndItsSubPointsAsDescription()
    {
        var before = await Leader.GetDocumentAsync($"/projecten/{_empty}/plan");
        var suggestion = before.QuerySelector("#fase-1 .suggestions form")!;
        Assert.That(suggestion.QuerySelectorAll(".sub-points li"), Has.Length.EqualTo(2), "the two sub-points are shown with the advice");

        using var adopted = await Leader.PostFormAsync($"/projecten/{_empty}/plan", suggestion.GetAttribute("action")!, new Dictionary<string, string> { ["phase"] = "1", ["index"] = "0" });
        using var json = JsonDocument.Parse(await Leader.GetStringAsync($"/api/v1/projects/{_empty}/plan"));

        var activity = json.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("fields")).Single(a => a.GetProperty("phase").GetInt32() == 1);
        Assert.That(activity.GetProperty("title").GetString(), Is.EqualTo("Maak een verspreidingsplan"));
        Assert.That(activity.GetProperty("description").GetString(), Does.Contain("sleutelfiguren en netwerken").And.Contain("persoonlijke benadering en uitleg"));
    }

    [Test]
    public async Task APhaseDecisionMovesTheProjectAndIsListed()
    {
        using var response = await Leader.PostFormAsync($"/projecten/{_empty}/plan", $"/projecten/{_empty}/plan/wijzigen?handler=Transition",
            new Dictionary<string, string> { ["toPhase"] = "2", ["decidedOn"] = "2021-06-01", ["note"] = "Communicatieplan afgerond" });
        var plan = await Leader.GetDocumentAsync($"/projecten/{_empty}/plan");

        Assert.That(plan.QuerySelector("table.scores tr.current")!.GetAttribute("data-phase"), Is.EqualTo("2"));
        Assert.That(plan.QuerySelector("ul.transitions")!.TextContent, Does.Contain("1 → 2").And.Contain("Communicatieplan afgerond"));
    }

    [Test]
    public async Task ManagementSeesThePlanWithoutAnythingToChange()
    {
        using var manager = await _factory.LoggedInClientAsync(Login.Management);

        var page = await manager.GetDocumentAsync($"/projecten/{_samenBeslissen}/plan");
        using var form = await manager.GetAsync($"/projecten/{_samenBeslissen}/plan/activiteit");

        Assert.That(page.QuerySelectorAll("table.scores tbody tr"), Has.Length.EqualTo(6));
        Assert.That(page.QuerySelectorAll("main form[method=post]"), Is.Empty);
        Assert.That(form.Headers.Location!.OriginalString, Does.Contain("/geen-toegang"));
    }

    [Test]
    public async Task AnExcelExportImportedIntoAnotherProjectReproducesThePlan()
    {
        using var export = await Leader.GetAsync($"/projecten/{_keuzehulp}/plan.xlsx");
        var bytes = await export.Content.ReadAsByteArrayAsync();

        using var imported = await PostFileAsync($"/projecten/{_importTarget}/plan/import", "plan.xlsx", bytes);
        var source = await ActivitiesAsync(_keuzehulp);
        var target = await ActivitiesAsync(_importTarget);

        Assert.That(export.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(target, Has.Count.EqualTo(17));
        Assert.That(target, Is.EquivalentTo(source));
        using var targetPlan = JsonDocument.Parse(await Leader.GetStringAsync($"/api/v1/projects/{_importTarget}/plan"));
        using var sourcePlan = JsonDocument.Parse(await Leader.GetStringAsync($"/api/v1/projects/{_keuzehulp}/plan"));
        Assert.That(targetPlan.RootElement.GetProperty("goals").GetRawText(), Is.EqualTo(sourcePlan.RootElement.GetProperty("goals").GetRawText()));
    }

    [Test]
    public async Task ABadCsvNamesTheRowAndColumnAndImportsNothing()
    {
        var csv = "fase;activiteit;omschrijving;doelgroep;actoren;belemmerende factoren;bevorderende factoren;randvoorwaarden;uitvoerder/eigenaar;planning (maand);status;gestart op;gereed op;determinanten\r\n"
            + "1;Goed;;professionals;;;;;Kernteam;2021-03;gepland;;;\r\n"
            + "2;Fout;;professionals;;;;;Kernteam;2021-13;gepland;;;30\r\n";

        using var response = await PostFileAsync($"/projecten/{_empty}/plan/import", "plan.csv", System.Text.Encoding.UTF8.GetBytes(csv));
        var page = await Html.ParseAsync(response);
        var plan = await Leader.GetDocumentAsync($"/projecten/{_empty}/plan");

        var errors = page.QuerySelectorAll("ul.import-errors li").Select(li => li.TextContent).ToList();
        Assert.That(errors, Has.Some.Contains("rij 3, planning (maand)").And.Some.Contains("rij 3, determinanten"));
        Assert.That(plan.QuerySelectorAll("tr[data-activity-id]").Select(r => r.TextContent), Has.None.Contains("Goed"), "all or nothing");
    }

    [Test]
    [Description("issue #16: one click on the plan list changes an activity's status and comes back to its row")]
    public async Task OneClickChangesTheStatusAndReturnsToTheActivitysRow()
    {
        var planUrl = $"/projecten/{_keuzehulp}/plan";
        var before = await Leader.GetDocumentAsync(planUrl);
        var row = before.QuerySelector("tr[data-activity-id].status-gepland")!;
        var activityId = row.GetAttribute("data-activity-id")!;
        Assert.That(row.Id, Is.EqualTo($"activiteit-{activityId}"));
        Assert.That(row.QuerySelectorAll("[data-testid=status-change] button[name=status]").Select(b => b.GetAttribute("value")), Is.EqualTo(new[] { "bezig", "gereed", "vervallen" }));

        using var response = await Leader.PostFormAsync(planUrl, $"{planUrl}/wijzigen?handler=Status", new Dictionary<string, string> { ["activityId"] = activityId, ["status"] = "gereed" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo($"{planUrl}#activiteit-{activityId}"));
        var after = await Leader.GetDocumentAsync(planUrl);
        Assert.That(after.QuerySelector($"#activiteit-{activityId}")!.ClassName, Does.Contain("status-gereed"));
        Assert.That(after.QuerySelector(".notice[role=status]")?.TextContent, Does.Contain("De status is gewijzigd."));
        var form = await Leader.GetDocumentAsync($"{planUrl}/activiteit/{activityId}");
        Assert.That(form.QuerySelector("#completedOn")!.GetAttribute("value"), Is.Not.Empty, "done today");
        Assert.That(form.QuerySelector("label[for=phase]")!.TextContent, Is.EqualTo("Fase"), "the phase field is not labelled 'Naam'");
    }

    [Test]
    public async Task AnUnknownStatusIsRefusedInDutch()
    {
        var planUrl = $"/projecten/{_keuzehulp}/plan";
        var activityId = (await Leader.GetDocumentAsync(planUrl)).QuerySelector("tr[data-activity-id]")!.GetAttribute("data-activity-id")!;

        using var response = await Leader.PostFormAsync(planUrl, $"{planUrl}/wijzigen?handler=Status", new Dictionary<string, string> { ["activityId"] = activityId, ["status"] = "klaar" });
        var after = await Leader.GetDocumentAsync(response.Headers.Location!.OriginalString);

        Assert.That(after.QuerySelector("[role=alert]")?.TextContent, Does.Contain("'klaar' is geen status"));
    }

    [Test]
    [Description("issue #16: the audit trail shows Dutch field labels, the name of the thing changed and Dutch local time")]
    public async Task TheAuditTrailNamesTheActivityAndLabelsItsFieldsInDutch()
    {
        var planUrl = $"/projecten/{_samenBeslissen}/plan";
        var row = (await Leader.GetDocumentAsync(planUrl)).QuerySelector("tr[data-activity-id].status-gepland")!;
        var activityId = row.GetAttribute("data-activity-id")!;
        var title = row.QuerySelector("td a")!.TextContent.Trim();
        using var changed = await Leader.PostFormAsync(planUrl, $"{planUrl}/wijzigen?handler=Status", new Dictionary<string, string> { ["activityId"] = activityId, ["status"] = "bezig" });

        var trail = await Leader.GetDocumentAsync($"/projecten/{_samenBeslissen}/audit?entity=activiteit&entityId={activityId}");

        var entry = trail.QuerySelector("table.audit tbody tr")!;
        var cells = entry.QuerySelectorAll("td");
        Assert.That(cells[2].TextContent, Does.Contain("activiteit #" + activityId).And.Contain(title));
        Assert.That(cells[4].TextContent, Does.Contain("status: gepland → bezig").And.Contain("gestart op"));
        Assert.That(cells[4].TextContent, Does.Not.Contain("startedOn"));
        var at = DateTimeOffset.Parse(cells[0].QuerySelector("time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture);
        var dutch = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        Assert.That(cells[0].TextContent.Trim(), Is.EqualTo(dutch.ToString("g", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))), "Dutch local time, not UTC");
        Assert.That(trail.QuerySelector("#entity option[value=activiteit]")!.TextContent, Is.EqualTo("activiteit"));
        Assert.That(trail.QuerySelector("#entity option[value=meeting]")?.TextContent, Is.EqualTo("bijeenkomst").Or.Null);
    }

    private async Task<HttpResponseMessage> PostFileAsync(string url, string fileName, byte[] bytes)
    {
        var form = await Leader.GetDocumentAsync(url);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.AntiforgeryToken()), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await Leader.PostAsync(url, content);
    }

    private async Task<List<string>> ActivitiesAsync(long project)
    {
        using var plan = JsonDocument.Parse(await Leader.GetStringAsync($"/api/v1/projects/{project}/plan"));
        return plan.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("fields").GetRawText()).ToList();
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
