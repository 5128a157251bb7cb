using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Effects;

/// <summary>Effect measurement through the API, the anonymous questionnaire and the project page (issue #18).</summary>
[NonParallelizable]
public sealed class EffectMeasurementTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    private async Task<long> ProjectIdAsync()
    {
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);
        using var projects = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/projects"));
        return projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "samen-beslissen-arnhem").GetProperty("id").GetInt64();
    }

    /// <summary>A questionnaire of two Likert items with an open round; the items' ids.</summary>
    private async Task<(long ProjectId, long RoundId, long[] Items, HttpClient Researcher)> RoundAsync(string title)
    {
        var projectId = await ProjectIdAsync();
        var researcher = await _factory.ApiClientAsync(Login.Researcher);
        using var made = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/questionnaires", new
        {
            title,
            targetGroup = "professionals",
            items = new object[]
            {
                new { text = "Ik vertel de cliënt dat hij of zij meebeslist.", kind = "likert5" },
                new { text = "Samen beslissen kost mij te veel tijd.", kind = "likert5", reverseScored = true },
                new { text = "Wat zou u anders doen?", kind = "open" },
            },
        });
        var questionnaireId = JsonDocument.Parse(await made.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var round = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/questionnaires/{questionnaireId}/rounds",
            new { name = "Nameting", measurement = "nameting", opensOn = "2020-01-01", closesOn = "2099-12-31", intended = 38, sidedness = "groter" });
        var roundId = JsonDocument.Parse(await round.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var questionnaires = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/questionnaires"));
        var items = questionnaires.RootElement.EnumerateArray().Single(q => q.GetProperty("id").GetInt64() == questionnaireId).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();
        return (projectId, roundId, items, researcher);
    }

    [Test]
    [Description("issue #18: the anonymous link shows the questionnaire without login, takes an answer, refuses an out-of-range one in Dutch and keeps nothing identifying")]
    public async Task TheAnonymousLinkTakesAnswersWithoutLogin()
    {
        var (projectId, roundId, items, researcher) = await RoundAsync("Vragenlijst via de link");
        using var link = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/survey-rounds/{roundId}/links", new { condition = "getraind" });
        var url = new Uri(JsonDocument.Parse(await link.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!);
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var form = await anonymous.GetDocumentAsync(url.PathAndQuery);
        async Task<HttpResponseMessage> PostAsync(params (string, string)[] fields)
        {
            var page = await anonymous.GetDocumentAsync(url.PathAndQuery);
            using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new("__RequestVerificationToken", page.AntiforgeryToken())));
            return await anonymous.PostAsync(url.PathAndQuery, content);
        }

        using var bad = await PostAsync(($"item{items[0]}", "7"));
        var badPage = await Html.ParseAsync(bad);
        using var good = await PostAsync(($"item{items[0]}", "4"), ($"item{items[1]}", "2"), ($"item{items[2]}", "Eerder beginnen"));

        Assert.That(form.QuerySelectorAll("input[type=radio]").Length, Is.EqualTo(10));
        Assert.That(form.QuerySelector("nav.subnav"), Is.Null);
        Assert.That(badPage.QuerySelector("p.error")!.TextContent, Is.EqualTo("Het antwoord op vraag 1 moet een geheel getal van 1 tot en met 5 zijn."));
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var csv = await researcher.GetStringAsync($"/api/v1/projects/{projectId}/survey-rounds/{roundId}/responses.csv");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("respondent;ronde;meting;conditie;bron;v1;v2;v3"));
        Assert.That(lines, Has.Length.EqualTo(2), "one respondent: the refused answer left nothing");
        Assert.That(csv, Does.Contain(";Nameting;nameting;getraind;web;4;2;Eerder beginnen"));
    }

    [Test]
    [Description("issue #18: paper cards are typed in per condition; the analysis compares the groups per item, and management sees no item under 5 answers per group")]
    public async Task PaperCardsAndTheAnalysisWithTheSmallGroupRule()
    {
        var (projectId, roundId, items, researcher) = await RoundAsync("Vragenlijst op papier");
        using var management = await _factory.ApiClientAsync(Login.Management);
        using var participant = await _factory.ApiClientAsync(Login.Participant);
        var paper = $"/api/v1/projects/{projectId}/survey-rounds/{roundId}/paper";
        foreach (var (answer, condition) in new[] { 5, 4, 5, 4, 5, 4 }.Select(a => (a, "getraind")).Concat(new[] { 3, 2, 3, 2 }.Select(a => (a, "ongetraind"))))
        {
            using var typed = await researcher.PostAsJsonAsync(paper, new { condition, answers = new Dictionary<string, string> { [items[0].ToString(System.Globalization.CultureInfo.InvariantCulture)] = answer.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
            Assert.That(typed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        using var outOfRange = await researcher.PostAsJsonAsync(paper, new { condition = "geel", answers = new Dictionary<string, string>() });
        var url = $"/api/v1/projects/{projectId}/survey-rounds/{roundId}/analysis";
        using var team = JsonDocument.Parse(await researcher.GetStringAsync(url));
        using var manager = JsonDocument.Parse(await management.GetStringAsync(url));
        using var forbidden = await participant.GetAsync(url);

        Assert.That(outOfRange.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var first = team.RootElement.GetProperty("items")[0];
        Assert.That(first.GetProperty("suppressed").GetBoolean(), Is.False);
        Assert.That(first.GetProperty("comparison").GetProperty("a").GetProperty("mean").GetDouble(), Is.EqualTo(4.5));
        Assert.That(first.GetProperty("comparison").GetProperty("welch").GetProperty("p").GetDouble(), Is.LessThan(0.01));
        Assert.That(team.RootElement.GetProperty("responseRate").GetDouble(), Is.EqualTo(10.0 / 38).Within(1e-9));
        Assert.That(manager.RootElement.GetProperty("items")[0].GetProperty("suppressed").GetBoolean(), Is.True, "4 untrained answers");
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    [Description("issue #18: the project page makes a questionnaire from lines of text; a deelnemer cannot open it; management sees it without forms")]
    public async Task TheProjectPageMakesAQuestionnaireAndGuardsItsForms()
    {
        var projectId = await ProjectIdAsync();
        var page = $"/projecten/{projectId}/effectmeting";
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);
        using var manager = await _factory.LoggedInClientAsync(Login.Management);
        using var participant = await _factory.LoggedInClientAsync(Login.Participant);

        using var bad = await researcher.PostFormAsync(page, $"{page}?handler=Questionnaire", new Dictionary<string, string> { ["title"] = "Cliëntkaart", ["targetGroup"] = "clienten", ["items"] = "vraag zonder soort" });
        var badPage = await researcher.GetDocumentAsync(page);
        using var made = await researcher.PostFormAsync(page, $"{page}?handler=Questionnaire", new Dictionary<string, string>
        {
            ["title"] = "Cliëntkaart", ["targetGroup"] = "clienten", ["items"] = "smiley5 | Hoe vond u het gesprek?\nopen | Wat kan beter?",
        });
        var madePage = await researcher.GetDocumentAsync(page);
        using var managerPost = await manager.PostFormAsync(page, $"{page}?handler=Questionnaire", new Dictionary<string, string> { ["title"] = "X", ["targetGroup"] = "clienten", ["items"] = "open | x" });
        using var participantGet = await participant.GetAsync(page);

        Assert.That(badPage.QuerySelector("p.error")!.TextContent, Does.StartWith("Regel 1 is geen vraag"));
        Assert.That(madePage.QuerySelector("p.notice")!.TextContent, Is.EqualTo("Vragenlijst 'Cliëntkaart' gemaakt."));
        Assert.That(madePage.QuerySelectorAll("#r-q option").Select(o => o.TextContent), Does.Contain("Cliëntkaart"));
        Assert.That(managerPost.Headers.Location?.OriginalString, Does.Contain("geen-toegang"));
        Assert.That(participantGet.StatusCode, Is.EqualTo(HttpStatusCode.Redirect).Or.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await manager.GetDocumentAsync(page)).QuerySelector("[data-testid=questionnaire-form]"), Is.Null);
    }
}
