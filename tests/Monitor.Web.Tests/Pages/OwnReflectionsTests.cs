using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Meetings;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Pages;

/// <summary>The personal answer route to the closing question and the anonymous group link (issue #16).</summary>
[Description("issue #16: a logged-in deelnemer answers the closing question; nobody can answer for or block another")]
public sealed class OwnReflectionsTests
{
    private readonly MonitorWebFactory _factory = new();
    private HttpClient _leaderApi = null!;
    private HttpClient _participant = null!;
    private long _participantId;
    private long _projectId;

    private string Api => $"/api/v1/projects/{_projectId}";

    [OneTimeSetUp]
    public async Task LogIn()
    {
        _leaderApi = await _factory.ApiClientAsync(Login.ProjectLeader);
        _participant = await _factory.LoggedInClientAsync(Login.Participant);
        using var me = JsonDocument.Parse(await _participant.GetStringAsync("/api/v1/me"));
        _participantId = me.RootElement.GetProperty("id").GetInt64();
        using var projects = JsonDocument.Parse(await _leaderApi.GetStringAsync("/api/v1/projects"));
        _projectId = projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "samen-beslissen-arnhem").GetProperty("id").GetInt64();
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _leaderApi.Dispose();
        _participant.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task ALinkedMemberAnswersAsThemselvesAndOnlyForMeetingsTheyAttended()
    {
        var (groupId, mine, other) = await GroupWithLinkedMemberAsync(anonymous: false);
        var attended = await HeldMeetingAsync(groupId, daysAgo: 3, (mine, "aanwezig"), (other, "aanwezig"));
        var missed = await HeldMeetingAsync(groupId, daysAgo: 10, (mine, "afgemeld"), (other, "aanwezig"));

        var page = await _participant.GetDocumentAsync("/mijn-slotvragen");
        using var saved = await PostAnswerAsync(attended, "Goede sfeer", "Te kort");
        using var changed = await PostAnswerAsync(attended, "Goede sfeer", "Te kort, volgende keer langer");
        using var refused = await PostAnswerAsync(missed, "Niet bij geweest", "");
        using var meeting = JsonDocument.Parse(await _leaderApi.GetStringAsync($"{Api}/meetings/{attended}"));
        using var missedMeeting = JsonDocument.Parse(await _leaderApi.GetStringAsync($"{Api}/meetings/{missed}"));

        Assert.That(page.QuerySelectorAll("[data-own-meeting]").Select(s => s.GetAttribute("data-own-meeting")), Is.EqualTo(new[] { attended.ToString(CultureInfo.InvariantCulture) }));
        Assert.That(page.QuerySelector("select"), Is.Null, "nothing to pick: the account answers as its own member");
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var reflections = meeting.RootElement.GetProperty("reflections").EnumerateArray().ToList();
        Assert.That(reflections, Has.Count.EqualTo(1));
        Assert.That(reflections[0].GetProperty("memberId").GetInt64(), Is.EqualTo(mine));
        Assert.That(reflections[0].GetProperty("wentLess").GetString(), Is.EqualTo("Te kort, volgende keer langer"));
        Assert.That(missedMeeting.RootElement.GetProperty("reflections").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task InAnAnonymousGroupTheOwnAnswerKeepsNoAuthorAndTheGroupLinkAsksNothingAndBlocksNoOne()
    {
        var (groupId, mine, other) = await GroupWithLinkedMemberAsync(anonymous: true);
        var meetingId = await HeldMeetingAsync(groupId, daysAgo: 2, (mine, "aanwezig"), (other, "aanwezig"));
        var link = (await _factory.Services.GetRequiredService<ReflectionLinkStore>().CreateLinkAsync(_projectId, meetingId, TimeSpan.FromDays(7), Actor.System))!;

        using var own = await PostAnswerAsync(meetingId, "Eigen antwoord", "");
        using var twice = await PostAnswerAsync(meetingId, "Nog een keer", "");
        var after = await _participant.GetDocumentAsync("/mijn-slotvragen");
        using var browserA = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var browserB = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var linkPage = await browserA.GetDocumentAsync($"/reflectie/{link.Token}");
        using var first = await browserA.PostFormAsync($"/reflectie/{link.Token}", $"/reflectie/{link.Token}", new Dictionary<string, string> { ["wentWell"] = "Link A" });
        using var second = await browserB.PostFormAsync($"/reflectie/{link.Token}", $"/reflectie/{link.Token}", new Dictionary<string, string> { ["wentWell"] = "Link B" });
        using var meeting = JsonDocument.Parse(await _leaderApi.GetStringAsync($"{Api}/meetings/{meetingId}"));
        using var audit = JsonDocument.Parse(await _leaderApi.GetStringAsync($"{Api}/audit"));

        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(after.QuerySelector($"[data-own-meeting='{meetingId}'] [data-answered]"), Is.Not.Null);
        Assert.That(linkPage.QuerySelector("select, [name=memberId]"), Is.Null, "the anonymous group link asks nothing that identifies");
        Assert.That((first.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.Redirect, HttpStatusCode.Redirect)));
        var reflections = meeting.RootElement.GetProperty("reflections").EnumerateArray().ToList();
        Assert.That(reflections.Select(r => r.GetProperty("wentWell").GetString()), Is.EquivalentTo(new[] { "Eigen antwoord", "Link A", "Link B" }));
        Assert.That(reflections.Select(r => r.GetProperty("memberId").ValueKind), Has.All.EqualTo(JsonValueKind.Null));
        var answerEntries = audit.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("entity").GetString() == "reflection"
                && e.GetProperty("changes").GetProperty("meeting").GetProperty("new").GetString() == meetingId.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.That(answerEntries, Has.Count.EqualTo(3));
        Assert.That(answerEntries.Select(e => e.GetProperty("actorUserId").ValueKind), Has.All.EqualTo(JsonValueKind.Null), "the audit names no one for an anonymous answer");
        Assert.That(answerEntries.Select(e => e.GetProperty("actorName").GetString()), Has.None.Contain("Re-integratieprofessional 3"));
    }

    [Test]
    public async Task SomeoneWithoutALinkedMemberHasNothingToAnswer()
    {
        using var manager = await _factory.LoggedInClientAsync(Login.Management);

        var page = await manager.GetDocumentAsync("/mijn-slotvragen");

        Assert.That(page.QuerySelector("[data-testid=no-open-questions]"), Is.Not.Null);
        Assert.That(page.QuerySelectorAll("[data-own-meeting]"), Is.Empty);
        Assert.That(page.QuerySelector("nav a[href='/mijn-slotvragen']"), Is.Null, "the menu hides what the account cannot use");
    }

    [Test]
    [Description("issue #16: the menu shows 'Mijn slotvragen' once the account is linked to a group member")]
    public async Task TheMenuShowsThePersonalPageOnceTheAccountIsLinked()
    {
        await GroupWithLinkedMemberAsync(anonymous: false);

        var page = await _participant.GetDocumentAsync("/");

        Assert.That(page.QuerySelector("nav a[href='/mijn-slotvragen']"), Is.Not.Null);
    }

    private async Task<HttpResponseMessage> PostAnswerAsync(long meetingId, string wentWell, string wentLess) =>
        await _participant.PostFormAsync("/mijn-slotvragen", "/mijn-slotvragen", new Dictionary<string, string>
        {
            ["meetingId"] = meetingId.ToString(CultureInfo.InvariantCulture),
            ["wentWell"] = wentWell,
            ["wentLess"] = wentLess,
        });

    private async Task<(long GroupId, long Mine, long Other)> GroupWithLinkedMemberAsync(bool anonymous)
    {
        var groupId = await _leaderApi.CreateAsync($"{Api}/groups", new { kind = "ontwikkelgroep", name = $"Slotvraag {(anonymous ? "anoniem" : "met namen")} {Guid.NewGuid():N}", reflectionsAnonymous = anonymous });
        var mine = await _leaderApi.CreateAsync($"{Api}/groups/{groupId}/members", new { roleLabel = "Re-integratieprofessional 3" });
        var other = await _leaderApi.CreateAsync($"{Api}/groups/{groupId}/members", new { roleLabel = "Klantmanager" });
        using var linked = await _leaderApi.PutAsJsonAsync($"{Api}/members/{mine}/account", new { userId = _participantId });
        Assert.That(linked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        return (groupId, mine, other);
    }

    private async Task<long> HeldMeetingAsync(long groupId, int daysAgo, params (long Member, string Status)[] attendance)
    {
        var heldOn = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var meetingId = await _leaderApi.CreateAsync($"{Api}/groups/{groupId}/meetings", new { heldOn, title = "Overleg", status = "gehouden" });
        using var recorded = await _leaderApi.PutAsJsonAsync($"{Api}/meetings/{meetingId}/attendance",
            new { attendance = attendance.Select(a => new { memberId = a.Member, status = a.Status }).ToArray() });
        Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        return meetingId;
    }
}
