using System.Net;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Endpoints;

/// <summary>The personal calendar subscription: a secret address that works without a cookie, per account, revocable.</summary>
[Description("issue #16: calendar apps cannot send the login cookie")]
public sealed class CalendarSubscriptionTests
{
    private readonly MonitorWebFactory _factory = new();
    private HttpClient _leaderApi = null!;
    private long _samenBeslissen;
    private long _keuzehulp;

    [OneTimeSetUp]
    public async Task LogIn()
    {
        _leaderApi = await _factory.ApiClientAsync(Login.ProjectLeader);
        using var projects = JsonDocument.Parse(await _leaderApi.GetStringAsync("/api/v1/projects"));
        long IdOf(string slug) => projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug).GetProperty("id").GetInt64();
        _samenBeslissen = IdOf("samen-beslissen-arnhem");
        _keuzehulp = IdOf("keuzehulp-werkzaak");
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _leaderApi.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task TheAddressWorksWithoutACookieAndShowsOnlyTheProjectsTheOwnerMaySee()
    {
        var own = await PlanMeetingAsync(_samenBeslissen, "Abonnement eigen project");
        var other = await PlanMeetingAsync(_keuzehulp, "Abonnement ander project");
        using var participant = await _factory.LoggedInClientAsync(Login.Participant);
        var (url, webcal) = await CreateSubscriptionAsync(participant);
        using var noCookie = _factory.CreateClient();

        using var response = await noCookie.GetAsync(url);
        var ics = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/calendar"));
        Assert.That(webcal, Does.StartWith("webcal://"));
        Assert.That(webcal, Does.EndWith(url));
        var uids = Ical.Net.Calendar.Load(ics)!.Events.Select(e => e.Uid).ToList();
        Assert.That(uids, Does.Contain($"meeting-{own}@implementatiemonitor"));
        Assert.That(uids, Does.Not.Contain($"meeting-{other}@implementatiemonitor"), "the deelnemer has no role in Keuzehulp");
    }

    [Test]
    public async Task ARevokedOrRenewedAddressIsNotFound()
    {
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        var (first, _) = await CreateSubscriptionAsync(leader);
        var (second, _) = await CreateSubscriptionAsync(leader);
        using var noCookie = _factory.CreateClient();
        using var replaced = await noCookie.GetAsync(first);
        using var current = await noCookie.GetAsync(second);

        using var revoke = await leader.PostFormAsync("/account", "/account?handler=RevokeCalendar", new Dictionary<string, string>());
        using var revoked = await noCookie.GetAsync(second);
        using var forged = await noCookie.GetAsync(second[..^8] + "AAAAAAAA.ics");

        Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(current.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Html.ParseAsync(revoke)).QuerySelector("[data-calendar-since]"), Is.Null);
    }

    private static async Task<(string Url, string Webcal)> CreateSubscriptionAsync(HttpClient client)
    {
        using var created = await client.PostFormAsync("/account", "/account?handler=Calendar", new Dictionary<string, string>());
        var page = await Html.ParseAsync(created);
        var url = page.QuerySelector("[data-calendar-url]")?.TextContent ?? throw new InvalidOperationException("No calendar address was shown.");
        return (new Uri(url).PathAndQuery, page.QuerySelector("[data-calendar-webcal]")!.GetAttribute("href")!);
    }

    private async Task<long> PlanMeetingAsync(long projectId, string name)
    {
        var groupId = await _leaderApi.CreateAsync($"/api/v1/projects/{projectId}/groups", new { kind = "kernteam", name });
        return await _leaderApi.CreateAsync($"/api/v1/projects/{projectId}/groups/{groupId}/meetings", new { heldOn = "2099-05-04", startsAt = "10:00", title = name });
    }
}
