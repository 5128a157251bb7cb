using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Effects;

/// <summary>Copying a questionnaire from another project and "Nieuwe versie", through the API and the effect page (issue #18).</summary>
[NonParallelizable]
public sealed class QuestionnaireCopyWebTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    private async Task<Dictionary<string, long>> ProjectIdsAsync()
    {
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);
        using var projects = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/projects"));
        return projects.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("slug").GetString()!, p => p.GetProperty("id").GetInt64());
    }

    private static async Task<long> CreatedIdAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

    private static async Task<long> QuestionnaireAsync(HttpClient client, long projectId, string title)
    {
        using var made = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/questionnaires", new
        {
            title,
            targetGroup = "clienten",
            items = new object[] { new { text = "Ik mocht meebeslissen.", kind = "smiley5", section = "Gesprek" }, new { text = "Het duurde te lang.", kind = "likert5", reverseScored = true } },
        });
        Assert.That(made.StatusCode, Is.EqualTo(HttpStatusCode.Created), await made.Content.ReadAsStringAsync());
        return await CreatedIdAsync(made);
    }

    [Test]
    [Description("issue #18: the API copies a questionnaire of a readable project (201); one of a project the user has no role in is not found (404, existence not told); management may not copy (403)")]
    public async Task TheApiCopiesOnlyWhatTheUserCanRead()
    {
        var ids = await ProjectIdsAsync();
        var (arnhem, werkzaak) = (ids["samen-beslissen-arnhem"], ids["keuzehulp-werkzaak"]);
        using var researcher = await _factory.ApiClientAsync(Login.Researcher);
        using var admin = await _factory.ApiClientAsync(Login.Admin);
        using var manager = await _factory.ApiClientAsync(Login.Management);
        using var newProject = await admin.PostAsJsonAsync("/api/v1/projects", new { slug = "kopie-elders", name = "Project zonder onderzoeker", organisation = "Gemeente", innovation = "Werkwijze", startDate = "2026-01-05", currentPhase = 1 });
        var elsewhere = await CreatedIdAsync(newProject);
        var source = await QuestionnaireAsync(researcher, werkzaak, "Kaart om te kopiëren");
        var hidden = await QuestionnaireAsync(admin, elsewhere, "Kaart van een ander");

        using var copied = await researcher.PostAsJsonAsync($"/api/v1/projects/{arnhem}/questionnaires/copy", new { fromQuestionnaireId = source });
        using var notReadable = await researcher.PostAsJsonAsync($"/api/v1/projects/{arnhem}/questionnaires/copy", new { fromQuestionnaireId = hidden });
        using var notThere = await researcher.PostAsJsonAsync($"/api/v1/projects/{arnhem}/questionnaires/copy", new { fromQuestionnaireId = 987654 });
        using var noSource = await researcher.PostAsJsonAsync($"/api/v1/projects/{arnhem}/questionnaires/copy", new { });
        using var managerCopy = await manager.PostAsJsonAsync($"/api/v1/projects/{arnhem}/questionnaires/copy", new { fromQuestionnaireId = source });

        Assert.That(copied.StatusCode, Is.EqualTo(HttpStatusCode.Created), await copied.Content.ReadAsStringAsync());
        var copyId = await CreatedIdAsync(copied);
        using var list = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{arnhem}/questionnaires"));
        var copy = list.RootElement.EnumerateArray().Single(q => q.GetProperty("id").GetInt64() == copyId);
        Assert.That(copy.GetProperty("title").GetString(), Does.StartWith("Kaart om te kopiëren (kopie uit ").And.EndWith(")"));
        Assert.That(copy.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("section").GetString(), i.GetProperty("kind").GetString(), i.GetProperty("reverseScored").GetBoolean())),
            Is.EqualTo(new[] { ("Gesprek", "smiley5", false), ("", "likert5", true) }));
        Assert.That((notReadable.StatusCode, notThere.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
        Assert.That(await notReadable.Content.ReadAsStringAsync(), Does.Not.Contain("Kaart van een ander"));
        Assert.That(notReadable.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(noSource.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(managerCopy.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    [Description("issue #18: the effect page copies a questionnaire from another project through its select and makes 'Nieuwe versie', shown as 'versie 2' and offered for a new round")]
    public async Task ThePageCopiesAndMakesANewVersion()
    {
        var ids = await ProjectIdsAsync();
        var (arnhem, werkzaak) = (ids["samen-beslissen-arnhem"], ids["keuzehulp-werkzaak"]);
        using var api = await _factory.ApiClientAsync(Login.ProjectLeader);
        var source = await QuestionnaireAsync(api, werkzaak, "Kaart voor de pagina");
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        var page = $"/projecten/{arnhem}/effectmeting";

        var before = await leader.GetDocumentAsync(page);
        using var copied = await leader.PostFormAsync(page, $"{page}?handler=Copy", new Dictionary<string, string> { ["fromQuestionnaireId"] = source.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var afterCopy = await leader.GetDocumentAsync(page);
        var copyTitle = afterCopy.QuerySelector("p.notice")!.TextContent;
        var copyId = afterCopy.QuerySelectorAll("[data-testid^=questionnaire-]").Select(li => li.GetAttribute("data-testid")!).Where(t => t.Length > "questionnaire-".Length && char.IsDigit(t["questionnaire-".Length]))
            .Select(t => long.Parse(t["questionnaire-".Length..], System.Globalization.CultureInfo.InvariantCulture)).Max();
        using var versioned = await leader.PostFormAsync(page, $"{page}?handler=Version", new Dictionary<string, string> { ["questionnaireId"] = copyId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var afterVersion = await leader.GetDocumentAsync(page);

        Assert.That(before.QuerySelectorAll("#c-from option").Select(o => o.TextContent), Has.Some.EndsWith(": Kaart voor de pagina"));
        Assert.That(copyTitle, Does.StartWith("Vragenlijst 'Kaart voor de pagina (kopie uit ").And.EndWith(")' gekopieerd."));
        Assert.That(afterVersion.QuerySelector("p.notice")!.TextContent, Does.StartWith("Nieuwe versie 'Kaart voor de pagina (kopie uit ").And.EndWith(" (versie 2)' gemaakt."));
        Assert.That(afterVersion.QuerySelectorAll("#r-q option").Select(o => o.TextContent), Has.Some.EndsWith(" (versie 2)"));
        Assert.That(afterVersion.QuerySelectorAll("[data-testid^=questionnaire-] .tag").Select(t => t.TextContent), Has.Some.EqualTo("versie 2"));
        Assert.That(afterVersion.QuerySelector($"[data-testid=questionnaire-{copyId}] button"), Is.Null, "only the latest version offers 'Nieuwe versie'");
    }
}
