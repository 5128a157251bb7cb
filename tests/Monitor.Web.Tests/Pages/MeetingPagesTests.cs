using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Meetings;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Pages;

/// <summary>The meeting, group, search and reflection-link pages against the demo data.</summary>
public sealed class MeetingPagesTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    private async Task<(long ProjectId, long GroupId, long MeetingId)> FirstMeetingAsync(string slug, string groupName)
    {
        using var admin = await _factory.ApiClientAsync(Login.Admin);
        using var projects = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/projects"));
        var projectId = projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug).GetProperty("id").GetInt64();
        var groups = await _factory.Services.GetRequiredService<GroupStore>().ListGroupsAsync(projectId);
        var groupId = groups!.Single(g => g.Name == groupName).Id;
        var meetings = await _factory.Services.GetRequiredService<MeetingStore>().ListMeetingsAsync(projectId, groupId);
        return (projectId, groupId, meetings![1].Id);
    }

    [Test]
    [Description("issue #26: a thousand open action items are shown 25 at a time, not as a thousand forms on one page")]
    public async Task AThousandOpenActionItemsArePagedOnTheMeetingPage()
    {
        var (projectId, groupId, firstMeetingId) = await FirstMeetingAsync("keuzehulp-werkzaak", "Leernetwerk");
        var meetings = (await _factory.Services.GetRequiredService<MeetingStore>().ListMeetingsAsync(projectId, groupId))!;
        await using (var connection = await _factory.Services.GetRequiredService<MonitorDatabase>().OpenAsync())
        {
            // SQL both engines read (the web tests also run on PostgreSQL)
            await connection.ExecuteAsync(null, """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
                INSERT INTO action_items (group_id, meeting_id, description, status, created_at)
                SELECT @group, @meeting, 'Actiepunt ' || (1000 + i), 'open', '2020-01-01' FROM n;
                """, CancellationToken.None, ("@group", groupId), ("@meeting", firstMeetingId));
        }

        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        var url = $"/projecten/{projectId}/bijeenkomsten/{meetings[^1].Id}";
        var html = await leader.GetStringAsync(url);
        var page = await Html.ParseAsync(new HttpResponseMessage { Content = new StringContent(html) });
        var last = await leader.GetDocumentAsync(url + "?actiepagina=999");

        Assert.That(CarriedRows(page), Is.EqualTo(25), "open ones in the table, done ones folded away below it");
        Assert.That(page.QuerySelector("[data-testid=action-pager]")!.TextContent, Does.Contain("1–25 van 100"));
        Assert.That(html.Length, Is.LessThan(250_000), "the page stays small");
        Assert.That(last.QuerySelector("[data-testid=action-pager]")!.TextContent, Does.Contain("van 100"));
        Assert.That(CarriedRows(last), Is.InRange(1, 25));
        var compact = await leader.GetDocumentAsync(url + "?modus=compact");
        Assert.That(compact.QuerySelector("[data-testid=action-pager] a")!.GetAttribute("href"), Does.Contain("modus=compact"), "paging keeps the view used during the meeting");
        Assert.That(compact.QuerySelector("#reflections"), Is.Null);
        Assert.That(compact.QuerySelectorAll("form[action*='handler=']").All(f => f.GetAttribute("action")!.Contains("modus=compact", StringComparison.Ordinal)), Is.True, "every save returns to the compact view");
    }

    private static int CarriedRows(AngleSharp.Dom.IDocument page)
    {
        var rows = 0;
        for (var element = page.QuerySelector("#actions-open")!.NextElementSibling; element is not null && element.LocalName != "nav"; element = element.NextElementSibling)
        {
            rows += element.QuerySelectorAll("tbody tr").Length;
        }

        return rows;
    }

    [Test]
    [Description("issue #4: anonymous answers never show a name")]
    public async Task AnAnonymousGroupShowsNoNameWithAnyReflectionOnTheMeetingPageOrInTheExport()
    {
        var (projectId, _, meetingId) = await FirstMeetingAsync("samen-beslissen-arnhem", "Ontwikkelgroep");
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);

        var page = await leader.GetDocumentAsync($"/projecten/{projectId}/bijeenkomsten/{meetingId}");
        var csv = await leader.GetStringAsync($"/projecten/{projectId}/reflecties.csv");

        var table = page.QuerySelector("[data-testid=reflections]")!.TextContent;
        Assert.That(table, Does.Contain("Anoniem"));
        Assert.That(table, Does.Not.Contain("Re-integratieprofessional").And.Not.Contain("Projectleider").And.Not.Contain("Onderzoeker"));
        Assert.That(page.QuerySelector("#lookback")!.ParentElement!.TextContent, Does.Not.Contain("Re-integratieprofessional"));
        Assert.That(csv.Split('\n').Where(l => l.Contains("Ontwikkelgroep", StringComparison.Ordinal)).Any(l => l.Contains("Re-integratieprofessional", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public async Task ANamedGroupShowsWhoAnsweredAndRendersTheMinutes()
    {
        var (projectId, _, meetingId) = await FirstMeetingAsync("keuzehulp-werkzaak", "Ontwikkelteam");
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);

        var page = await researcher.GetDocumentAsync($"/projecten/{projectId}/bijeenkomsten/{meetingId}");

        Assert.That(page.QuerySelector("[data-testid=reflections]")!.TextContent, Does.Not.Contain("Anoniem"));
        Assert.That(page.QuerySelector("[data-testid=minutes] strong"), Is.Not.Null, "Markdown is rendered");
        Assert.That(page.QuerySelectorAll("form[action*=wijzigen]"), Is.Empty, "a researcher sees no write forms");
    }

    [Test]
    public async Task ManagementSeesTheGroupFiguresButNotTheMeeting()
    {
        var (projectId, groupId, meetingId) = await FirstMeetingAsync("keuzehulp-werkzaak", "Ontwikkelteam");
        using var management = await _factory.LoggedInClientAsync(Login.Management);

        var group = await management.GetDocumentAsync($"/projecten/{projectId}/groepen/{groupId}");
        using var meeting = await management.GetAsync($"/projecten/{projectId}/bijeenkomsten/{meetingId}");

        Assert.That(group.QuerySelector("[data-testid=loop-closure]")!.TextContent, Does.Contain("%"));
        Assert.That(group.QuerySelectorAll("svg"), Has.Length.GreaterThanOrEqualTo(3));
        Assert.That(group.QuerySelectorAll("figure.chart .chart-title").Select(title => title.TextContent), Is.EqualTo(new[]
        {
            "Bijeenkomsten van Ontwikkelteam door de tijd", "Antwoorden op de slotvraag per bijeenkomst", "Opkomst per bijeenkomst",
        }), "every group chart has a visible title");
        var attendance = group.QuerySelectorAll("figure.chart")[2];
        Assert.That(attendance.QuerySelectorAll("svg text").Select(text => text.TextContent.Trim()), Does.Contain("Aanwezig, als deel van de verwachte leden"), "the attendance chart says what its bars are");
        Assert.That(group.QuerySelectorAll("figure.chart")[1].QuerySelectorAll("svg text").Select(text => text.TextContent.Trim()), Does.Contain("Wel gewerkt").And.Contain("Minder gewerkt"), "legend");
        Assert.That(group.QuerySelectorAll($"a[href='/projecten/{projectId}/bijeenkomsten/{meetingId}']"), Is.Empty);
        Assert.That(meeting.StatusCode == HttpStatusCode.Redirect && meeting.Headers.Location!.OriginalString.Contains("geen-toegang", StringComparison.Ordinal), Is.True);
    }

    [Test]
    public async Task SearchSaysWhenItReadSyntaxAsWordsAndRefusesAQueryWithoutWords()
    {
        var (projectId, _, _) = await FirstMeetingAsync("keuzehulp-werkzaak", "Ontwikkelteam");
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);

        var syntax = await leader.GetDocumentAsync($"/projecten/{projectId}/zoeken?q={Uri.EscapeDataString("\"keuzehulp*")}");
        using var noWords = await leader.GetAsync($"/projecten/{projectId}/zoeken?q={Uri.EscapeDataString("\" * (")}");
        var noWordsPage = await Html.ParseAsync(noWords);
        using var api = await leader.GetAsync($"/api/v1/projects/{projectId}/meetings/search?q={Uri.EscapeDataString("* (")}");

        Assert.That(syntax.QuerySelectorAll("[data-testid=search-hits] li"), Is.Not.Empty, "read as the word keuzehulp");
        Assert.That(syntax.QuerySelector("[data-testid=search-read-as-words]")!.TextContent, Does.Contain("«keuzehulp»"));
        Assert.That(noWords.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(noWordsPage.QuerySelector("[data-testid=search-error]")!.TextContent, Does.Contain("geen woorden"));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await api.Content.ReadAsStringAsync(), Does.Contain("geen woorden"));
    }

    [Test]
    public async Task SearchIgnoresDiacriticsAndLinksToTheMeeting()
    {
        var (projectId, _, _) = await FirstMeetingAsync("keuzehulp-werkzaak", "Ontwikkelteam");
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);

        var withAccent = await leader.GetDocumentAsync($"/projecten/{projectId}/zoeken?q=cli%C3%ABnten");
        var without = await leader.GetDocumentAsync($"/projecten/{projectId}/zoeken?q=CLIENTEN");

        var hits = withAccent.QuerySelectorAll("[data-testid=search-hits] li");
        Assert.That(hits, Is.Not.Empty);
        Assert.That(without.QuerySelectorAll("[data-testid=search-hits] li"), Has.Length.EqualTo(hits.Length));
        Assert.That(hits[0].QuerySelector("a")!.GetAttribute("href"), Does.StartWith($"/projecten/{projectId}/bijeenkomsten/"));
        Assert.That(hits[0].QuerySelector("mark"), Is.Not.Null);
    }

    [Test]
    public async Task AWrongOrRevokedReflectionLinkShowsAClearMessageAndAcceptsNothing()
    {
        var (projectId, _, meetingId) = await FirstMeetingAsync("keuzehulp-werkzaak", "Leernetwerk");
        var reflections = _factory.Services.GetRequiredService<ReflectionLinkStore>();
        var link = (await reflections.CreateLinkAsync(projectId, meetingId, TimeSpan.FromDays(1), Actor.System))!;
        await reflections.RevokeLinksAsync(projectId, meetingId, Actor.System);
        using var anonymous = _factory.CreateClient();

        using var wrong = await anonymous.GetAsync("/reflectie/r_bestaatniet");
        using var revoked = await anonymous.GetAsync($"/reflectie/{link.Token}");

        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("bestaat niet"));
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(await revoked.Content.ReadAsStringAsync(), Does.Contain("ingetrokken"));
    }

    [Test]
    [Description("issue #16: after a save the meeting page comes back at the section just saved; done action items fold away")]
    public async Task ASaveReturnsToItsSectionAndDoneActionItemsFoldAway()
    {
        var (projectId, _, meetingId) = await FirstMeetingAsync("samen-beslissen-arnhem", "Ontwikkelgroep");
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        var url = $"/projecten/{projectId}/bijeenkomsten/{meetingId}";

        using var agenda = await leader.PostFormAsync(url, url + "/wijzigen?handler=agenda", new Dictionary<string, string> { ["title"] = "Rondvraag" });
        using var minutes = await leader.PostFormAsync(url, url + "/wijzigen?handler=minutes", new Dictionary<string, string> { ["minutes"] = "Kort verslag." });
        using var action = await leader.PostFormAsync(url, url + "/wijzigen?handler=action", new Dictionary<string, string> { ["description"] = "Folder rondsturen" });
        var actionItemId = (await leader.GetDocumentAsync(url)).QuerySelectorAll("#actions ~ div tr")
            .Single(r => r.TextContent.Contains("Folder rondsturen", StringComparison.Ordinal)).QuerySelector("input[name=actionItemId]")!.GetAttribute("value")!;
        using var done = await leader.PostFormAsync(url, url + "/wijzigen?handler=actionstatus", new Dictionary<string, string> { ["actionItemId"] = actionItemId, ["status"] = "gedaan", ["anchor"] = "actions" });
        using var reopened = await leader.PostFormAsync(url, url + "/wijzigen?handler=actionstatus", new Dictionary<string, string> { ["actionItemId"] = actionItemId, ["status"] = "open", ["anchor"] = "actions-open" });
        using var elsewhere = await leader.PostFormAsync(url, url + "/wijzigen?handler=actionstatus", new Dictionary<string, string> { ["actionItemId"] = actionItemId, ["status"] = "gedaan", ["anchor"] = "/elders" });

        Assert.That(new[] { agenda, minutes, action, done, reopened, elsewhere }.Select(r => r.Headers.Location!.OriginalString),
            Is.EqualTo(new[] { "#agenda", "#minutes", "#actions", "#actions", "#actions-open", "#actions" }.Select(anchor => url + anchor)));
        var page = await leader.GetDocumentAsync(url);
        var folded = page.QuerySelector("#actions ~ details[data-testid=closed-actions]");
        Assert.That(folded, Is.Not.Null, "done items are in a closed <details>");
        Assert.That(folded!.HasAttribute("open"), Is.False);
        Assert.That(folded.TextContent, Does.Contain("Folder rondsturen"));
        Assert.That(page.QuerySelector("#agenda") is not null && page.QuerySelector("#minutes") is not null, Is.True, "the anchors exist");
    }

    [Test]
    public async Task TheProjectLeaderCannotRecordAttendanceForSomeoneOutsideTheGroup()
    {
        var (projectId, _, meetingId) = await FirstMeetingAsync("keuzehulp-werkzaak", "Leernetwerk");
        var (_, _, otherMeeting) = await FirstMeetingAsync("keuzehulp-werkzaak", "Veranderteam");
        var outsider = (await _factory.Services.GetRequiredService<MeetingStore>().FindMeetingAsync(projectId, otherMeeting))!.Attendance[0].MemberId;
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        var url = $"/projecten/{projectId}/bijeenkomsten/{meetingId}";

        using var response = await leader.PostFormAsync(url, url + "/wijzigen?handler=attendance", new Dictionary<string, string> { [$"attendance[{outsider}]"] = "aanwezig" });
        var page = await leader.GetDocumentAsync(url);

        Assert.That(page.QuerySelector("p.error")!.TextContent, Does.Contain("gast"));
        Assert.That((await _factory.Services.GetRequiredService<MeetingStore>().FindMeetingAsync(projectId, meetingId))!.Attendance.All(a => a.MemberId != outsider), Is.True);
    }
}
