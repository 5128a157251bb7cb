using System.Net;
using System.Text;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Endpoints;

/// <summary>
/// The API's answers that are not data (Endpoints/ApiResults, Forms/FieldParser), through endpoints of every slice:
/// refused text is a 400 problem+json naming the field in Dutch, a missing item a 404 problem+json, a new item 201
/// with <c>{ "id": N }</c>. Only the last test adds data (a codebook of its own), so one app serves them all.
/// </summary>
public sealed class ApiResultsTests
{
    private const string NotSaved = "De wijziging is niet opgeslagen";
    private const string BadFilter = "Ongeldig filter";
    private readonly MonitorWebFactory _factory = new();
    private HttpClient _api = null!;
    private long _project;

    [OneTimeSetUp]
    public async Task LogIn()
    {
        _api = await _factory.ApiClientAsync(Login.Admin);
        using var projects = JsonDocument.Parse(await _api.GetStringAsync("/api/v1/projects"));
        _project = projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "keuzehulp-werkzaak").GetProperty("id").GetInt64();
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _api.Dispose();
        _factory.Dispose();
    }

    // The text is read before anything is looked up, so the ids in the paths need not exist.
    [TestCase("POST", "/reports", """{"kind":"voortgang","from":"14-03-2025"}""", "from", "'14-03-2025' is geen datum", NotSaved)]
    [TestCase("POST", "/reports", """{"kind":"voortgang","to":"2025-02-30"}""", "to", "is geen datum", NotSaved)]
    [TestCase("POST", "/reports", """{"kind":"jaarverslag"}""", "kind", "'jaarverslag' is geen rapportsoort", NotSaved)]
    [TestCase("GET", "/fragments?from=maart", null, "from", "'maart' is geen datum", BadFilter)]
    [TestCase("GET", "/fragments?valence=positief", null, "valence", "'positief' is geen valentie", BadFilter)]
    [TestCase("GET", "/fragments?attribute=getraind", null, "attribute", "'getraind' is geen kenmerk; schrijf naam=waarde", BadFilter)]
    [TestCase("POST", "/codings", """{"documentId":1,"codeId":1,"start":0,"end":1}""", "valence", "Kies een valentie", NotSaved)]
    [TestCase("POST", "/findings", """{"kind":"inzicht","title":"T"}""", "kind", "'inzicht' is geen soort bevinding", NotSaved)]
    [TestCase("POST", "/findings", """{"kind":"les","title":"T","evidence":[{"kind":"foto","targetId":1}]}""", "evidence", "'foto' is geen soort bewijs", NotSaved)]
    [TestCase("PUT", "/findings/999999", """{"title":"T"}""", "kind", "Kies een soort bevinding", NotSaved)]
    [TestCase("PUT", "/findings/999999/status", """{"status":"klaar"}""", "status", "'klaar' is geen status", NotSaved)]
    [TestCase("PUT", "/findings/999999/status", """{"status":"besproken","session":{"heldOn":"gisteren"}}""", "session.heldOn", "'gisteren' is geen datum", NotSaved)]
    [TestCase("POST", "/findings/999999/evidence", """{"kind":"foto","targetId":1}""", "kind", "'foto' is geen soort bewijs", NotSaved)]
    [TestCase("POST", "/meetings/999999/action-items", """{"description":"D","dueOn":"volgende week"}""", "dueOn", "'volgende week' is geen datum", NotSaved)]
    [TestCase("PUT", "/meetings/999999/minutes", "{}", "minutes", "Stuur het verslag mee", NotSaved)]
    public async Task RefusedTextIsADutchValidationProblemNamingTheField(string method, string path, string? json, string field, string message, string title)
    {
        using var response = await SendAsync(method, path, json);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.RootElement.ToString());
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.RootElement.GetProperty("title").GetString(), Is.EqualTo(title));
        Assert.That(problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString(), Does.Contain(message));
    }

    [TestCase("/meetings/999999", "Bijeenkomst niet gevonden")]
    [TestCase("/groups/999999", "Groep niet gevonden")]
    [TestCase("/findings/999999", "Bevinding niet gevonden")]
    [TestCase("/coding-rounds/999999", "Ronde niet gevonden")]
    [TestCase("/coding-documents/999999", "Document niet gevonden")]
    public async Task AMissingItemIsADutchNotFoundProblemNamingIt(string path, string title)
    {
        using var response = await SendAsync("GET", path, null);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.RootElement.GetProperty("title").GetString(), Is.EqualTo(title));
        Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain("999999"));
    }

    [Test]
    public async Task ANewItemIsAnsweredWithOnlyItsIdAndItsAddress()
    {
        using var response = await SendAsync("POST", "/codebooks", """{"name":"Thema's van ApiResultsTests"}""");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(body.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id" }));
        Assert.That(body.RootElement.GetProperty("id").GetInt64(), Is.GreaterThan(0));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo($"/api/v1/projects/{_project}/codebooks"));
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? json)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/projects/{_project}{path}");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await _api.SendAsync(request);
    }
}
