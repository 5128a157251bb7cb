using System.Globalization;
using System.Net;
using Monitor.Core.Data;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Learning;

/// <summary>The look-back session page: timeline and agenda together, and the group's conclusion recorded (issue #19).</summary>
[Description("issue #19: a terugblik session shows timeline and agenda and records what the group concluded")]
public sealed class LookBackTests
{
    private readonly MonitorWebFactory _factory = new();
    private long _projectId;

    private string Page => $"/projecten/{_projectId}/terugblik";

    [OneTimeSetUp]
    public async Task FindProject() => _projectId = await _factory.ScalarAsync("SELECT id FROM projects WHERE slug = 'keuzehulp-werkzaak'");

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    [Test]
    public async Task TheGroupSeesTimelineAndAgendaAndOnlyWhoManagesTheAgendaRecordsAConclusion()
    {
        using var leader = await _factory.LoggedInClientAsync(Login.Researcher);
        using var management = await _factory.LoggedInClientAsync(Login.Management);

        var page = await leader.GetDocumentAsync(Page);
        using var byManagement = await management.GetAsync(Page);

        Assert.That(page.QuerySelectorAll("article.learning-item"), Is.Not.Empty, "the Keuzehulp demo has a reconstructed agenda");
        Assert.That(page.QuerySelectorAll("li.timeline-event"), Is.Not.Empty);
        Assert.That(page.QuerySelector("figure.chart svg"), Is.Not.Null);
        Assert.That(page.QuerySelector("[data-testid=conclusion] form"), Is.Not.Null);
        Assert.That(page.QuerySelectorAll("[data-moment-actions]"), Is.Empty, "the session shows, it does not edit moments");
        Assert.That(byManagement.Headers.Location!.OriginalString, Does.Contain("/geen-toegang"));
    }

    [Test]
    public async Task AParticipantSeesTheSessionButCannotRecord()
    {
        var samenBeslissen = await _factory.ScalarAsync("SELECT id FROM projects WHERE slug = 'samen-beslissen-arnhem'");
        var url = $"/projecten/{samenBeslissen}/terugblik";
        using var participant = await _factory.LoggedInClientAsync(Login.Participant);
        var before = await _factory.ScalarAsync("SELECT count(*) FROM findings");

        var page = await participant.GetDocumentAsync(url);
        using var posted = await participant.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["conclusion"] = "Dit mag niet",
            ["recordAs"] = "bevinding",
            ["findingKind"] = "les",
            ["findingTitle"] = "Niet door een deelnemer",
        });

        Assert.That(page.QuerySelector("h1")!.TextContent, Does.StartWith("Terugblik"));
        Assert.That(page.QuerySelector("[data-testid=conclusion]"), Is.Null);
        Assert.That(posted.Headers.Location!.OriginalString, Does.Contain("/geen-toegang"));
        Assert.That(await _factory.ScalarAsync("SELECT count(*) FROM findings"), Is.EqualTo(before));
    }

    [Test]
    public async Task AConclusionBecomesADraftFindingWithTheMeetingAsEvidence()
    {
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        var meeting = await _factory.ScalarAsync($"SELECT max(m.id) FROM meetings m JOIN project_groups g ON g.id = m.group_id WHERE g.project_id = {_projectId} AND m.status = 'gehouden'");

        using var posted = await leader.PostFormAsync(Page, Page, new Dictionary<string, string>
        {
            ["conclusion"] = "Samen oefenen met de keuzehulp werkte beter dan uitleg per mail.",
            ["recordAs"] = "bevinding",
            ["findingKind"] = "les",
            ["findingTitle"] = "Oefenen werkt beter dan uitleg",
            ["meetingId"] = meeting.ToString(CultureInfo.InvariantCulture),
        });
        var after = await leader.GetDocumentAsync(Page);
        var finding = await _factory.ScalarAsync("SELECT max(id) FROM findings WHERE title = 'Oefenen werkt beter dan uitleg'");

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.QuerySelector("p.notice")!.TextContent, Does.Contain("Oefenen werkt beter dan uitleg"));
        Assert.That(await _factory.ScalarAsync($"SELECT count(*) FROM findings WHERE id = {finding} AND project_id = {_projectId} AND status = 'concept' AND heading = 'Terugblik' AND explanation LIKE 'Samen oefenen%'"), Is.EqualTo(1));
        Assert.That(await _factory.ScalarAsync($"SELECT count(*) FROM finding_evidence WHERE finding_id = {finding} AND kind = 'bijeenkomst' AND meeting_id = {meeting}"), Is.EqualTo(1));
    }

    [Test]
    public async Task AConclusionUpdatesAnAgendaEntryStatusAndWhatWasLearned()
    {
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        var item = await _factory.ScalarAsync($"SELECT min(id) FROM learning_items WHERE project_id = {_projectId} AND status IN ('open', 'inuitvoering')");

        var auditBefore = await _factory.ScalarAsync($"SELECT count(*) FROM audit_log WHERE entity = 'learningItem' AND entity_id = {item} AND action = 'update'");

        using var missing = await leader.PostFormAsync(Page, Page, new Dictionary<string, string> { ["conclusion"] = "Zonder punt", ["recordAs"] = "leeragenda", ["status"] = "opgelost" });
        var refused = await leader.GetDocumentAsync(Page);
        using var posted = await leader.PostFormAsync(Page, Page, new Dictionary<string, string>
        {
            ["conclusion"] = "Vaste oefenmomenten in het teamoverleg lossen dit op.",
            ["recordAs"] = "leeragenda",
            ["itemId"] = item.ToString(CultureInfo.InvariantCulture),
            ["status"] = "opgelost",
        });

        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(refused.QuerySelector("p.error")!.TextContent, Does.Contain("Kies het punt van de leeragenda"));
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await _factory.ScalarAsync($"SELECT count(*) FROM learning_items WHERE id = {item} AND status = 'opgelost' AND learned LIKE '%(terugblik): Vaste oefenmomenten in het teamoverleg lossen dit op.'"), Is.EqualTo(1));
        Assert.That(await _factory.ScalarAsync($"SELECT count(*) FROM learning_item_statuses WHERE item_id = {item} AND status = 'opgelost' AND note = 'terugblik'"), Is.EqualTo(1));
        Assert.That(await _factory.ScalarAsync($"SELECT count(*) FROM audit_log WHERE entity = 'learningItem' AND entity_id = {item} AND action = 'update'"), Is.EqualTo(auditBefore + 1));
    }
}
