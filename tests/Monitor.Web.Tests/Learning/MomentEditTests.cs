using System.Globalization;
using System.Net;
using Monitor.Core.Data;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Learning;

/// <summary>Changing and deleting high and low points on the timeline page (issue #19): who may, with confirmation and audit.</summary>
[Description("issue #19: high and low points can be edited and deleted by their author or projectleider/onderzoeker")]
public sealed class MomentEditTests
{
    private readonly MonitorWebFactory _factory = new();
    private long _projectId;
    private long _group;
    private HttpClient _leader = null!;
    private HttpClient _participant = null!;

    private string Timeline => $"/projecten/{_projectId}/tijdlijn";

    [OneTimeSetUp]
    public async Task LinkTheParticipant()
    {
        _projectId = await _factory.ScalarAsync("SELECT id FROM projects WHERE slug = 'samen-beslissen-arnhem'");
        _group = await _factory.ScalarAsync($"SELECT id FROM project_groups WHERE project_id = {_projectId} ORDER BY id LIMIT 1");
        var userId = await _factory.ScalarAsync("SELECT id FROM users WHERE email = 'deelnemer@demo.example'");
        await _factory.ScalarAsync($"UPDATE group_members SET user_id = {userId} WHERE id = (SELECT min(id) FROM group_members WHERE group_id = {_group}) RETURNING 1");
        _leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        _participant = await _factory.LoggedInClientAsync(Login.Participant);
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _leader.Dispose();
        _participant.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task AParticipantChangesAndDeletesOnlyTheirOwnMomentWithConfirmationAndAudit()
    {
        var leaders = await AddAsync(_leader, "Moment van de projectleider");
        var own = await AddAsync(_participant, "Mijn eerste gedeelde besluit");

        var page = await _participant.GetDocumentAsync(Timeline);
        using var foreignForm = await _participant.GetAsync($"{Timeline}/moment/{leaders}");
        using var foreignChange = await PostAsync(_participant, leaders, "Overgenomen");
        using var foreignDelete = await _participant.PostFormAsync(Timeline, $"{Timeline}/moment/{leaders}?handler=Delete", new Dictionary<string, string> { ["momentId"] = Id(leaders) });
        var form = await _participant.GetDocumentAsync($"{Timeline}/moment/{own}");
        using var changed = await PostAsync(_participant, own, "Ons eerste gedeelde besluit");
        var afterChange = await _participant.GetDocumentAsync(Timeline);
        using var deleted = await _participant.PostFormAsync(Timeline, $"{Timeline}/moment/{own}?handler=Delete", new Dictionary<string, string> { ["momentId"] = Id(own) });
        var afterDelete = await _participant.GetDocumentAsync(Timeline);

        Assert.That(page.QuerySelector($"[data-moment-actions='{own}']"), Is.Not.Null);
        Assert.That(page.QuerySelector($"[data-moment-actions='{own}'] button[data-confirm]"), Is.Not.Null, "deleting asks first (confirm.js)");
        Assert.That(page.QuerySelector($"[data-moment-actions='{leaders}']"), Is.Null);
        Assert.That(foreignForm.Headers.Location!.OriginalString, Does.Contain("/geen-toegang"));
        Assert.That(foreignChange.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(foreignDelete.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await _factory.ScalarAsync($"SELECT count(*) FROM timeline_moments WHERE id = {leaders} AND title = 'Moment van de projectleider'"), Is.EqualTo(1));
        Assert.That(form.QuerySelector("#m-title")!.GetAttribute("value"), Is.EqualTo("Mijn eerste gedeelde besluit"));
        Assert.That(form.QuerySelectorAll("#m-group option").Select(o => o.GetAttribute("value")), Is.EqualTo(new[] { Id(_group) }), "a deelnemer keeps it in their own group");
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(afterChange.QuerySelector("p.notice")!.TextContent, Does.Contain("Ons eerste gedeelde besluit"));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(afterDelete.QuerySelector($"[data-moment-actions='{own}']"), Is.Null);
        Assert.That(await _factory.ScalarAsync($"SELECT count(*) FROM timeline_moments WHERE id = {own}"), Is.Zero);
        Assert.That(await _factory.ScalarAsync($"SELECT count(*) FROM audit_log WHERE entity = 'timelineMoment' AND entity_id = {own} AND action IN ('update', 'delete')"), Is.EqualTo(2));
    }

    [Test]
    public async Task TheProjectLeaderChangesAnyMomentAndManagementNone()
    {
        var own = await AddAsync(_participant, "Door de deelnemer");
        using var management = await _factory.LoggedInClientAsync(Login.Management);

        using var byManagement = await management.GetAsync($"{Timeline}/moment/{own}");
        using var changed = await PostAsync(_leader, own, "Door de projectleider verbeterd");
        var managementPage = await management.GetDocumentAsync(Timeline);
        using var deleted = await _leader.PostFormAsync(Timeline, $"{Timeline}/moment/{own}?handler=Delete", new Dictionary<string, string> { ["momentId"] = Id(own) });

        Assert.That(byManagement.Headers.Location!.OriginalString, Does.Contain("/geen-toegang"));
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(managementPage.QuerySelectorAll("[data-moment-actions]"), Is.Empty);
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await _factory.ScalarAsync($"SELECT count(*) FROM timeline_moments WHERE id = {own}"), Is.Zero);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<long> AddAsync(HttpClient client, string title)
    {
        using var added = await client.PostFormAsync(Timeline, $"{Timeline}/moment", new Dictionary<string, string>
        {
            ["kind"] = "hoogtepunt",
            ["occurredOn"] = "2026-05-01",
            ["groupId"] = Id(_group),
            ["title"] = title,
        });
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return await _factory.ScalarAsync($"SELECT max(id) FROM timeline_moments WHERE title = '{title}'");
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, long momentId, string title) =>
        await client.PostFormAsync(Timeline, $"{Timeline}/moment/{momentId}", new Dictionary<string, string>
        {
            ["kind"] = "dieptepunt",
            ["occurredOn"] = "2026-05-02",
            ["groupId"] = Id(_group),
            ["title"] = title,
        });
}
