using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Coding;
using Monitor.Core.Projects;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Coding;

/// <summary>The agreement of a closed round through the API, on the demo round of the Keuzehulp project (issue #17).</summary>
public sealed class RoundAgreementApiTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    [Test]
    [Description("issue #17: editing one word of coded minutes moved the closed round's pooled κ from 0.718 to 0.706")]
    public async Task EditingTheMinutesOfACodedMeetingLeavesTheClosedRoundsFiguresAsTheyWere()
    {
        var projectId = (await _factory.Services.GetRequiredService<ProjectStore>().ListAsync()).Single(p => p.Slug == "keuzehulp-werkzaak").Id;
        using var researcher = await _factory.ApiClientAsync(Login.Researcher);
        using var leader = await _factory.ApiClientAsync(Login.ProjectLeader);
        using var rounds = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/coding-rounds"));
        var round = rounds.RootElement.EnumerateArray().First(r => r.GetProperty("status").GetString() == "gesloten");
        var roundId = round.GetProperty("id").GetInt64();
        var before = await FiguresAsync(researcher, projectId, roundId);
        var documents = _factory.Services.GetRequiredService<CodingDocumentStore>();
        var document = (await documents.ListDocumentsAsync(projectId))
            .First(d => d.Kind == DocumentKind.Verslag && round.GetProperty("documentIds").EnumerateArray().Any(i => i.GetInt64() == d.Id));
        using var meeting = JsonDocument.Parse(await leader.GetStringAsync($"/api/v1/projects/{projectId}/meetings/{document.MeetingId}"));
        var minutes = meeting.RootElement.GetProperty("meeting").GetProperty("minutes").GetString()!;
        // One word inside a fragment the coders coded: "one word" as a researcher would correct a typo.
        using var coded = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/coding-documents/{document.Id}?round={roundId}"));
        var text = coded.RootElement.GetProperty("text").GetString()!;
        var coding = coded.RootElement.GetProperty("codings").EnumerateArray().First(c => c.GetProperty("roundId").ValueKind == JsonValueKind.Number);
        var fragment = Slice(text, coding.GetProperty("start").GetInt32(), coding.GetProperty("end").GetInt32());
        var at = minutes.IndexOf(fragment, StringComparison.Ordinal);
        var word = fragment.Split(' ').First(w => w.Length >= 5 && w.All(char.IsLetter));
        var edited = string.Concat(minutes.AsSpan(0, at), fragment.Replace(word, word.ToUpperInvariant(), StringComparison.Ordinal), minutes.AsSpan(at + fragment.Length));

        using var saved = await leader.PutAsJsonAsync($"/api/v1/projects/{projectId}/meetings/{document.MeetingId}/minutes", new { minutes = edited });
        using var opened = await researcher.GetAsync($"/api/v1/projects/{projectId}/coding-documents/{document.Id}");
        var after = await FiguresAsync(researcher, projectId, roundId);

        Assert.That((int)saved.StatusCode, Is.EqualTo(204), await saved.Content.ReadAsStringAsync());
        Assert.That((int)opened.StatusCode, Is.EqualTo(200));
        Assert.That((await documents.ListDocumentsAsync(projectId)).Single(d => d.Id == document.Id).VersionNumber, Is.GreaterThan(document.VersionNumber), "the edit made a new version");
        Assert.That(after, Is.EqualTo(before), "pooled character κ, segment κ and α of the closed round stay as they were");
    }

    [Test]
    public async Task TheAgreementOfTheDemoRoundReportsValenceAgreementAndTheNominalAlpha()
    {
        var projectId = (await _factory.Services.GetRequiredService<ProjectStore>().ListAsync()).Single(p => p.Slug == "keuzehulp-werkzaak").Id;
        using var researcher = await _factory.ApiClientAsync(Login.Researcher);
        var roundId = (await _factory.Services.GetRequiredService<RoundStore>().ListRoundsAsync(projectId)).First(r => r.Status == RoundStatus.Gesloten).Id;

        using var agreement = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/coding-rounds/{roundId}/agreement"));

        var pooled = agreement.RootElement.GetProperty("valence").GetProperty("pooled")[0];
        var both = agreement.RootElement.GetProperty("report").GetProperty("pooled").GetProperty("characters")[0].GetProperty("bothCoded").GetInt64();
        Assert.That(pooled.GetProperty("units").GetInt64(), Is.EqualTo(both), "valence is compared on exactly the characters both coded with the same code");
        Assert.That(pooled.GetProperty("agreeing").GetInt64(), Is.LessThanOrEqualTo(both));
        Assert.That(pooled.GetProperty("kappa").ValueKind, Is.EqualTo(JsonValueKind.Number));
        var nominal = agreement.RootElement.GetProperty("nominalAlpha");
        Assert.That(nominal.GetProperty("alpha").GetDouble(), Is.InRange(-1.0, 1.0));
        await TestContext.Out.WriteLineAsync($"valence: {pooled}; nominal α: {nominal}");
    }

    [Test]
    [Description("issue #17: a round in which nobody used a code showed '0,0 %' and the API percentAgreement 0")]
    public async Task ARoundInWhichNobodyCodedShowsNoPercentageButADashWithTheReason()
    {
        var projectId = (await _factory.Services.GetRequiredService<ProjectStore>().ListAsync()).Single(p => p.Slug == "samen-beslissen-arnhem").Id;
        using var one = await _factory.ApiClientAsync(Login.Researcher);
        using var two = await _factory.ApiClientAsync(Login.Researcher2);
        var document = (await _factory.Services.GetRequiredService<CodingDocumentStore>().ListDocumentsAsync(projectId)).First(d => d.Kind == DocumentKind.Reflectie);
        using var meOne = JsonDocument.Parse(await one.GetStringAsync("/api/v1/me"));
        using var meTwo = JsonDocument.Parse(await two.GetStringAsync("/api/v1/me"));
        using var created = await one.PostAsJsonAsync($"/api/v1/projects/{projectId}/coding-rounds",
            new { name = "Lege ronde", coderIds = new[] { meOne.RootElement.GetProperty("id").GetInt64(), meTwo.RootElement.GetProperty("id").GetInt64() }, documentIds = new[] { document.Id } });
        var roundId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var close = await one.PostAsync($"/api/v1/projects/{projectId}/coding-rounds/{roundId}/close", null);
        using var agreement = JsonDocument.Parse(await one.GetStringAsync($"/api/v1/projects/{projectId}/coding-rounds/{roundId}/agreement"));
        using var browser = await _factory.LoggedInClientAsync(Login.Researcher);
        var page = await browser.GetDocumentAsync($"/projecten/{projectId}/codering/rondes/{roundId}");

        var pooled = agreement.RootElement.GetProperty("report").GetProperty("pooled").GetProperty("characters")[0];
        Assert.That((pooled.GetProperty("totalUnits").GetInt64(), pooled.GetProperty("percentAgreement").ValueKind, pooled.GetProperty("kappa").ValueKind),
            Is.EqualTo((0L, JsonValueKind.Null, JsonValueKind.Null)));
        Assert.That(pooled.GetProperty("note").GetString(), Does.Contain("niemand gebruikte een code"));
        var firstRow = page.QuerySelector("[data-testid=agreement] table.data tbody tr")!.TextContent;
        Assert.That(firstRow, Does.Contain("—").And.Not.Contain("0,0 %"));
        Assert.That(page.QuerySelector("[data-testid=agreement]")!.TextContent, Does.Contain("niemand gebruikte een code"));
    }

    private static string Slice(string text, int start, int end) =>
        string.Concat(text.EnumerateRunes().Skip(start).Take(end - start).Select(r => r.ToString()));

    private static async Task<(double CharacterKappa, double SegmentKappa, double Alpha)> FiguresAsync(HttpClient api, long projectId, long roundId)
    {
        using var agreement = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{projectId}/coding-rounds/{roundId}/agreement"));
        var pooled = agreement.RootElement.GetProperty("report").GetProperty("pooled");
        var figures = (pooled.GetProperty("characters")[0].GetProperty("kappa").GetDouble(), pooled.GetProperty("segments")[0].GetProperty("kappa").GetDouble(), pooled.GetProperty("alpha").GetProperty("alpha").GetDouble());
        await TestContext.Out.WriteLineAsync($"round {roundId}: character κ {figures.Item1:0.000}, segment κ {figures.Item2:0.000}, α {figures.Item3:0.000}");
        return figures;
    }
}
