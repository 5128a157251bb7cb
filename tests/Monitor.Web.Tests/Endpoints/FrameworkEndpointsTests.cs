using System.Net;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Endpoints;

public sealed class FrameworkEndpointsTests
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
    public async Task MidiHasFourGroupsWithTwentyNineDeterminants()
    {
        using var json = await GetJsonAsync("/api/v1/frameworks/midi");

        var groups = json.RootElement.EnumerateArray().ToList();
        Assert.That(groups.Select(g => g.GetProperty("code").GetString()), Is.EqualTo(new[] { "innovation", "user", "organisation", "context" }));
        var determinants = groups.SelectMany(g => g.GetProperty("determinants").EnumerateArray()).ToList();
        Assert.That(determinants, Has.Count.EqualTo(29));
        var first = determinants[0];
        Assert.That(first.GetProperty("number").GetInt32(), Is.EqualTo(1));
        Assert.That(first.GetProperty("nameNl").GetString(), Is.EqualTo("Procedurele helderheid"));
        Assert.That(first.GetProperty("nameVerified").GetBoolean(), Is.True);
        Assert.That(first.GetProperty("questionVerified").GetBoolean(), Is.False, "the guiding questions are paraphrases");
        Assert.That(determinants[2].GetProperty("nameVerified").GetBoolean(), Is.False);
    }

    [Test]
    public async Task MovisieHasSixPhasesWithActivities()
    {
        using var json = await GetJsonAsync("/api/v1/frameworks/movisie");

        var phases = json.RootElement.EnumerateArray().ToList();
        Assert.That(phases.Select(p => p.GetProperty("number").GetInt32()), Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(phases[5].GetProperty("nameNl").GetString(), Is.EqualTo("Blijven doen"));
        Assert.That(phases.Select(p => p.GetProperty("recommendedActivities").GetArrayLength()), Has.All.GreaterThan(0));
    }

    [Test]
    public async Task BowenHasEightAreasOfWhichFourAreTheDefault()
    {
        using var json = await GetJsonAsync("/api/v1/frameworks/bowen");

        var areas = json.RootElement.EnumerateArray().ToList();
        Assert.That(areas, Has.Count.EqualTo(8));
        Assert.That(areas.Count(a => a.GetProperty("isDefault").GetBoolean()), Is.EqualTo(4));
    }

    [Test]
    public async Task ListsTheFrameworksWithTheirVersions()
    {
        using var json = await GetJsonAsync("/api/v1/frameworks");

        Assert.That(json.RootElement.EnumerateArray().Select(f => f.GetProperty("code").GetString()), Is.EqualTo(new[] { "movisie", "midi", "bowen" }));
        Assert.That(json.RootElement.EnumerateArray().Select(f => f.GetProperty("version").GetString()), Has.All.Not.Empty);
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
