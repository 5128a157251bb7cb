using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Effects;

/// <summary>More rounds, pairs per condition, register editing and the MIDI profile over rounds through the real host and the Arnhem demo (issue #18).</summary>
[NonParallelizable]
public sealed class MeasurementRoundsWebTests
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

    private static async Task<long> IdAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

    [Test]
    [Description("issue #18: register entries are changed (PUT) and removed (DELETE) by projectleider and onderzoeker, audited; management, deelnemer and gast are refused and change nothing (the audit itself: MeasurementRoundsTests)")]
    public async Task TheRegisterIsEditedThroughTheApiByResearchersOnly()
    {
        var projectId = await ProjectIdAsync();
        using var researcher = await _factory.ApiClientAsync(Login.Researcher);
        var api = $"/api/v1/projects/{projectId}/training-register";
        using var added = await researcher.PostAsJsonAsync(api, new { label = "Re-integratieprofessional 50", cohort = "" });
        var entry = await IdAsync(added);
        var refused = new List<HttpStatusCode>();
        foreach (var login in new[] { Login.Management, Login.Participant, Login.Guest })
        {
            using var client = await _factory.ApiClientAsync(login);
            using var put = await client.PutAsJsonAsync($"{api}/{entry}", new { label = "Gewijzigd", cohort = "", trainedOn = "2022-03-17" });
            using var delete = await client.DeleteAsync($"{api}/{entry}");
            refused.AddRange([put.StatusCode, delete.StatusCode]);
        }

        using var updated = await researcher.PutAsJsonAsync($"{api}/{entry}", new { label = "Re-integratieprofessional 50", cohort = "Groep 3", trainedOn = "2022-03-17" });
        using var badDate = await researcher.PutAsJsonAsync($"{api}/{entry}", new { label = "Re-integratieprofessional 50", trainedOn = "2099-01-01" });
        using var missing = await researcher.PutAsJsonAsync($"{api}/999999", new { label = "X" });
        using var register = JsonDocument.Parse(await researcher.GetStringAsync(api));
        var changed = register.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetInt64() == entry);
        using var deleted = await researcher.DeleteAsync($"{api}/{entry}");
        using var again = await researcher.DeleteAsync($"{api}/{entry}");

        Assert.That(refused, Is.All.AnyOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound));
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(badDate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await badDate.Content.ReadAsStringAsync(), Does.Contain("De trainingsdatum ligt in de toekomst"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((changed.GetProperty("cohort").GetString(), changed.GetProperty("trainedOn").GetString(), changed.GetProperty("condition").GetString()),
            Is.EqualTo(("Groep 3", "2022-03-17", "getraind")));
        Assert.That((deleted.StatusCode, again.StatusCode), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NotFound)));
    }

    [Test]
    [Description("issue #18: the register page changes and removes an entry for the projectleider; a deelnemer cannot post to it")]
    public async Task TheRegisterPageEditsAndRemovesEntries()
    {
        var projectId = await ProjectIdAsync();
        var page = $"/projecten/{projectId}/effectmeting/trainingsregister";
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        using var added = await leader.PostFormAsync(page, page, new Dictionary<string, string> { ["label"] = "Re-integratieprofessional 60", ["cohort"] = "" });
        var before = await leader.GetDocumentAsync(page);
        var row = before.QuerySelectorAll("[data-testid=register] tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Re-integratieprofessional 60");
        var entry = row.GetAttribute("data-testid")!["register-entry-".Length..];
        using var updated = await leader.PostFormAsync(page, $"{page}?handler=Update", new Dictionary<string, string>
        {
            ["entryId"] = entry, ["label"] = "Re-integratieprofessional 60", ["cohort"] = "Groep 4", ["trainedOn"] = "2022-04-01",
        });
        var afterUpdate = await leader.GetDocumentAsync(page);
        using var participant = await _factory.LoggedInClientAsync(Login.Participant);
        // a deelnemer cannot open the register page, so the form's token comes from their account page
        using var forbidden = await participant.PostFormAsync("/account", $"{page}?handler=Delete", new Dictionary<string, string> { ["entryId"] = entry });
        var stillThere = await leader.GetDocumentAsync(page);
        using var removed = await leader.PostFormAsync(page, $"{page}?handler=Delete", new Dictionary<string, string> { ["entryId"] = entry });
        var afterDelete = await leader.GetDocumentAsync(page);

        Assert.That(afterUpdate.QuerySelector("p.notice")!.TextContent, Is.EqualTo("'Re-integratieprofessional 60' is gewijzigd."));
        Assert.That(afterUpdate.QuerySelector($"[data-testid=register-entry-{entry}]")!.TextContent, Does.Contain("Groep 4").And.Contain("2022"));
        Assert.That(forbidden.Headers.Location?.OriginalString, Does.Contain("geen-toegang"));
        Assert.That(stillThere.QuerySelector($"[data-testid=register-entry-{entry}]"), Is.Not.Null, "the deelnemer removed nothing");
        Assert.That(afterDelete.QuerySelector("p.notice")!.TextContent, Is.EqualTo("'Re-integratieprofessional 60' is uit het trainingsregister verwijderd."));
        Assert.That(afterDelete.QuerySelector($"[data-testid=register-entry-{entry}]"), Is.Null);
    }

    [Test]
    [Description("issue #18: the demo's linked pairs: the API and the linkage page start from the first voormeting → the last nameting and show pairs per condition and the difference of change, for management too (8 and 7 pairs)")]
    public async Task TheDefaultPairShowsPairsPerConditionAndTheDifferenceOfChange()
    {
        var projectId = await ProjectIdAsync();
        using var management = await _factory.ApiClientAsync(Login.Management);
        using var rounds = JsonDocument.Parse(await management.GetStringAsync($"/api/v1/projects/{projectId}/survey-rounds"));
        var professional = rounds.RootElement.EnumerateArray().First(r => r.GetProperty("name").GetString()!.StartsWith("Voormeting februari 2022", StringComparison.Ordinal));
        var questionnaireId = professional.GetProperty("questionnaireId").GetInt64();
        var post = rounds.RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString()!.StartsWith("Nameting juli 2022", StringComparison.Ordinal)).GetProperty("id").GetInt64();
        using var paired = JsonDocument.Parse(await management.GetStringAsync($"/api/v1/projects/{projectId}/questionnaires/{questionnaireId}/paired"));
        using var reversed = await management.GetAsync($"/api/v1/projects/{projectId}/questionnaires/{questionnaireId}/paired?from={post}&to={professional.GetProperty("id").GetInt64()}");
        using var none = await management.GetAsync($"/api/v1/projects/{projectId}/questionnaires/999999/paired");
        using var manager = await _factory.LoggedInClientAsync(Login.Management);
        var page = await manager.GetDocumentAsync($"/projecten/{projectId}/effectmeting/koppeling");

        Assert.That(paired.RootElement.GetProperty("beforeRoundId").GetInt64(), Is.EqualTo(professional.GetProperty("id").GetInt64()));
        Assert.That(paired.RootElement.GetProperty("afterRoundId").GetInt64(), Is.EqualTo(post));
        Assert.That(paired.RootElement.GetProperty("pairs").GetInt32(), Is.EqualTo(15));
        Assert.That(paired.RootElement.GetProperty("pairsPerCondition").EnumerateArray().Select(c => (c.GetProperty("condition").GetString(), c.GetProperty("pairs").GetInt32())),
            Is.EqualTo(new[] { ("getraind", 8), ("ongetraind", 7) }));
        var first = paired.RootElement.GetProperty("items")[0];
        Assert.That(first.GetProperty("conditions").GetArrayLength(), Is.EqualTo(2));
        Assert.That(first.GetProperty("changeDifference").GetProperty("pairsTrained").GetInt32(), Is.EqualTo(8));
        Assert.That(first.GetProperty("changeDifference").GetProperty("welch").GetProperty("test").GetString(), Is.EqualTo("Welch t"));
        Assert.That(reversed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "any two rounds of the questionnaire, either way");
        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(page.QuerySelector("#voor option[selected]")!.TextContent, Does.StartWith("Voormeting februari 2022"));
        Assert.That(page.QuerySelector("#na option[selected]")!.TextContent, Does.StartWith("Nameting juli 2022"));
        Assert.That(page.QuerySelector("[data-testid=pairs-per-condition]")!.TextContent, Does.StartWith("8 paren getraind, 7 paren niet getraind."));
        Assert.That(page.QuerySelectorAll("[data-testid^=change-difference-]"), Has.Length.EqualTo(5), "one per Likert item");
    }

    [Test]
    [Description("issue #18: a tussenmeting and a follow-up round can be made through the API; an unknown measurement is refused in Dutch")]
    public async Task RoundsCanBeTussenmetingOrFollowUp()
    {
        var projectId = await ProjectIdAsync();
        using var researcher = await _factory.ApiClientAsync(Login.Researcher);
        using var questionnaires = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/questionnaires"));
        var questionnaireId = questionnaires.RootElement[0].GetProperty("id").GetInt64();
        async Task<HttpResponseMessage> RoundAsync(string name, string measurement) =>
            await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/questionnaires/{questionnaireId}/rounds",
                new { name, measurement, opensOn = "2023-01-01", closesOn = "2023-01-31", sidedness = "tweezijdig" });

        using var middle = await RoundAsync("Tussenmeting 2023", "tussenmeting");
        using var later = await RoundAsync("Follow-up 2023", "followup");
        using var wrong = await RoundAsync("Fout", "nazorg");
        using var list = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/survey-rounds"));

        Assert.That((middle.StatusCode, later.StatusCode, wrong.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.BadRequest)));
        var measurements = list.RootElement.EnumerateArray().Select(r => r.GetProperty("measurement").GetString()).ToList();
        Assert.That(measurements, Does.Contain("tussenmeting").And.Contain("followup"));
        Assert.That(measurements.Last(), Is.EqualTo("followup"), "listed by measurement, follow-up last");
    }

    [Test]
    [Description("issue #18: the effect page shows the demo MIDI survey over its two rounds as a chart with its table; management too")]
    public async Task TheMidiProfileIsShownOverRounds()
    {
        var projectId = await ProjectIdAsync();
        using var manager = await _factory.LoggedInClientAsync(Login.Management);
        var page = await manager.GetDocumentAsync($"/projecten/{projectId}/effectmeting");

        var chart = page.QuerySelector("[data-testid^=midi-rounds-]");
        Assert.That(chart, Is.Not.Null);
        Assert.That(chart!.TextContent, Does.Contain("Ronde 1 (mrt 2022)").And.Contain("Ronde 2 (okt 2022)"), "long round names shortened under the columns");
        Assert.That(chart.QuerySelector("table"), Is.Not.Null, "the numbers table beside the chart");
    }
}
