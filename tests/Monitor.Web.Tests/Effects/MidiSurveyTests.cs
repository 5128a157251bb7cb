using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Effects;

/// <summary>The MIDI survey, the charts and the coding of open answers on the effect page and in the API (issue #18).</summary>
[NonParallelizable]
public sealed class MidiSurveyTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    private async Task<long> ProjectIdAsync(string slug)
    {
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);
        using var projects = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/projects"));
        return projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug).GetProperty("id").GetInt64();
    }

    [Test]
    [Description("issue #18: a researcher makes the MIDI survey through the API; typed-in answers classify each determinant per round; management gets no breakdown under 5 respondents and cannot make one")]
    public async Task TheMidiSurveyThroughTheApi()
    {
        var projectId = await ProjectIdAsync("keuzehulp-werkzaak");
        using var researcher = await _factory.ApiClientAsync(Login.Researcher);
        using var management = await _factory.ApiClientAsync(Login.Management);

        using var bad = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/midi-surveys", new { title = "MIDI fout", targetGroup = "professionals", barrierPercent = 0 });
        using var refused = await management.PostAsJsonAsync($"/api/v1/projects/{projectId}/midi-surveys", new { title = "MIDI manager", targetGroup = "professionals" });
        using var made = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/midi-surveys", new { title = "MIDI via API", targetGroup = "professionals" });
        var questionnaireId = JsonDocument.Parse(await made.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var round = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/questionnaires/{questionnaireId}/rounds",
            new { name = "MIDI-meting", measurement = "voormeting", opensOn = "2020-01-01", closesOn = "2020-12-31" });
        var roundId = JsonDocument.Parse(await round.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var questionnaires = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/questionnaires"));
        var items = questionnaires.RootElement.EnumerateArray().Single(q => q.GetProperty("id").GetInt64() == questionnaireId).GetProperty("items").EnumerateArray().ToList();
        var complexity = items[3].GetProperty("id").GetInt64();
        foreach (var answer in new[] { 4, 4, 2, 2 })
        {
            using var typed = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/survey-rounds/{roundId}/paper",
                new { condition = "getraind", answers = new Dictionary<string, string> { [complexity.ToString(CultureInfo.InvariantCulture)] = answer.ToString(CultureInfo.InvariantCulture) } });
            Assert.That(typed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        using var team = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/midi-surveys"));
        using var manager = JsonDocument.Parse(await management.GetStringAsync($"/api/v1/projects/{projectId}/midi-surveys"));

        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(items, Has.Count.EqualTo(29));
        Assert.That(items[3].GetProperty("reverseScored").GetBoolean(), Is.True, "determinant 4, complexity");
        var survey = team.RootElement.GetProperty("surveys").EnumerateArray().Single(s => s.GetProperty("questionnaireId").GetInt64() == questionnaireId);
        var profile = survey.GetProperty("rounds")[0];
        Assert.That(profile.GetProperty("responses").GetInt32(), Is.EqualTo(4));
        var determinant = profile.GetProperty("determinants").EnumerateArray().Single(d => d.GetProperty("determinant").GetInt32() == 4);
        // 4, 4, 2, 2 reversed: 2, 2, 4, 4 → 50 % negative: a barrier
        Assert.That(determinant.GetProperty("verdict").GetProperty("negativeShare").GetDouble(), Is.EqualTo(0.5));
        Assert.That(determinant.GetProperty("verdict").GetProperty("outcome").GetString(), Is.EqualTo("belemmerend").IgnoreCase);
        var managed = manager.RootElement.GetProperty("surveys").EnumerateArray().Single(s => s.GetProperty("questionnaireId").GetInt64() == questionnaireId);
        Assert.That(managed.GetProperty("rounds")[0].GetProperty("responses").GetInt32(), Is.Zero, "4 respondents: no breakdown for management");
    }

    [Test]
    [Description("issue #18: the effect page shows the answers as diverging stacked bars per round and, for a MIDI survey, the determinants over rounds with the profile chart and its numbers; the MIDI form is for researchers only")]
    public async Task ThePageShowsTheChartsAndTheMidiSurvey()
    {
        var arnhem = await ProjectIdAsync("samen-beslissen-arnhem");
        var keuzehulp = await ProjectIdAsync("keuzehulp-werkzaak");
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);
        using var manager = await _factory.LoggedInClientAsync(Login.Management);
        var page = $"/projecten/{keuzehulp}/effectmeting";

        var demo = await researcher.GetDocumentAsync($"/projecten/{arnhem}/effectmeting");
        using var made = await researcher.PostFormAsync(page, $"{page}?handler=Midi", new Dictionary<string, string> { ["title"] = "MIDI op de pagina", ["targetGroup"] = "professionals", ["barrier"] = "25", ["facilitator"] = "75" });
        var after = await researcher.GetDocumentAsync(page);
        using var managerPost = await manager.PostFormAsync(page, $"{page}?handler=Midi", new Dictionary<string, string> { ["title"] = "MIDI manager", ["targetGroup"] = "professionals" });
        var managerPage = await manager.GetDocumentAsync(page);

        Assert.That(demo.QuerySelectorAll("svg.chart-likert"), Has.Length.EqualTo(5), "one chart per demo round, the MIDI survey's two included");
        Assert.That(demo.QuerySelectorAll("figure.chart")[0].TextContent, Does.Contain("Negatief (%)"), "the numbers table beside the chart");
        Assert.That(demo.Body!.TextContent, Does.Contain("synthetische antwoorden"));
        Assert.That(after.QuerySelector("p.notice")!.TextContent, Is.EqualTo("MIDI-vragenlijst 'MIDI op de pagina' gemaakt."));
        var section = after.QuerySelectorAll("section[data-testid^=midi-]").Single(s => s.TextContent.Contains("MIDI op de pagina", StringComparison.Ordinal));
        Assert.That(section.TextContent, Does.Contain("minstens 25 %").And.Contain("29 vragen zijn parafrases"));
        Assert.That(managerPost.Headers.Location?.OriginalString, Does.Contain("geen-toegang"));
        Assert.That(managerPage.QuerySelector("[data-testid=midi-form]"), Is.Null);
    }

    [Test]
    [Description("issue #18: 'Open antwoorden coderen' makes one coding document per open item of a closed round, once; management may not; the API answers the same")]
    public async Task OpenAnswersBecomeCodingDocumentsOnce()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);
        using var manager = await _factory.LoggedInClientAsync(Login.Management);
        using var api = await _factory.ApiClientAsync(Login.Researcher);
        var page = $"/projecten/{projectId}/effectmeting";
        var rounds = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{projectId}/survey-rounds")).RootElement.EnumerateArray().ToList();
        var post = rounds.Single(r => r.GetProperty("name").GetString()!.StartsWith("Nameting juli", StringComparison.Ordinal)).GetProperty("id").GetInt64();
        var pre = rounds.Single(r => r.GetProperty("name").GetString()!.StartsWith("Voormeting", StringComparison.Ordinal)).GetProperty("id").GetInt64();
        var before = await researcher.GetDocumentAsync(page);

        using var first = await researcher.PostFormAsync(page, $"{page}?handler=CodeOpen", new Dictionary<string, string> { ["roundId"] = post.ToString(CultureInfo.InvariantCulture) });
        var firstPage = await researcher.GetDocumentAsync(page);
        using var second = await researcher.PostFormAsync(page, $"{page}?handler=CodeOpen", new Dictionary<string, string> { ["roundId"] = post.ToString(CultureInfo.InvariantCulture) });
        var secondPage = await researcher.GetDocumentAsync(page);
        using var managerPost = await manager.PostFormAsync(page, $"{page}?handler=CodeOpen", new Dictionary<string, string> { ["roundId"] = pre.ToString(CultureInfo.InvariantCulture) });
        using var viaApi = await api.PostAsync($"/api/v1/projects/{projectId}/survey-rounds/{pre}/coding-documents", null);
        using var againApi = await api.PostAsync($"/api/v1/projects/{projectId}/survey-rounds/{pre}/coding-documents", null);
        using var unknown = await api.PostAsync($"/api/v1/projects/{projectId}/survey-rounds/999999/coding-documents", null);
        using var documents = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{projectId}/coding-documents"));

        Assert.That(before.QuerySelector($"[data-testid=code-open-{post}] button")!.TextContent, Is.EqualTo("Open antwoorden coderen"));
        Assert.That(firstPage.QuerySelector("p.notice")!.TextContent, Does.StartWith("3 nieuwe documenten"));
        Assert.That(secondPage.QuerySelector("p.notice")!.TextContent, Does.StartWith("0 nieuwe documenten"), "a second action makes no duplicates");
        Assert.That(managerPost.Headers.Location?.OriginalString, Does.Contain("geen-toegang"));
        Assert.That(JsonDocument.Parse(await viaApi.Content.ReadAsStringAsync()).RootElement.GetProperty("documentIds").GetArrayLength(), Is.EqualTo(3));
        Assert.That(JsonDocument.Parse(await againApi.Content.ReadAsStringAsync()).RootElement.GetProperty("documentIds").GetArrayLength(), Is.Zero);
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(documents.RootElement.EnumerateArray().Count(d => d.GetProperty("title").GetString()!.StartsWith("Open antwoorden", StringComparison.Ordinal)), Is.EqualTo(6));
    }
}
