using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Coding;
using Monitor.Core.Projects;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Coding;

/// <summary>/api/v1 for codebooks, codings, rounds, agreement and REFI-QDA exchange, with personal API tokens.</summary>
public sealed class CodingApiTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    private async Task<(long Keuzehulp, long Arnhem)> ProjectsAsync()
    {
        var projects = await _factory.Services.GetRequiredService<ProjectStore>().ListAsync();
        return (projects.Single(p => p.Slug == "keuzehulp-werkzaak").Id, projects.Single(p => p.Slug == "samen-beslissen-arnhem").Id);
    }

    private static async Task<long> CodeIdAsync(HttpClient api, long projectId, string key)
    {
        using var books = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{projectId}/codebooks"));
        return books.RootElement.EnumerateArray().SelectMany(b => b.GetProperty("codes").EnumerateArray())
            .Single(c => c.GetProperty("key").GetString() == key).GetProperty("id").GetInt64();
    }

    [Test]
    public async Task ACodingIsAddedReadAndRefusedWithProblemDetailsWhenTheOffsetsAreWrong()
    {
        var (keuzehulp, _) = await ProjectsAsync();
        using var api = await _factory.ApiClientAsync(Login.Researcher);
        using var list = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{keuzehulp}/coding-documents"));
        var document = list.RootElement.EnumerateArray().First(d => d.GetProperty("kind").GetString() != "upload");
        var documentId = document.GetProperty("id").GetInt64();
        var length = document.GetProperty("length").GetInt32();
        var code = await CodeIdAsync(api, keuzehulp, "midi-7");

        using var created = await api.PostAsJsonAsync($"/api/v1/projects/{keuzehulp}/codings", new { documentId, codeId = code, start = 2, end = 9, valence = "gemengd", memo = "via API" });
        using var outside = await api.PostAsJsonAsync($"/api/v1/projects/{keuzehulp}/codings", new { documentId, codeId = code, start = 2, end = length + 1, valence = "gemengd" });
        using var badValence = await api.PostAsJsonAsync($"/api/v1/projects/{keuzehulp}/codings", new { documentId, codeId = code, start = 20, end = 30, valence = "positief" });

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(outside.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(outside.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await outside.Content.ReadAsStringAsync(), Does.Contain("ligt niet binnen de tekst"));
        Assert.That(badValence.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var detail = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{keuzehulp}/coding-documents/{documentId}"));
        var coding = detail.RootElement.GetProperty("codings").EnumerateArray().Single(c => c.GetProperty("memo").GetString() == "via API");
        Assert.That((coding.GetProperty("start").GetInt32(), coding.GetProperty("end").GetInt32(), coding.GetProperty("valence").GetString()), Is.EqualTo((2, 9, "gemengd")));
        using var undo = await api.PostAsync($"/api/v1/projects/{keuzehulp}/codings/undo", null);
        Assert.That(await undo.Content.ReadAsStringAsync(), Does.Contain("verwijderd"));
    }

    [Test]
    public async Task AnObservationIsUploadedWithItsDateAndRefusedWithoutOne()
    {
        var (keuzehulp, _) = await ProjectsAsync();
        using var api = await _factory.ApiClientAsync(Login.Researcher);
        var url = $"/api/v1/projects/{keuzehulp}/coding-documents?fileName=observatie.txt&title=Observatie%20werksessie&sourceType=observatie";

        using var undated = await api.PostAsync(url, new StringContent("De professional noemt de opties."));
        using var badDate = await api.PostAsync(url + "&heldOn=9-3-2021", new StringContent("De professional noemt de opties."));
        using var dated = await api.PostAsync(url + "&heldOn=2021-03-09", new StringContent("De professional noemt de opties."));
        var id = (await dated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var list = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{keuzehulp}/coding-documents"));

        Assert.That(undated.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await undated.Content.ReadAsStringAsync(), Does.Contain("datum van de observatie"));
        Assert.That(badDate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(dated.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var stored = list.RootElement.EnumerateArray().Single(d => d.GetProperty("id").GetInt64() == id);
        Assert.That(stored.GetProperty("sourceType").GetString(), Is.EqualTo("observatie"));
        Assert.That(stored.GetProperty("heldOn").GetString(), Is.EqualTo("2021-03-09"));
        Assert.That(list.RootElement.EnumerateArray().Count(d => d.GetProperty("title").GetString() == "Observatie werksessie"), Is.EqualTo(1), "the refused uploads left nothing");
    }

    [Test]
    public async Task ACodeOfAnotherProjectsCodebookIsRefused()
    {
        var (keuzehulp, arnhem) = await ProjectsAsync();
        using var api = await _factory.ApiClientAsync(Login.Researcher);
        using var book = await api.PostAsJsonAsync($"/api/v1/projects/{arnhem}/codebooks", new { name = "Arnhemse thema's" });
        var bookId = (await book.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var code = await api.PostAsJsonAsync($"/api/v1/projects/{arnhem}/codebooks/{bookId}/codes", new { nameNl = "Samen beslissen in de praktijk" });
        var codeId = (await code.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var list = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{keuzehulp}/coding-documents"));
        var documentId = list.RootElement.EnumerateArray().First().GetProperty("id").GetInt64();

        using var response = await api.PostAsJsonAsync($"/api/v1/projects/{keuzehulp}/codings", new { documentId, codeId, start = 0, end = 5, valence = "neutraal" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("hoort niet bij een codeboek van dit project"));
    }

    [Test]
    public async Task ARoundIsBlindUntilClosedThenGivesAgreementAndDisagreements()
    {
        var (_, arnhem) = await ProjectsAsync();
        using var one = await _factory.ApiClientAsync(Login.Researcher);
        using var two = await _factory.ApiClientAsync(Login.Researcher2);
        var documents = _factory.Services.GetRequiredService<CodingDocumentStore>();
        var document = (await documents.ListDocumentsAsync(arnhem)).First(d => d.Kind == DocumentKind.Reflectie);
        using var meOne = JsonDocument.Parse(await one.GetStringAsync("/api/v1/me"));
        using var meTwo = JsonDocument.Parse(await two.GetStringAsync("/api/v1/me"));
        using var created = await one.PostAsJsonAsync($"/api/v1/projects/{arnhem}/coding-rounds",
            new { name = "API-ronde", coderIds = new[] { meOne.RootElement.GetProperty("id").GetInt64(), meTwo.RootElement.GetProperty("id").GetInt64() }, documentIds = new[] { document.Id } });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var roundId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var code = await CodeIdAsync(one, arnhem, "bowen-1");
        await one.PostAsJsonAsync($"/api/v1/projects/{arnhem}/codings", new { documentId = document.Id, codeId = code, start = 0, end = 10, valence = "bevorderend", roundId });
        await two.PostAsJsonAsync($"/api/v1/projects/{arnhem}/codings", new { documentId = document.Id, codeId = code, start = 0, end = 12, valence = "bevorderend", roundId });

        using var blind = await one.GetAsync($"/api/v1/projects/{arnhem}/coding-rounds/{roundId}/agreement");
        using var own = JsonDocument.Parse(await one.GetStringAsync($"/api/v1/projects/{arnhem}/coding-documents/{document.Id}?round={roundId}"));
        Assert.That(blind.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(own.RootElement.GetProperty("codings").GetArrayLength(), Is.EqualTo(1));

        using var close = await one.PostAsync($"/api/v1/projects/{arnhem}/coding-rounds/{roundId}/close", null);
        using var agreement = JsonDocument.Parse(await one.GetStringAsync($"/api/v1/projects/{arnhem}/coding-rounds/{roundId}/agreement"));

        Assert.That(close.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var pooled = agreement.RootElement.GetProperty("report").GetProperty("pooled").GetProperty("characters")[0];
        Assert.That((pooled.GetProperty("bothCoded").GetInt64(), pooled.GetProperty("onlyB").GetInt64()), Is.EqualTo((10L, 2L)));
        Assert.That(pooled.GetProperty("kappa").GetDouble(), Is.GreaterThan(0.8).And.LessThan(1));
        using var disagreements = JsonDocument.Parse(await one.GetStringAsync($"/api/v1/projects/{arnhem}/coding-rounds/{roundId}/disagreements"));
        var difference = disagreements.RootElement.EnumerateArray().Single();
        Assert.That((difference.GetProperty("kind").GetString(), difference.GetProperty("start").GetInt32(), difference.GetProperty("end").GetInt32()), Is.EqualTo(("overlap", 10, 12)),
            "a partial overlap is a difference: the two characters only the second coder coded");
        using var missingValence = await one.PostAsJsonAsync($"/api/v1/projects/{arnhem}/coding-rounds/{roundId}/settlements", new { differenceId = difference.GetProperty("id").GetInt64(), accept = true, valence = "positief" });
        using var settled = await one.PostAsJsonAsync($"/api/v1/projects/{arnhem}/coding-rounds/{roundId}/settlements", new { differenceId = difference.GetProperty("id").GetInt64(), accept = true });
        Assert.That((missingValence.StatusCode, settled.StatusCode), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.NoContent)));
        using var after = JsonDocument.Parse(await one.GetStringAsync($"/api/v1/projects/{arnhem}/coding-rounds/{roundId}/disagreements"));
        Assert.That((after.RootElement[0].GetProperty("decision").GetString(), after.RootElement[0].GetProperty("valence").GetString()), Is.EqualTo(("overgenomen", "bevorderend")));
    }

    [Test]
    public async Task TheQdpxExportOfADemoProjectImportsIntoAnotherProjectAndABrokenFileIsAProblem()
    {
        var (keuzehulp, arnhem) = await ProjectsAsync();
        using var api = await _factory.ApiClientAsync(Login.Researcher);

        using var export = await api.GetAsync($"/api/v1/projects/{keuzehulp}/exports/project.qdpx");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        using var import = await api.PostAsync($"/api/v1/projects/{arnhem}/imports/qdpx", new ByteArrayContent(bytes));
        using var broken = await api.PostAsync($"/api/v1/projects/{arnhem}/imports/qdpx", new ByteArrayContent("kapot"u8.ToArray()));
        using var csv = await api.GetAsync($"/api/v1/projects/{keuzehulp}/exports/codings.csv");

        Assert.That(export.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/zip"));
        Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.OK), await import.Content.ReadAsStringAsync());
        using var result = JsonDocument.Parse(await import.Content.ReadAsStringAsync());
        var codings = await _factory.Services.GetRequiredService<FragmentQueries>().ListFragmentsAsync(keuzehulp, new FragmentFilter { Limit = int.MaxValue });
        Assert.That(result.RootElement.GetProperty("codings").GetInt32(), Is.GreaterThanOrEqualTo(codings.Count), "regular, consensus and individual round codings all travel");
        Assert.That(broken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await broken.Content.ReadAsStringAsync(), Does.Contain("zip"));
        // one record per exported coding (cells with line breaks are quoted, so count record starts)
        var records = (await csv.Content.ReadAsStringAsync()).Split("\r\n").Count(l => l.StartsWith("Keuzehulp;", StringComparison.Ordinal));
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var qde = await new StreamReader(zip.GetEntry("project.qde")!.Open()).ReadToEndAsync();
        var selections = System.Text.RegularExpressions.Regex.Count(qde, "<PlainTextSelection ");
        Assert.That(records, Is.EqualTo(selections), "the CSV and the .qdpx carry the same codings");
        // issue #17: the own round trip drops nothing (it dropped 8 of 60 when every coder became the importer)
        Assert.That(result.RootElement.GetProperty("codings").GetInt32(), Is.EqualTo(selections));
        using var coders = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{arnhem}/file-coders"));
        var fileCoder = coders.RootElement.EnumerateArray().First();
        Assert.That(fileCoder.GetProperty("userId").ValueKind, Is.EqualTo(JsonValueKind.Null), "never linked by name");
        var researcher = (await _factory.Services.GetRequiredService<RoundStore>().ListResearchersAsync(arnhem))[0];
        using var refused = await api.PostAsJsonAsync($"/api/v1/projects/{arnhem}/file-coders/{fileCoder.GetProperty("id").GetInt64()}/account", new { userId = 0 });
        using var mapped = await api.PostAsJsonAsync($"/api/v1/projects/{arnhem}/file-coders/{fileCoder.GetProperty("id").GetInt64()}/account", new { userId = researcher.Id });
        using var unknown = await api.PostAsJsonAsync($"/api/v1/projects/{arnhem}/file-coders/999999/account", new { userId = researcher.Id });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("onderzoeker van dit project"));
        Assert.That(mapped.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await mapped.Content.ReadAsStringAsync());
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(result.RootElement.GetProperty("codings").GetInt32(), Is.LessThanOrEqualTo(selections));
    }
}
