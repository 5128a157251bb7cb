using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Effects;

/// <summary>Training register, pre/post linkage, paper entry and import of responses through the real host (issue #18).</summary>
[NonParallelizable]
public sealed class EffectLinkageTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    private async Task<long> ProjectIdAsync()
    {
        using var admin = await _factory.LoggedInClientAsync(Login.Admin);
        using var projects = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/projects"));
        return projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "samen-beslissen-arnhem").GetProperty("id").GetInt64();
    }

    private static async Task<long> IdAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

    /// <summary>A questionnaire of two Likert items and an open one with a voormeting and a nameting, both open.</summary>
    private async Task<(long ProjectId, long Before, long After, long[] Items, HttpClient Researcher)> RoundsAsync(string title)
    {
        var projectId = await ProjectIdAsync();
        var researcher = await _factory.ApiClientAsync(Login.Researcher);
        using var made = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/questionnaires", new
        {
            title,
            targetGroup = "professionals",
            items = new object[]
            {
                new { text = "Ik vertel de cliënt dat hij of zij meebeslist.", kind = "likert5" },
                new { text = "Ik leg de cliënt meerdere mogelijkheden voor.", kind = "likert5" },
                new { text = "Wat zou u anders doen?", kind = "open" },
            },
        });
        var questionnaireId = await IdAsync(made);
        async Task<long> RoundAsync(string name, string measurement)
        {
            using var round = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/questionnaires/{questionnaireId}/rounds",
                new { name, measurement, opensOn = "2020-01-01", closesOn = "2099-12-31", sidedness = "groter" });
            return await IdAsync(round);
        }

        var before = await RoundAsync($"{title} voor", "voormeting");
        var after = await RoundAsync($"{title} na", "nameting");
        using var questionnaires = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/questionnaires"));
        var items = questionnaires.RootElement.EnumerateArray().Single(q => q.GetProperty("id").GetInt64() == questionnaireId).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetInt64()).ToArray();
        return (projectId, before, after, items, researcher);
    }

    private static string S(long value) => value.ToString(CultureInfo.InvariantCulture);

    [Test]
    [Description("issue #18: the training register through API and page: the demo's 20 trained professionals in two groups, a new entry, Dutch refusals; management may not read it")]
    public async Task TheTrainingRegisterKeepsWhoWasTrainedAndWhen()
    {
        var projectId = await ProjectIdAsync();
        using var researcher = await _factory.ApiClientAsync(Login.Researcher);
        using var management = await _factory.ApiClientAsync(Login.Management);
        var api = $"/api/v1/projects/{projectId}/training-register";
        using var added = await researcher.PostAsJsonAsync(api, new { label = "Re-integratieprofessional 40", cohort = "" });
        using var twice = await researcher.PostAsJsonAsync(api, new { label = "Re-integratieprofessional 40" });
        using var badDate = await researcher.PostAsJsonAsync(api, new { label = "Re-integratieprofessional 41", trainedOn = "17-03-2022x" });
        using var register = JsonDocument.Parse(await researcher.GetStringAsync(api));
        using var forbidden = await management.GetAsync(api);
        var page = $"/projecten/{projectId}/effectmeting/trainingsregister";
        using var browser = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        using var posted = await browser.PostFormAsync(page, page, new Dictionary<string, string> { ["label"] = "Re-integratieprofessional 42", ["cohort"] = "Groep 3", ["trainedOn"] = "2022-06-01" });
        var shown = await browser.GetDocumentAsync(page);

        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await twice.Content.ReadAsStringAsync(), Does.Contain("staat al in het trainingsregister"));
        Assert.That(badDate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var entries = register.RootElement.EnumerateArray().ToList();
        Assert.That(entries.Count(e => e.GetProperty("trainedOn").ValueKind == JsonValueKind.String), Is.EqualTo(20), "seed 000: 20 trained");
        Assert.That(entries.Where(e => e.GetProperty("trainedOn").ValueKind == JsonValueKind.String).Select(e => e.GetProperty("cohort").GetString()).Distinct().Count(), Is.EqualTo(2), "in two groups");
        Assert.That(entries.Single(e => e.GetProperty("label").GetString() == "Re-integratieprofessional 40").GetProperty("condition").GetString(), Is.EqualTo("ongetraind"));
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(shown.QuerySelector("p.notice")!.TextContent, Is.EqualTo("'Re-integratieprofessional 42' staat in het trainingsregister."));
        Assert.That(shown.QuerySelector("[data-testid=register]")!.TextContent, Does.Contain("Groep 3").And.Contain("niet getraind"));
    }

    [Test]
    [Description("issue #18: personal invitations per register entry: the form asks no code, takes one answer, takes the condition from the register; the pre and post answers of the same invitee pair up")]
    public async Task PersonalInvitationsLinkThePreAndPostMeasurement()
    {
        var (projectId, before, after, items, researcher) = await RoundsAsync("Uitnodigingen");
        using var pre = JsonDocument.Parse(await (await researcher.PostAsync($"/api/v1/projects/{projectId}/survey-rounds/{before}/invitations", null)).Content.ReadAsStringAsync());
        using var post = JsonDocument.Parse(await (await researcher.PostAsync($"/api/v1/projects/{projectId}/survey-rounds/{after}/invitations", null)).Content.ReadAsStringAsync());
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        async Task<HttpResponseMessage> AnswerAsync(string url, int first, int second)
        {
            var path = new Uri(url).PathAndQuery;
            var form = await anonymous.GetDocumentAsync(path);
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [$"item{items[0]}"] = S(first), [$"item{items[1]}"] = S(second), ["__RequestVerificationToken"] = form.AntiforgeryToken(),
            });
            return await anonymous.PostAsync(path, content);
        }

        var preLinks = pre.RootElement.EnumerateArray().ToList();
        var postLinks = post.RootElement.EnumerateArray().ToList();
        var firstForm = await anonymous.GetDocumentAsync(new Uri(preLinks[0].GetProperty("url").GetString()!).PathAndQuery);
        int[] beforeAnswers = [2, 3, 3, 2, 4, 3];
        int[] afterAnswers = [4, 4, 5, 3, 4, 5];
        for (var i = 0; i < 6; i++)
        {
            using var a = await AnswerAsync(preLinks[i].GetProperty("url").GetString()!, beforeAnswers[i], 3);
            using var b = await AnswerAsync(postLinks[i].GetProperty("url").GetString()!, afterAnswers[i], 3);
            Assert.That((a.StatusCode, b.StatusCode), Is.EqualTo((HttpStatusCode.Redirect, HttpStatusCode.Redirect)));
        }

        var used = await anonymous.GetDocumentAsync(new Uri(preLinks[0].GetProperty("url").GetString()!).PathAndQuery);
        using var paired = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/survey-rounds/{after}/paired/{before}"));
        using var management = await _factory.ApiClientAsync(Login.Management);
        using var managed = JsonDocument.Parse(await management.GetStringAsync($"/api/v1/projects/{projectId}/survey-rounds/{after}/paired/{before}"));
        using var analysis = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/survey-rounds/{before}/analysis"));

        Assert.That(preLinks, Has.Count.GreaterThanOrEqualTo(20));
        Assert.That(preLinks[0].GetProperty("condition").GetString(), Is.EqualTo("getraind"));
        Assert.That(firstForm.QuerySelector("[data-testid=personal-code]"), Is.Null, "the invitation links; no code needed");
        Assert.That(used.QuerySelector("p.notice")!.TextContent, Is.EqualTo("U hebt deze vragenlijst al ingevuld. Dank u wel!"));
        Assert.That(analysis.RootElement.GetProperty("perCondition").GetProperty("getraind").GetInt32(), Is.EqualTo(6), "demo register entries 1-6 are trained");
        Assert.That(paired.RootElement.GetProperty("pairs").GetInt32(), Is.EqualTo(6));
        Assert.That(paired.RootElement.GetProperty("linkedShareAfter").GetDouble(), Is.EqualTo(1.0));
        var first = paired.RootElement.GetProperty("items")[0];
        Assert.That(first.GetProperty("pairedT").GetProperty("statistic").GetDouble(), Is.EqualTo(4.0).Within(1e-9));
        Assert.That(first.GetProperty("signedRank").GetProperty("p").GetDouble(), Is.LessThan(0.05));
        Assert.That(paired.RootElement.GetProperty("items")[1].GetProperty("signedRank").ValueKind, Is.EqualTo(JsonValueKind.Null), "no pair differs on item 2");
        Assert.That(managed.RootElement.GetProperty("items")[0].GetProperty("suppressed").GetBoolean(), Is.False, "6 pairs");
    }

    [Test]
    [Description("issue #18: a round set to ask the personal code shows its three questions on the anonymous form, refuses an answer without a valid code in Dutch, and links pre and post by the code; the linkage page shows the rate; management sees no item under 5 pairs")]
    public async Task ThePersonalCodeOnTheAnonymousFormLinksRounds()
    {
        var (projectId, before, after, items, researcher) = await RoundsAsync("Persoonlijke code");
        foreach (var round in new[] { before, after })
        {
            using var set = await researcher.PutAsJsonAsync($"/api/v1/projects/{projectId}/survey-rounds/{round}/personal-code", new { asks = true });
            Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        async Task<string> LinkAsync(long round)
        {
            using var link = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/survey-rounds/{round}/links", new { condition = "ongetraind" });
            return new Uri(JsonDocument.Parse(await link.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!).PathAndQuery;
        }

        var preUrl = await LinkAsync(before);
        var postUrl = await LinkAsync(after);
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        async Task<HttpResponseMessage> AnswerAsync(string url, string letters, string day, string digit, int answer)
        {
            var form = await anonymous.GetDocumentAsync(url);
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["codeLetters"] = letters, ["codeDay"] = day, ["codeDigit"] = digit, [$"item{items[0]}"] = S(answer), ["__RequestVerificationToken"] = form.AntiforgeryToken(),
            });
            return await anonymous.PostAsync(url, content);
        }

        var form = await anonymous.GetDocumentAsync(preUrl);
        using var bad = await AnswerAsync(preUrl, "M", "40", "", 3);
        var badPage = await Html.ParseAsync(bad);
        string[] letters = ["MA", "JO", "PE", "AN"];
        for (var i = 0; i < letters.Length; i++)
        {
            using var a = await AnswerAsync(preUrl, letters[i], S(i + 1), "3", 2);
            using var b = await AnswerAsync(postUrl, letters[i].ToLowerInvariant(), S(i + 1), "3", 4 + (i % 2));
            Assert.That((a.StatusCode, b.StatusCode), Is.EqualTo((HttpStatusCode.Redirect, HttpStatusCode.Redirect)));
        }

        using var unlinked = await AnswerAsync(postUrl, "ZZ", "9", "9", 5);
        using var twice = await AnswerAsync(preUrl, "MA", "1", "3", 5);
        var twicePage = await Html.ParseAsync(twice);
        using var browser = await _factory.LoggedInClientAsync(Login.Researcher);
        var page = await browser.GetDocumentAsync($"/projecten/{projectId}/effectmeting/koppeling?voor={before}&na={after}");
        using var manager = await _factory.LoggedInClientAsync(Login.Management);
        var managerPage = await manager.GetDocumentAsync($"/projecten/{projectId}/effectmeting/koppeling?voor={before}&na={after}");

        Assert.That(form.QuerySelector("[data-testid=personal-code]"), Is.Not.Null);
        Assert.That(badPage.QuerySelectorAll("p.error").Select(e => e.TextContent), Is.EqualTo(new[]
        {
            "Vul de eerste twee letters van de voornaam van uw moeder in (twee letters).",
            "Vul de dag van uw geboortedatum in: een getal van 1 tot en met 31.",
            "Vul het laatste cijfer van uw huisnummer in: één cijfer van 0 tot en met 9.",
        }));
        Assert.That(badPage.QuerySelector("#code-letters")!.GetAttribute("value"), Is.EqualTo("M"), "what was typed stays");
        Assert.That(twicePage.QuerySelector("p.error")!.TextContent, Is.EqualTo("Met deze persoonlijke code is in deze ronde al geantwoord."));
        Assert.That(page.QuerySelector("[data-testid=linkage-rate]")!.TextContent, Is.EqualTo("4 gekoppelde paren: 100% van de 4 respondenten van de voormeting en 80% van de 5 van de nameting."));
        Assert.That(page.QuerySelector("[data-testid=paired-items]")!.TextContent, Does.Contain("t = "));
        Assert.That(managerPage.QuerySelector("[data-testid=paired-items]")!.TextContent, Does.Contain("Minder dan 5 gekoppelde paren"));
        Assert.That(managerPage.QuerySelector("[data-testid^=linkage-round]"), Is.Null, "management changes nothing");
    }

    [Test]
    [Description("issue #18: the paper entry page stores a typed-in card as paper with the condition from the card's colour, and refuses a missing colour and an out-of-range answer in Dutch")]
    public async Task APaperCardIsTypedIn()
    {
        var (projectId, before, _, items, researcher) = await RoundsAsync("Kaarten");
        var page = $"/projecten/{projectId}/effectmeting/papier?ronde={before}";
        using var browser = await _factory.LoggedInClientAsync(Login.Researcher);
        using var noColour = await browser.PostFormAsync(page, page, new Dictionary<string, string> { [$"item{items[0]}"] = "9" });
        var refused = await browser.GetDocumentAsync(page);
        using var saved = await browser.PostFormAsync(page, page, new Dictionary<string, string> { ["colour"] = "geel", [$"item{items[0]}"] = "4", [$"item{items[2]}"] = "Meer tijd", ["personalCode"] = "MA073" });
        var done = await browser.GetDocumentAsync(page);
        var csv = await researcher.GetStringAsync($"/api/v1/projects/{projectId}/survey-rounds/{before}/responses.csv");
        using var manager = await _factory.LoggedInClientAsync(Login.Management);
        using var managerGet = await manager.GetAsync(page);

        Assert.That(refused.QuerySelectorAll(".error").Select(e => e.TextContent.Trim()), Does.Contain("Kies de kleur van de kaart: geel (cliënt van een getrainde professional) of wit (niet getraind).")
            .And.Contain("Het antwoord op vraag 1 moet een geheel getal van 1 tot en met 5 zijn."));
        Assert.That(done.QuerySelector("p.notice")!.TextContent, Does.StartWith("Kaart opgeslagen"));
        Assert.That(done.QuerySelectorAll("[data-testid=paper-form] fieldset"), Has.Length.EqualTo(4), "the colour and every item");
        Assert.That(csv, Does.Contain(";voormeting;getraind;papier;4;;Meer tijd"));
        Assert.That(managerGet.StatusCode, Is.EqualTo(HttpStatusCode.Redirect).Or.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    [Description("issue #18: importing another tool's CSV through the API: a preview of what will be taken, then the import with the rows not taken and their reasons")]
    public async Task TheImportApiPreviewsAndImports()
    {
        var (projectId, before, _, items, researcher) = await RoundsAsync("Import API");
        const string export = "Respondent;Conditie;V1;V2\n1;Interventie;Helemaal mee eens;Zeer\n2;wit;2;3\n3;paars;4;4\n";
        var mapping = Uri.EscapeDataString(JsonSerializer.Serialize(new { items = new Dictionary<string, int> { [S(items[0])] = 3, [S(items[1])] = 4 }, conditionColumn = 2, values = new Dictionary<string, string> { ["Zeer"] = "5" } }));
        var url = $"/api/v1/projects/{projectId}/survey-rounds/{before}/import";
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes(export));
        using var preview = await researcher.PostAsync($"{url}/preview?fileName=export.csv&mapping={mapping}", body);
        using var previewJson = JsonDocument.Parse(await preview.Content.ReadAsStringAsync());
        using var body2 = new ByteArrayContent(Encoding.UTF8.GetBytes(export));
        using var imported = await researcher.PostAsync($"{url}?fileName=export.csv&mapping={mapping}", body2);
        using var report = JsonDocument.Parse(await imported.Content.ReadAsStringAsync());
        using var body3 = new ByteArrayContent(Encoding.UTF8.GetBytes(export));
        using var noMapping = await researcher.PostAsync($"{url}?fileName=export.csv&mapping=%7B", body3);
        using var management = await _factory.ApiClientAsync(Login.Management);
        using var body4 = new ByteArrayContent(Encoding.UTF8.GetBytes(export));
        using var forbidden = await management.PostAsync($"{url}?fileName=export.csv&mapping={mapping}", body4);

        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(previewJson.RootElement.GetProperty("taken").GetInt32(), Is.EqualTo(2));
        Assert.That(previewJson.RootElement.GetProperty("first")[0].GetProperty("answers").GetProperty(S(items[0])).GetString(), Is.EqualTo("5"));
        Assert.That(report.RootElement.GetProperty("imported").GetInt32(), Is.EqualTo(2));
        Assert.That(report.RootElement.GetProperty("refused")[0].GetProperty("reason").GetString(), Does.StartWith("Rij 4: de conditie 'paars' is onbekend"));
        Assert.That(noMapping.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    [Description("issue #18: the import page: upload, the columns guessed from the headings, a preview with the rows not taken, and the import with its report")]
    public async Task TheImportPageTakesAFileThroughMappingAndPreview()
    {
        var (projectId, before, _, items, _) = await RoundsAsync("Import pagina");
        var page = $"/projecten/{projectId}/effectmeting/import?ronde={before}";
        using var browser = await _factory.LoggedInClientAsync(Login.Researcher);
        var start = await browser.GetDocumentAsync(page);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(start.AntiforgeryToken()), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Groep;Ik vertel de cliënt dat hij of zij meebeslist;Code\ngeel;Mee eens;MA073\nwit;Soms;\nwit;1;\n")), "file", "survalyzer.csv" },
        };
        using var uploaded = await browser.PostAsync($"{page}&handler=Upload", upload);
        var mapping = await Html.ParseAsync(uploaded);
        var fields = mapping.QuerySelectorAll("[data-testid=mapping-form] input[type=hidden], [data-testid=mapping-form] select")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "-1");
        fields["values"] = "";
        fields["__RequestVerificationToken"] = mapping.AntiforgeryToken();
        using var previewContent = new FormUrlEncodedContent(fields);
        using var previewed = await browser.PostAsync($"{page}&handler=Preview", previewContent);
        var preview = await Html.ParseAsync(previewed);
        using var importContent = new FormUrlEncodedContent(fields);
        using var imported = await browser.PostAsync($"{page}&handler=Import", importContent);
        var report = await Html.ParseAsync(imported);

        Assert.That(mapping.QuerySelector($"#col{items[0]} option[selected]")!.GetAttribute("value"), Is.EqualTo("1"), "guessed from the heading");
        Assert.That(mapping.QuerySelector("#cond-col option[selected]")!.GetAttribute("value"), Is.EqualTo("0"));
        Assert.That(mapping.QuerySelector("#code-col option[selected]")!.GetAttribute("value"), Is.EqualTo("2"));
        Assert.That(preview.QuerySelector("[data-testid=import-preview]")!.TextContent, Does.Contain("2 rijen worden ingelezen, 1 niet"));
        Assert.That(preview.QuerySelector("[data-testid=refused-rows]")!.TextContent.Trim(), Is.EqualTo("Rij 3: het antwoord op vraag 1 moet een geheel getal van 1 tot en met 5 zijn."));
        Assert.That(report.QuerySelector("[data-testid=import-report]")!.TextContent, Does.Contain("2 antwoorden ingelezen; 1 rijen niet."));
    }
}
