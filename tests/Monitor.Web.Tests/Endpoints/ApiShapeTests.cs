using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Endpoints;

/// <summary>
/// Pins the JSON shape of every GET route of the public API (property names and value kinds, recursively; arrays by the
/// union of their elements) against Snapshots/api-shapes.json, so moving the code behind the API (issue #13) cannot
/// change what R or Python scripts read. A deliberate change: run with UPDATE_API_SHAPES=1 and review the diff.
/// </summary>
[NonParallelizable]
public sealed class ApiShapeTests
{
    private static readonly string _snapshot = Path.Combine(SourceFolder(), "Snapshots", "api-shapes.json");
    private MonitorWebFactory _factory = null!;
    private HttpClient _api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new MonitorWebFactory();
        _api = await _factory.ApiClientAsync(Login.Admin);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _api.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task EveryGetRouteKeepsItsJsonShape()
    {
        var shapes = new JsonObject();
        foreach (var (route, url) in await RoutesAsync())
        {
            using var response = await _api.GetAsync(url);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"{route} ({url})");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            shapes[route] = Shape(json.RootElement);
        }

        var actual = shapes.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_API_SHAPES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_snapshot)!);
            await File.WriteAllTextAsync(_snapshot, actual);
        }

        Assert.That(File.Exists(_snapshot), Is.True, $"{_snapshot} is missing: run the tests once with UPDATE_API_SHAPES=1 and commit it");
        Assert.That(actual, Is.EqualTo(await File.ReadAllTextAsync(_snapshot)), "the JSON shape of the API changed; if on purpose, update the snapshot (UPDATE_API_SHAPES=1)");
    }

    // Route pattern -> a URL with ids of the demo data (looked up through the API itself).
    private async Task<List<(string Route, string Url)>> RoutesAsync()
    {
        const long project = 2; // Keuzehulp: every kind of data is there
        var group = await FirstIdAsync($"/api/v1/projects/{project}/groups");
        var meeting = await FirstIdAsync($"/api/v1/projects/{project}/meetings");
        var document = await FirstIdAsync($"/api/v1/projects/{project}/coding-documents");
        var round = await FirstIdAsync($"/api/v1/projects/{project}/coding-rounds");
        var finding = await FirstIdAsync($"/api/v1/projects/{project}/findings");
        var network = await FirstIdAsync("/api/v1/networks");
        using var groupList = JsonDocument.Parse(await _api.GetStringAsync($"/api/v1/projects/{project}/groups"));
        var learningNetwork = groupList.RootElement.EnumerateArray().Single(g => g.GetProperty("name").GetString() == "Leernetwerk").GetProperty("id").GetInt64();
        foreach (var to in (string[])["2020-11-30", "2020-12-31"])
        {
            // two reports of one kind, so the newer has a diff against the older
            using var generate = await _api.PostAsync($"/api/v1/projects/{project}/reports",
                JsonContent($"{{\"kind\":\"voortgang\",\"from\":\"2020-10-01\",\"to\":\"{to}\"}}"));
            Assert.That((int)generate.StatusCode, Is.EqualTo(201), await generate.Content.ReadAsStringAsync());
        }

        var version = await FirstIdAsync($"/api/v1/projects/{project}/plan/versions");
        using var reports = JsonDocument.Parse(await _api.GetStringAsync($"/api/v1/projects/{project}/reports"));
        var snapshot = reports.RootElement.EnumerateArray().Max(r => r.GetProperty("id").GetInt64());
        using var group0 = JsonDocument.Parse(await _api.GetStringAsync($"/api/v1/projects/{project}/groups/{group}"));
        var member = group0.RootElement.GetProperty("members")[0].GetProperty("id").GetInt64();
        using var projects = JsonDocument.Parse(await _api.GetStringAsync("/api/v1/projects"));
        var arnhem = projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "samen-beslissen-arnhem").GetProperty("id").GetInt64();
        return
        [
            ("me", "/api/v1/me"),
            ("projects", "/api/v1/projects"),
            ("project", $"/api/v1/projects/{project}"),
            ("frameworks", "/api/v1/frameworks"),
            ("frameworks/movisie", "/api/v1/frameworks/movisie"),
            ("frameworks/midi", "/api/v1/frameworks/midi"),
            ("frameworks/bowen", "/api/v1/frameworks/bowen"),
            ("portfolio", "/api/v1/portfolio"),
            ("audit", $"/api/v1/projects/{project}/audit"),
            ("plan", $"/api/v1/projects/{project}/plan"),
            ("plan/scores", $"/api/v1/projects/{project}/plan/scores"),
            ("plan/versions", $"/api/v1/projects/{project}/plan/versions"),
            ("plan/version", $"/api/v1/projects/{project}/plan/versions/{version}"),
            ("plan/version diff", $"/api/v1/projects/{project}/plan/versions/{version}/diff"),
            ("factsheet", $"/api/v1/projects/{project}/factsheet?from=2021-01-01&to=2021-03-31"),
            ("groups", $"/api/v1/projects/{project}/groups"),
            ("group", $"/api/v1/projects/{project}/groups/{group}"),
            ("member personal-data", $"/api/v1/projects/{project}/members/{member}/personal-data"),
            ("meetings", $"/api/v1/projects/{project}/meetings"),
            ("meetings/search", $"/api/v1/projects/{project}/meetings/search?q=keuzehulp"),
            ("meeting", $"/api/v1/projects/{project}/meetings/{meeting}"),
            ("codebooks", $"/api/v1/projects/{project}/codebooks"),
            ("coding-documents", $"/api/v1/projects/{project}/coding-documents"),
            ("coding-document", $"/api/v1/projects/{project}/coding-documents/{document}"),
            ("fragments", $"/api/v1/projects/{project}/fragments"),
            ("matrix", $"/api/v1/projects/{project}/matrix"),
            ("code-frequencies", $"/api/v1/projects/{project}/code-frequencies"),
            ("coding-rounds", $"/api/v1/projects/{project}/coding-rounds"),
            ("coding-round", $"/api/v1/projects/{project}/coding-rounds/{round}"),
            ("coding-round disagreements", $"/api/v1/projects/{project}/coding-rounds/{round}/disagreements"),
            ("coding-round agreement", $"/api/v1/projects/{project}/coding-rounds/{round}/agreement"),
            ("findings", $"/api/v1/projects/{project}/findings"),
            ("finding", $"/api/v1/projects/{project}/findings/{finding}"),
            ("finding history", $"/api/v1/projects/{project}/findings/{finding}/history"),
            ("finding-suggestions", $"/api/v1/projects/{project}/finding-suggestions"),
            ("reports", $"/api/v1/projects/{project}/reports"),
            ("report", $"/api/v1/projects/{project}/reports/{snapshot}"),
            ("report diff", $"/api/v1/projects/{project}/reports/{snapshot}/diff"),
            ("report-schedule", $"/api/v1/projects/{project}/report-schedule"),
            ("learning-agenda", $"/api/v1/projects/{project}/learning-agenda?on=2020-12-18"),
            ("learning-agenda/suggestions", $"/api/v1/projects/{project}/learning-agenda/suggestions"),
            ("timeline", $"/api/v1/projects/{project}/timeline"),
            ("training-register", $"/api/v1/projects/{arnhem}/training-register"),
            ("questionnaires", $"/api/v1/projects/{arnhem}/questionnaires"),
            ("midi-surveys", $"/api/v1/projects/{project}/midi-surveys"),
            ("networks", "/api/v1/networks"),
            ("network items", $"/api/v1/networks/{network}/items"),
            ("network-shares", $"/api/v1/projects/{project}/network-shares"),
            ("group guests", $"/api/v1/projects/{project}/groups/{learningNetwork}/guests"),
            ("me/guest-groups", "/api/v1/me/guest-groups"),
            ("participation", $"/api/v1/projects/{project}/participation"),
        ];
    }

    private async Task<long> FirstIdAsync(string url)
    {
        using var json = JsonDocument.Parse(await _api.GetStringAsync(url));
        var first = json.RootElement.EnumerateArray().FirstOrDefault();
        Assert.That(first.ValueKind, Is.EqualTo(JsonValueKind.Object), $"{url} has no items to take an id from");
        return first.GetProperty("id").GetInt64();
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>The shape of a JSON value: kinds instead of values, arrays as the union of their elements' shapes.</summary>
    internal static JsonNode Shape(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => ShapeOf(value.EnumerateObject().ToDictionary(p => p.Name, p => Shape(p.Value))),
        JsonValueKind.Array => new JsonArray(value.EnumerateArray().Select(Shape).Aggregate((JsonNode?)null, Merge) is { } element ? [element] : []),
        JsonValueKind.String => JsonValue.Create("string"),
        JsonValueKind.Number => JsonValue.Create("number"),
        JsonValueKind.True or JsonValueKind.False => JsonValue.Create("bool"),
        _ => JsonValue.Create("null"),
    };

    private static JsonObject ShapeOf(Dictionary<string, JsonNode> properties)
    {
        var shape = new JsonObject();
        foreach (var (name, node) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            shape[name] = node;
        }

        return shape;
    }

    // Two shapes in one: objects by the union of their properties, arrays by their elements, other kinds as "a|b".
    private static JsonNode? Merge(JsonNode? a, JsonNode b)
    {
        if (a is null || (a is JsonValue && Kind(a) == "null"))
        {
            return b;
        }

        if (b is JsonValue && Kind(b) == "null")
        {
            return a;
        }

        if (a is JsonObject left && b is JsonObject right)
        {
            var names = left.Select(p => p.Key).Union(right.Select(p => p.Key));
            return ShapeOf(names.ToDictionary(n => n, n => left[n] is { } l && right[n] is { } r ? Merge(l.DeepClone(), r.DeepClone())! : (left[n] ?? right[n])!.DeepClone()));
        }

        if (a is JsonArray leftArray && b is JsonArray rightArray)
        {
            var element = leftArray.Concat(rightArray).Where(n => n is not null).Select(n => n!.DeepClone()).Aggregate((JsonNode?)null, Merge);
            return element is null ? new JsonArray() : new JsonArray(element);
        }

        var kinds = $"{Kind(a)}|{Kind(b)}".Split('|').Distinct().Order(StringComparer.Ordinal);
        return JsonValue.Create(string.Join('|', kinds));
    }

    private static string Kind(JsonNode node) => node switch
    {
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValue<string>(),
    };

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
