using System.Text;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Coding;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Coding;

/// <summary>The coding pages against the demo data (with the demo codings and the closed Keuzehulp round).</summary>
public sealed class CodingPagesTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    private async Task<long> ProjectIdAsync(string slug)
    {
        using var admin = await _factory.ApiClientAsync(Login.Admin);
        using var projects = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/projects"));
        return projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug).GetProperty("id").GetInt64();
    }

    [Test]
    public async Task AResearcherCodesMinutesThroughTheFormAndFindsTheFragmentInTheMatrixAndRetrieval()
    {
        var projectId = await ProjectIdAsync("keuzehulp-werkzaak");
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher2);
        var documents = _factory.Services.GetRequiredService<CodingDocumentStore>();
        var document = (await documents.ListDocumentsAsync(projectId)).First(d => d.Kind == DocumentKind.Verslag);
        var url = $"/projecten/{projectId}/codering/documenten/{document.Id}";
        var index = await researcher.GetDocumentAsync($"/projecten/{projectId}/codering");
        Assert.That(index.QuerySelector($"[data-testid=coding-documents] a[href='{url}']"), Is.Not.Null);
        var page = await researcher.GetDocumentAsync(url);
        var codeId = page.QuerySelectorAll("#codeId option").Single(o => o.GetAttribute("data-key") == "midi-20").GetAttribute("value")!;

        using var response = await researcher.PostFormAsync(url, url + "?handler=add", new Dictionary<string, string>
        {
            ["start"] = "0",
            ["end"] = "12",
            ["codeId"] = codeId,
            ["valence"] = "belemmerend",
            ["memo"] = "capaciteit",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var after = await researcher.GetDocumentAsync(url);
        Assert.That(after.QuerySelector("[data-testid=doc-text] mark.coded.val-belemmerend"), Is.Not.Null);
        Assert.That(after.QuerySelector("[data-testid=coding-list]")!.TextContent, Does.Contain("Onderzoeker TNO 2 (demo)").And.Contain("capaciteit"));
        var matrix = await researcher.GetDocumentAsync($"/projecten/{projectId}/codering/matrix?per=groep");
        var row = matrix.QuerySelectorAll("[data-testid=matrix] tbody tr").Single(r => r.QuerySelector("th")!.TextContent.StartsWith("20 ·", StringComparison.Ordinal));
        var link = row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("groep=", StringComparison.Ordinal));
        var fragments = await researcher.GetDocumentAsync(link + "&valentie=belemmerend&codeur=" + (await _factory.Services.GetRequiredService<FragmentQueries>().ListFragmentsAsync(projectId, new FragmentFilter { Limit = int.MaxValue })).First(f => f.Coding.Memo == "capaciteit").Coding.CoderId);
        Assert.That(fragments.QuerySelector("[data-testid=fragments]")!.TextContent, Does.Contain("capaciteit"));
        Assert.That(fragments.QuerySelectorAll("[data-testid=fragments] li"), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task OffsetsOutsideTheTextGiveADutchMessageAndSaveNothing()
    {
        var projectId = await ProjectIdAsync("keuzehulp-werkzaak");
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);
        var documents = _factory.Services.GetRequiredService<CodingDocumentStore>();
        var document = (await documents.ListDocumentsAsync(projectId)).First(d => d.Kind == DocumentKind.Verslag);
        var url = $"/projecten/{projectId}/codering/documenten/{document.Id}";
        var before = (await documents.ListDocumentsAsync(projectId)).Sum(d => d.CodingCount);

        using var response = await researcher.PostFormAsync(url, url + "?handler=add", new Dictionary<string, string>
        {
            ["start"] = "10",
            ["end"] = (document.Length + 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["codeId"] = "1",
            ["valence"] = "bevorderend",
        });

        var after = await researcher.GetDocumentAsync(url);
        Assert.That(after.QuerySelector("[role=alert]")!.TextContent, Does.Contain("ligt niet binnen de tekst"));
        Assert.That((await documents.ListDocumentsAsync(projectId)).Sum(d => d.CodingCount), Is.EqualTo(before));
    }

    [Test]
    public async Task AnUploadThatIsNotAWordFileIsRefusedAndATextFileBecomesADocument()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);
        var url = $"/projecten/{projectId}/codering";

        async Task<HttpResponseMessage> UploadAsync(string fileName, byte[] bytes)
        {
            var page = await researcher.GetDocumentAsync(url);
            using var form = new MultipartFormDataContent
            {
                { new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken" },
                { new StringContent("Interview teamleider"), "title" },
                { new StringContent("interview"), "sourceType" },
                { new ByteArrayContent(bytes), "file", fileName },
            };
            return await researcher.PostAsync(url + "?handler=Upload", form);
        }

        using var bad = await UploadAsync("interview.docx", "dit is geen Word-bestand"u8.ToArray());
        var afterBad = await researcher.GetDocumentAsync(url);
        Assert.That(afterBad.QuerySelector("[role=alert]")!.TextContent, Does.Contain("interview.docx").And.Contain("Word"));

        using var large = await UploadAsync("groot.txt", Encoding.UTF8.GetBytes(new string('a', 3 * 1024 * 1024)));
        var afterLarge = await researcher.GetDocumentAsync(url);
        Assert.That(afterLarge.QuerySelector("[role=alert]")!.TextContent, Does.Contain("groot.txt").And.Contain("groter dan"));

        using var good = await UploadAsync("interview.txt", "\uFEFFVraag: hoe ging het?\r\nAntwoord: de cliënt koos zelf."u8.ToArray());
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var document = await researcher.GetDocumentAsync(good.Headers.Location!.OriginalString);
        Assert.That(document.QuerySelector("[data-testid=doc-text]")!.TextContent, Is.EqualTo("Vraag: hoe ging het?\nAntwoord: de cliënt koos zelf."));
    }

    [Test]
    public async Task TheClosedDemoRoundShowsAgreementWithFormulasAndLetsAResearcherSettleADisagreement()
    {
        var projectId = await ProjectIdAsync("keuzehulp-werkzaak");
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);
        var round = (await _factory.Services.GetRequiredService<RoundStore>().ListRoundsAsync(projectId)).Single();
        var url = $"/projecten/{projectId}/codering/rondes/{round.Id}";

        var page = await researcher.GetDocumentAsync(url);

        Assert.That(page.QuerySelector("[data-testid=round-status]")!.TextContent, Is.EqualTo("gesloten"));
        var kappa = double.Parse(page.QuerySelector("[data-testid=pooled-kappa]")!.TextContent, System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
        Assert.That(kappa, Is.InRange(0.5, 0.9));
        Assert.That(page.QuerySelector(".formulas")!.TextContent, Does.Contain("κ = (Po − Pe) / (1 − Pe)"));
        Assert.That(page.QuerySelector("[data-testid=agreement-versions]")!.TextContent, Does.Contain("berekend op").And.Contain("versie 1 van"));
        Assert.That(page.QuerySelector("[data-testid=nominal-alpha]")!.TextContent, Does.Match(@"^-?\d,\d{3}$"), "the nominal α with one code per paragraph is offered beside the binary one");
        Assert.That(page.QuerySelector("[data-testid=agreement]")!.TextContent, Does.Contain("nominaal: één code per alinea").And.Contain("binair"));
        Assert.That(page.QuerySelectorAll("[data-testid=valence-kappa]").Select(k => k.TextContent), Has.Some.Not.EqualTo("—"), "valence agreement is measured on the demo round");
        var open = page.QuerySelectorAll("[data-testid=disagreements] li.open");
        Assert.That(open, Is.Not.Empty);
        var differenceId = open[0].QuerySelector("input[name=differenceId]")!.GetAttribute("value")!;

        using var response = await researcher.PostFormAsync(url, url + "?handler=Settle", new Dictionary<string, string> { ["differenceId"] = differenceId, ["accept"] = "false" });

        var after = await researcher.GetDocumentAsync(url);
        Assert.That(after.QuerySelectorAll("[data-testid=disagreements] li.open"), Has.Length.EqualTo(open.Length - 1));
        Assert.That(after.QuerySelector("[role=status]")!.TextContent, Does.Contain("Afgewezen"));
    }

    [Test]
    public async Task TheBuiltInCodebooksAreShownWithGuidanceAndExportAsQdc()
    {
        var projectId = await ProjectIdAsync("keuzehulp-werkzaak");
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);

        var page = await researcher.GetDocumentAsync($"/projecten/{projectId}/codeboeken");
        var midi = page.QuerySelector("[data-testid=codebook-midi]")!;
        var qdc = await researcher.GetAsync(midi.QuerySelector("a[download]")!.GetAttribute("href"));

        Assert.That(midi.QuerySelectorAll("li").Length, Is.EqualTo(33));
        Assert.That(midi.QuerySelectorAll(".guidance"), Has.Length.EqualTo(29));
        Assert.That(qdc.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await qdc.Content.ReadAsStringAsync(), Does.Contain("urn:QDA-XML:codebook:1.0").And.Contain("Procedurele helderheid"));
    }
}
