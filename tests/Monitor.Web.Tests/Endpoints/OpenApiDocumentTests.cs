using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Endpoints;

/// <summary>/openapi/v1.json describes the API the app really maps, and only logged-in users read it.</summary>
public sealed class OpenApiDocumentTests
{
    private readonly MonitorWebFactory _factory = new();
    private JsonDocument _document = null!;

    [OneTimeSetUp]
    public async Task ReadTheDocumentWithAnApiToken()
    {
        using var api = await _factory.ApiClientAsync(Login.Researcher);
        using var response = await api.GetAsync("/openapi/v1.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _document.Dispose();
        _factory.Dispose();
    }

    private JsonElement Paths => _document.RootElement.GetProperty("paths");

    /// <summary>"METHOD /path" for every operation the document describes.</summary>
    private List<string> DescribedOperations() => [.. Paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch").Select(o => $"{o.Name.ToUpperInvariant()} {path.Name}"))];

    private JsonElement Operation(string path, string method) => Paths.GetProperty(path).GetProperty(method);

    [Test]
    public void EveryMappedApiRouteIsInTheDocumentWithItsMethod()
    {
        var mapped = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => $"{method} {OpenApiPath(e.RoutePattern.RawText!)}"))
            .Distinct()
            .ToList();
        var described = DescribedOperations();

        Assert.That(mapped, Has.Count.GreaterThan(80), "the API has its routes mapped");
        Assert.That(mapped.Except(described), Is.Empty, "mapped routes missing from /openapi/v1.json");
        Assert.That(described.Except(mapped), Is.Empty, "the document describes only what is mapped");
    }

    [Test]
    public void ARouteHasItsParametersRequestShapeAndProblemAnswers()
    {
        var update = Operation("/api/v1/projects/{id}/meetings/{meetingId}", "put");

        Assert.That(update.GetProperty("parameters").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString())),
            Is.EqualTo(new[] { ("id", "path"), ("meetingId", "path") }));
        Assert.That(update.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(),
            Is.EqualTo("#/components/schemas/MeetingBody"));
        var responses = update.GetProperty("responses");
        Assert.That(responses.EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "204", "400", "401", "403", "404" }));
        Assert.That(ProblemSchema(responses, "400"), Is.EqualTo("#/components/schemas/HttpValidationProblemDetails"));
        Assert.That(ProblemSchema(responses, "403"), Is.EqualTo("#/components/schemas/ProblemDetails"));
        Assert.That(ProblemSchema(responses, "404"), Is.EqualTo("#/components/schemas/ProblemDetails"));
        var schemas = _document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.That(schemas.GetProperty("MeetingBody").GetProperty("properties").EnumerateObject().Select(p => p.Name), Does.Contain("heldOn").And.Contain("startsAt"));
        Assert.That(schemas.GetProperty("HttpValidationProblemDetails").GetProperty("properties").EnumerateObject().Select(p => p.Name), Does.Contain("errors"));
    }

    [Test]
    public void AListRouteAnswersItsShapeAndHasNoNotFoundWithoutAnIdInThePath()
    {
        var list = Operation("/api/v1/projects", "get");

        var ok = list.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.That(ok.GetProperty("type").GetString(), Is.EqualTo("array"));
        Assert.That(list.GetProperty("responses").TryGetProperty("404", out _), Is.False);
        Assert.That(list.GetProperty("responses").TryGetProperty("401", out _), Is.True);
    }

    [Test]
    public void ARouteWithoutInputOrRolePolicyPromisesNeither400Nor403()
    {
        var me = Operation("/api/v1/me", "get").GetProperty("responses");

        Assert.That(me.EnumerateObject().Select(r => r.Name), Is.EqualTo(new[] { "200", "401" }));
    }

    [Test]
    public async Task AnAnonymousUserCannotReadTheDocument()
    {
        using var anonymous = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync("/openapi/v1.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/inloggen"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("/api/v1/"));
    }

    [Test]
    public async Task TheReferencePageListsEveryOperationOfTheDocumentForALoggedInUser()
    {
        using var browser = await _factory.LoggedInClientAsync(Login.Participant);
        using var response = await browser.GetAsync("/api-referentie");
        var page = await Html.ParseAsync(response);

        var operations = DescribedOperations().Order(StringComparer.Ordinal);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("API-referentie"));
        Assert.That(page.QuerySelectorAll("[data-route]").Select(e => e.GetAttribute("data-route")!).Order(StringComparer.Ordinal), Is.EqualTo(operations));
        Assert.That(page.QuerySelector("[data-openapi-link]")!.GetAttribute("href"), Is.EqualTo("/openapi/v1.json"));
        Assert.That(page.QuerySelector("#shape-MeetingBody"), Is.Not.Null, "the shapes are listed with anchors the routes link to");
        Assert.That(page.QuerySelectorAll("script:not([src])"), Is.Empty, "no inline script: the page works under the app's CSP");
    }

    /// <summary>"/api/v1/projects/{id:long}/x/{groupId:long?}/" as OpenAPI writes it: "/api/v1/projects/{id}/x/{groupId}".</summary>
    private static string OpenApiPath(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*{0,2}([A-Za-z0-9_]+)(:[^}?]+)?\??\}", "{$1}").TrimEnd('/');

    private static string? ProblemSchema(JsonElement responses, string status) =>
        responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
}
