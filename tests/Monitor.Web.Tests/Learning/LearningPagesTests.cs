using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Core.Data;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Learning;

/// <summary>The learning agenda and timeline pages and their API against the demo data (issue #19).</summary>
public sealed class LearningPagesTests
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
    public async Task TheProjectLeaderPutsAnEntryOnTheAgendaAndTheParticipantSeesItWithoutTheForm()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        using var participant = await _factory.LoggedInClientAsync(Login.Participant);
        var agenda = $"/projecten/{projectId}/leeragenda";

        using var posted = await leader.PostFormAsync(agenda, $"{agenda}/nieuw", new Dictionary<string, string>
        {
            ["kind"] = "knelpunt",
            ["title"] = "Cliënten haken af na het eerste gesprek",
            ["owner"] = "Projectleider",
            ["statusOn"] = "2026-01-15",
        });
        var leaderPage = await leader.GetDocumentAsync(agenda);
        var participantPage = await participant.GetDocumentAsync(agenda);

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(leaderPage.QuerySelector("p.notice")!.TextContent, Does.Contain("staat op de leeragenda"));
        Assert.That(participantPage.QuerySelectorAll("article.learning-item h3").Select(h => h.TextContent), Does.Contain("Cliënten haken af na het eerste gesprek"));
        Assert.That(participantPage.QuerySelector($"form[action='{agenda}/nieuw']"), Is.Null);
        Assert.That(participantPage.QuerySelector("#suggest-title"), Is.Null);
    }

    [Test]
    [Description("issue #19: agenda sources link to the meeting, reflection, action item or finding they come from")]
    public async Task TheSourcesOfAnEntryLinkToWhereTheyComeFrom()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        var groups = $"(SELECT id FROM project_groups WHERE project_id = {projectId})";
        var meeting = await _factory.ScalarAsync($"SELECT min(id) FROM meetings WHERE group_id IN {groups} AND status = 'gehouden'");
        var reflection = await _factory.ScalarAsync($"SELECT min(r.id) FROM reflections r JOIN meetings m ON m.id = r.meeting_id WHERE m.group_id IN {groups} AND trim(r.went_less) <> ''");
        var reflectionMeeting = await _factory.ScalarAsync($"SELECT meeting_id FROM reflections WHERE id = {reflection}");
        var action = await _factory.ScalarAsync($"SELECT min(id) FROM action_items WHERE group_id IN {groups}");
        var actionMeeting = await _factory.ScalarAsync($"SELECT meeting_id FROM action_items WHERE id = {action}");
        var finding = await _factory.ScalarAsync($"SELECT min(id) FROM findings WHERE project_id = {projectId}");
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        using var participant = await _factory.LoggedInClientAsync(Login.Participant);
        var agenda = $"/projecten/{projectId}/leeragenda";

        using var posted = await leader.PostFormAsync(agenda, $"{agenda}/nieuw", new Dictionary<string, string>
        {
            ["kind"] = "leervraag",
            ["title"] = "Waar komt dit vandaan?",
            ["sources"] = $"bijeenkomst {meeting}, reflectie {reflection}, actiepunt {action}, bevinding {finding}",
        });
        var leaderPage = await leader.GetDocumentAsync(agenda);
        var participantPage = await participant.GetDocumentAsync(agenda);
        string? Href(AngleSharp.Dom.IDocument page, string source) => page.QuerySelector($"a[data-source='{source}']")?.GetAttribute("href");

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(Href(leaderPage, $"bijeenkomst-{meeting}"), Is.EqualTo($"/projecten/{projectId}/bijeenkomsten/{meeting}"));
        Assert.That(Href(leaderPage, $"reflectie-{reflection}"), Is.EqualTo($"/projecten/{projectId}/bijeenkomsten/{reflectionMeeting}#reflections"));
        Assert.That(Href(leaderPage, $"actiepunt-{action}"), Is.EqualTo($"/projecten/{projectId}/bijeenkomsten/{actionMeeting}#actions"));
        Assert.That(Href(leaderPage, $"bevinding-{finding}"), Is.EqualTo($"/projecten/{projectId}/bevindingen/{finding}"));
        Assert.That(leaderPage.QuerySelector($"a[data-source='bevinding-{finding}']")!.TextContent, Is.Not.EqualTo(finding.ToString(System.Globalization.CultureInfo.InvariantCulture)), "a finding shows its title");
        Assert.That(Href(participantPage, $"reflectie-{reflection}"), Is.Not.Null);
        Assert.That(Href(participantPage, $"bevinding-{finding}"), Is.Null, "a deelnemer cannot open findings: its title without a link");
        Assert.That(participantPage.QuerySelector($"span[data-source='bevinding-{finding}']"), Is.Not.Null);
    }

    [Test]
    public async Task TheAgendaFormRefusesAnUnreadableSourceInDutch()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        var agenda = $"/projecten/{projectId}/leeragenda";

        using var posted = await leader.PostFormAsync(agenda, $"{agenda}/nieuw", new Dictionary<string, string> { ["kind"] = "leervraag", ["title"] = "Vraag", ["sources"] = "vergadering 3" });
        var page = await leader.GetDocumentAsync(agenda);

        Assert.That(page.QuerySelector("p.error")!.TextContent, Does.StartWith("'vergadering 3' is geen bron"));
    }

    [Test]
    public async Task TheApiKeepsTheStatusHistoryAndAnswersWhatWasOnTheAgenda()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        using var api = await _factory.ApiClientAsync(Login.Researcher);
        var url = $"/api/v1/projects/{projectId}/learning-agenda";

        using var created = await api.PostAsJsonAsync(url, new { kind = "leervraag", title = "Wat helpt werkcoaches om de keuzehulp te gebruiken?", statusOn = "2026-02-01" });
        var itemId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var updated = await api.PutAsJsonAsync($"{url}/{itemId}", new { kind = "leervraag", title = "Wat helpt werkcoaches om de keuzehulp te gebruiken?", status = "opgelost", statusOn = "2026-03-01", learned = "Samen oefenen" });
        using var before = JsonDocument.Parse(await api.GetStringAsync($"{url}?on=2026-02-15"));
        using var after = JsonDocument.Parse(await api.GetStringAsync($"{url}?on=2026-04-01"));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var item = JsonDocument.Parse(await updated.Content.ReadAsStringAsync()).RootElement;
        Assert.That(item.GetProperty("history").GetArrayLength(), Is.EqualTo(2));
        Assert.That(item.GetProperty("status").GetString(), Is.EqualTo("opgelost"));
        Assert.That(before.RootElement.GetProperty("agendaOn").EnumerateArray().Any(e => e.GetProperty("itemId").GetInt64() == itemId), Is.True);
        Assert.That(after.RootElement.GetProperty("agendaOn").EnumerateArray().Any(e => e.GetProperty("itemId").GetInt64() == itemId), Is.False);
    }

    [Test]
    public async Task TheApiRefusesBadInputWithDutchProblemJson()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        using var api = await _factory.ApiClientAsync(Login.ProjectLeader);

        using var response = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/learning-agenda", new { kind = "wens", title = "", statusOn = "1 maart" });
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("errors").GetProperty("kind")[0].GetString(), Is.EqualTo("'wens' is geen soort punt. Kies leervraag, knelpunt."));
        Assert.That(problem.GetProperty("errors").GetProperty("statusOn")[0].GetString(), Does.Contain("jjjj-mm-dd"));
    }

    [Test]
    public async Task AParticipantAddsAHighPointForTheirOwnGroupOnly()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        var userId = await _factory.ScalarAsync("SELECT id FROM users WHERE email = 'deelnemer@demo.example'");
        var own = await _factory.ScalarAsync($"SELECT id FROM project_groups WHERE project_id = {projectId} ORDER BY id LIMIT 1");
        using var api = await _factory.ApiClientAsync(Login.Participant);
        var url = $"/api/v1/projects/{projectId}/timeline/moments";

        // before the projectleider links a member of the group to the deelnemer's account, it is not their group
        using var refused = await api.PostAsJsonAsync(url, new { kind = "hoogtepunt", occurredOn = "2026-05-01", groupId = own, title = "Nog niet mijn groep" });
        await _factory.ScalarAsync($"UPDATE group_members SET user_id = {userId} WHERE id = (SELECT min(id) FROM group_members WHERE group_id = {own}) RETURNING 1");
        using var added = await api.PostAsJsonAsync(url, new { kind = "hoogtepunt", occurredOn = "2026-05-01", groupId = own, title = "Eerste gedeelde besluit", story = "Cliënt koos zelf" });
        using var timeline = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{projectId}/timeline?groupId={own}"));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Kies een groep waarvan je zelf lid bent."));
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(timeline.RootElement.GetProperty("events").EnumerateArray().Any(e => e.GetProperty("title").GetString() == "Eerste gedeelde besluit"), Is.True);
    }

    [Test]
    public async Task ManagementSeesTheTimelineButNotTheAgenda()
    {
        var projectId = await ProjectIdAsync("keuzehulp-werkzaak");
        using var management = await _factory.LoggedInClientAsync(Login.Management);

        using var timeline = await management.GetAsync($"/projecten/{projectId}/tijdlijn");
        using var agenda = await management.GetAsync($"/projecten/{projectId}/leeragenda");
        var page = await Html.ParseAsync(timeline);

        Assert.That(timeline.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("figure.chart svg"), Is.Not.Null);
        Assert.That(page.QuerySelectorAll("li.timeline-event"), Is.Not.Empty);
        Assert.That(page.QuerySelector("#moment-title"), Is.Null, "management adds no high or low points");
        Assert.That(page.QuerySelector("a[href$='/leeragenda']"), Is.Null);
        Assert.That(agenda.Headers.Location!.OriginalString, Does.Contain("/geen-toegang"));
    }
}
