using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Security;

/// <summary>
/// Issue #26: management sees what the README's role table promises — agreed findings and aggregates, never a
/// person — on the pages and through the API alike; a person's data export covers their membership.
/// </summary>
[NonParallelizable]
public sealed class ManagementPrivacyTests
{
    private const long Keuzehulp = 2;
    private const long SamenBeslissen = 1;
    private MonitorWebFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new MonitorWebFactory();

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task ManagementGetsOnlyVastgesteldeFindingsWithoutAnyMemberInTheirEvidence()
    {
        using var team = await _factory.ApiClientAsync(Login.Researcher);
        using var management = await _factory.ApiClientAsync(Login.Management);
        using var all = JsonDocument.Parse(await team.GetStringAsync($"/api/v1/projects/{Keuzehulp}/findings"));
        using var agreed = JsonDocument.Parse(await management.GetStringAsync($"/api/v1/projects/{Keuzehulp}/findings"));
        using var group = JsonDocument.Parse(await team.GetStringAsync($"/api/v1/projects/{Keuzehulp}/groups"));
        var labels = new List<string>();
        foreach (var g in group.RootElement.EnumerateArray())
        {
            using var detail = JsonDocument.Parse(await team.GetStringAsync($"/api/v1/projects/{Keuzehulp}/groups/{g.GetProperty("id").GetInt64()}"));
            labels.AddRange(detail.RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("roleLabel").GetString()!));
        }

        var statuses = all.RootElement.EnumerateArray().Select(f => f.GetProperty("status").GetString()).ToList();
        Assert.That(statuses, Does.Contain("concept").Or.Contain("besproken"), "the demo has findings that are not agreed yet");
        Assert.That(agreed.RootElement.EnumerateArray().Select(f => f.GetProperty("status").GetString()).Distinct(), Is.EqualTo(new[] { "vastgesteld" }));
        Assert.That(agreed.RootElement.GetArrayLength(), Is.EqualTo(statuses.Count(s => s == "vastgesteld")));
        var evidence = agreed.RootElement.EnumerateArray().SelectMany(f => f.GetProperty("evidence").EnumerateArray()).ToList();
        Assert.That(evidence, Is.Not.Empty);
        Assert.That(labels, Is.Not.Empty);
        foreach (var e in evidence)
        {
            var text = e.GetProperty("quote").GetString() + " " + e.GetProperty("source").GetString() + " " + e.GetProperty("note").GetString();
            Assert.That(labels.Where(l => text.Contains(l, StringComparison.OrdinalIgnoreCase)), Is.Empty, text);
        }

