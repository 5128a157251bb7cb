using System.Net;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Endpoints;

public sealed class ProjectEndpointsTests
{
    // One app per fixture: these tests only read, so they share its database.
    private readonly MonitorWebFactory _factory = new();
    private HttpClient? _client;

    private HttpClient Client => _client ?? throw new InvalidOperationException("OneTimeSetUp did not log in.");

    [OneTimeSetUp]
    public async Task LogIn() => _client = await _factory.LoggedInClientAsync(Login.Admin);

    [OneTimeTearDown]
    public void StopApp()
    {
        _client?.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task ListsBothDemoProjectsWithPhaseGroupsAndMeetingCounts()
    {
        using var response = await Client.GetAsync("/api/v1/projects");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var projects = json.RootElement.EnumerateArray().ToList();
        Assert.That(projects.Select(p => p.GetProperty("slug").GetString()), Is.EquivalentTo(new[] { "samen-beslissen-arnhem", "keuzehulp-werkzaak" }));
        var keuzehulp = projects.Single(p => p.GetProperty("slug").GetString() == "keuzehulp-werkzaak");
        Assert.That(keuzehulp.GetProperty("currentPhase").GetInt32(), Is.InRange(0, 5));
        Assert.That(keuzehulp.GetProperty("startDate").GetString(), Is.EqualTo("2019-03-01"));
        var groups = keuzehulp.GetProperty("groups").EnumerateArray().ToList();
        Assert.That(groups.Select(g => g.GetProperty("kind").GetString()), Does.Contain("ontwikkelteam").And.Contain("veranderteam").And.Contain("leernetwerk").And.Contain("kernteam"));
        Assert.That(groups.Single(g => g.GetProperty("kind").GetString() == "ontwikkelteam").GetProperty("meetingCount").GetInt32(), Is.EqualTo(18));
        Assert.That(keuzehulp.GetProperty("meetingCount").GetInt32(), Is.EqualTo(groups.Sum(g => g.GetProperty("meetingCount").GetInt32())));
    }

    [Test]
    public async Task ReturnsOneProjectWithGroupsMembersAndMeetings()
    {
        var id = await IdOfAsync("samen-beslissen-arnhem");

        using var response = await Client.GetAsync($"/api/v1/projects/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var group = json.RootElement.GetProperty("groups").EnumerateArray().Single();
        Assert.That(group.GetProperty("kind").GetString(), Is.EqualTo("ontwikkelgroep"));
        Assert.That(group.GetProperty("members").GetArrayLength(), Is.EqualTo(10));
        var meeting = group.GetProperty("meetings")[0];
        Assert.That(meeting.GetProperty("durationMinutes").GetInt32(), Is.EqualTo(180));
        Assert.That(meeting.GetProperty("datePrecision").GetString(), Is.EqualTo("day"));
    }

    [Test]
    public async Task AnUnknownProjectIsAProblemDetails404InDutch()
    {
        using var response = await Client.GetAsync("/api/v1/projects/987654");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(404));
        Assert.That(json.RootElement.GetProperty("title").GetString(), Is.EqualTo("Project niet gevonden"));
        Assert.That(json.RootElement.GetProperty("detail").GetString(), Does.Contain("987654"));
    }

    [Test]
    public async Task AnUnknownApiRouteIsProblemDetailsNotAnHtmlPage()
    {
        using var response = await Client.GetAsync("/api/v1/bestaat-niet");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task HealthReportsHealthyWithTheDatabaseMigrated()
    {
        using var response = await Client.GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [TestCase("{\"slug\": \"x\", \"name\": ", "name", "De JSON is niet geldig")]
    [TestCase("{\"slug\": \"nieuw\", \"name\": \"N\", \"organisation\": \"O\", \"innovation\": \"I\", \"startDate\": \"2026-13-45\", \"currentPhase\": 1}", "startDate", "jjjj-mm-dd")]
    [TestCase("{\"slug\": \"nieuw\", \"name\": \"N\", \"organisation\": \"O\", \"innovation\": \"I\", \"startDate\": \"2026-01-01\", \"currentPhase\": \"twee\"}", "currentPhase", "geheel getal")]
    [TestCase("{\"name\": \"Zonder slug\"}", "slug", "Verplichte velden ontbreken")]
    [Description("issue #26: a body the API cannot read is a Dutch problem+json naming the field, not a bare Bad Request")]
    public async Task AnUnreadableProjectIsADutchProblemNamingTheField(string body, string field, string message)
    {
        using var api = await _factory.ApiClientAsync(Login.Admin);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await api.PostAsync("/api/v1/projects", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("title").GetString(), Is.EqualTo("De invoer kon niet worden gelezen"));
        Assert.That(json.RootElement.GetProperty("errors").GetProperty(field)[0].GetString(), Does.Contain(message));
    }

    [Test]
    public async Task AGroupWithAnUnreadableBodyIsADutchProblemToo()
    {
        using var api = await _factory.ApiClientAsync(Login.Admin);
        using var content = new StringContent("{\"kind\": \"kernteam\", \"name\": \"Kern\", \"cadenceDays\": \"vaak\"}", System.Text.Encoding.UTF8, "application/json");

        using var response = await api.PostAsync($"/api/v1/projects/{await IdOfAsync("keuzehulp-werkzaak")}/groups", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("errors").GetProperty("cadenceDays")[0].GetString(), Does.Contain("geheel getal"));
    }

    private async Task<long> IdOfAsync(string slug)
    {
        using var json = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/projects"));
        return json.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug).GetProperty("id").GetInt64();
    }
}