        var notAgreed = all.RootElement.EnumerateArray().First(f => f.GetProperty("status").GetString() != "vastgesteld").GetProperty("id").GetInt64();
        using var one = await management.GetAsync($"/api/v1/projects/{Keuzehulp}/findings/{notAgreed}");
        using var history = await management.GetAsync($"/api/v1/projects/{Keuzehulp}/findings/{notAgreed}/history");
        Assert.That(one.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(history.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task TheFindingsPageShowsManagementOnlyVastgesteldeFindings()
    {
        using var team = await _factory.LoggedInClientAsync(Login.Researcher);
        using var management = await _factory.LoggedInClientAsync(Login.Management);

        var teamPage = await team.GetDocumentAsync($"/projecten/{Keuzehulp}/bevindingen");
        var managementPage = await management.GetDocumentAsync($"/projecten/{Keuzehulp}/bevindingen");

        var teamTitles = teamPage.QuerySelectorAll("main a[href*='/bevindingen/']").Select(a => a.TextContent.Trim()).Distinct().ToList();
        var managementTitles = managementPage.QuerySelectorAll("main a[href*='/bevindingen/']").Select(a => a.TextContent.Trim()).Distinct().ToList();
        Assert.That(managementTitles, Is.Not.Empty);
        Assert.That(managementTitles.Count, Is.LessThan(teamTitles.Count));
        Assert.That(managementPage.QuerySelectorAll("ol.findings .status").Select(s => s.TextContent).Distinct(), Is.EqualTo(new[] { "vastgesteld" }));
    }

    [Test]
    public async Task ManagementSeesAGroupsFiguresButNoMemberOrAttendancePerPersonOnThePageOrThroughTheApi()
    {
        using var team = await _factory.ApiClientAsync(Login.ProjectLeader);
        using var managementApi = await _factory.ApiClientAsync(Login.Management);
        using var managementPages = await _factory.LoggedInClientAsync(Login.Management);
        using var groups = JsonDocument.Parse(await team.GetStringAsync($"/api/v1/projects/{Keuzehulp}/groups"));
        var groupId = groups.RootElement.EnumerateArray().First(g => g.GetProperty("name").GetString() == "Ontwikkelteam").GetProperty("id").GetInt64();
        using var full = JsonDocument.Parse(await team.GetStringAsync($"/api/v1/projects/{Keuzehulp}/groups/{groupId}"));
        var labels = full.RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("roleLabel").GetString()!).ToList();

        using var api = JsonDocument.Parse(await managementApi.GetStringAsync($"/api/v1/projects/{Keuzehulp}/groups/{groupId}"));
        var page = await managementPages.GetDocumentAsync($"/projecten/{Keuzehulp}/groepen/{groupId}");

        Assert.That(labels, Has.Count.GreaterThan(3));
        Assert.That(full.RootElement.GetProperty("metrics").GetProperty("members").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(api.RootElement.GetProperty("members").GetArrayLength(), Is.Zero);
        Assert.That(api.RootElement.GetProperty("metrics").GetProperty("members").GetArrayLength(), Is.Zero);
        Assert.That(api.RootElement.GetProperty("metrics").GetProperty("attendanceRate").GetDouble(), Is.GreaterThan(0), "the group's own figures stay");
        Assert.That(page.QuerySelector("#members"), Is.Null);
        Assert.That(labels.Where(l => page.Body!.TextContent.Contains(l, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task APersonsDataExportCoversTheGroupMembershipLinkedToTheirAccount()
    {
        using var leader = await _factory.ApiClientAsync(Login.ProjectLeader);
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);
        using var groups = JsonDocument.Parse(await leader.GetStringAsync($"/api/v1/projects/{SamenBeslissen}/groups"));
        var groupId = groups.RootElement.EnumerateArray().First().GetProperty("id").GetInt64();
        using var group = JsonDocument.Parse(await leader.GetStringAsync($"/api/v1/projects/{SamenBeslissen}/groups/{groupId}"));
        var member = group.RootElement.GetProperty("members").EnumerateArray().First(m => m.GetProperty("roleLabel").GetString() == "Re-integratieprofessional 3");
        var memberId = member.GetProperty("id").GetInt64();
        using var me = await _factory.ApiClientAsync(Login.Participant);
        using var participant = JsonDocument.Parse(await me.GetStringAsync("/api/v1/me"));
        var userId = participant.RootElement.GetProperty("id").GetInt64();

        using (var link = await leader.PutAsJsonAsync($"/api/v1/projects/{SamenBeslissen}/members/{memberId}/account", new { userId }))
        {
            Assert.That(link.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await link.Content.ReadAsStringAsync());
        }

        using var export = JsonDocument.Parse(await admin.GetStringAsync($"/beheer/accounts/{userId}/export"));
        var membership = export.RootElement.GetProperty("groupMemberships").EnumerateArray().Single();
        Assert.That(membership.GetProperty("member").GetProperty("roleLabel").GetString(), Is.EqualTo("Re-integratieprofessional 3"));
        Assert.That(membership.GetProperty("attendance").GetArrayLength(), Is.GreaterThan(10));
        Assert.That(membership.GetProperty("note").GetString(), Does.Contain("zonder naam"), "the Arnhem group answers anonymously: the export says why no reflections are in it");

        using var memberExport = JsonDocument.Parse(await leader.GetStringAsync($"/api/v1/projects/{SamenBeslissen}/members/{memberId}/personal-data"));
        Assert.That(memberExport.RootElement.GetProperty("attendance").GetArrayLength(), Is.EqualTo(membership.GetProperty("attendance").GetArrayLength()));

        using var outsider = await leader.PutAsJsonAsync($"/api/v1/projects/{Keuzehulp}/members/{memberId}/account", new { userId });
        Assert.That(outsider.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden).Or.EqualTo(HttpStatusCode.NotFound), "a member of another project is out of reach");
    }
}
