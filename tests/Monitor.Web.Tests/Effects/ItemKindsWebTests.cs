using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Effects;

/// <summary>The item kinds getal, enkelekeuze and meerderekeuzes and own answer labels through the API, the anonymous form, the CSV and the editor (issue #18).</summary>
[NonParallelizable]
public sealed class ItemKindsWebTests
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

    private static object[] Items() =>
    [
        new { text = "Hoeveel gesprekken voerde u deze week?", kind = "getal", minimum = 0, maximum = 40 },
        new { text = "Wat is uw functie?", kind = "enkelekeuze", options = new[] { "Klantmanager", "Jobcoach", "Anders" } },
        new { text = "Welke hulpmiddelen gebruikt u?", kind = "meerderekeuzes", options = new[] { "waaier", "keuzehulp", "folder" } },
        new { text = "Hoe vaak vraagt u wat de cliënt belangrijk vindt?", kind = "likert5", labels = new[] { "nooit", "zelden", "soms", "vaak", "altijd" } },
    ];

    [Test]
    [Description("issue #18: the anonymous form shows a number input, options as radios and check boxes and the item's own labels, takes each kind, and the CSV has one 0/1 column per option")]
    public async Task TheAnonymousFormTakesEachNewKindAndTheCsvSplitsTicks()
    {
        var projectId = await ProjectIdAsync();
        using var researcher = await _factory.ApiClientAsync(Login.Researcher);
        using var made = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/questionnaires", new { title = "Nieuwe soorten", targetGroup = "professionals", items = Items() });
        Assert.That(made.StatusCode, Is.EqualTo(HttpStatusCode.Created), await made.Content.ReadAsStringAsync());
        var questionnaireId = JsonDocument.Parse(await made.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var round = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/questionnaires/{questionnaireId}/rounds",
            new { name = "Nameting soorten", measurement = "nameting", opensOn = "2020-01-01", closesOn = "2099-12-31" });
        var roundId = JsonDocument.Parse(await round.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var list = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/questionnaires"));
        var stored = list.RootElement.EnumerateArray().Single(q => q.GetProperty("id").GetInt64() == questionnaireId).GetProperty("items");
        var items = stored.EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();
        using var link = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/survey-rounds/{roundId}/links", new { condition = "getraind" });
        var url = new Uri(JsonDocument.Parse(await link.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!).PathAndQuery;
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var form = await anonymous.GetDocumentAsync(url);
        async Task<HttpResponseMessage> PostAsync(params (string, string)[] fields)
        {
            var page = await anonymous.GetDocumentAsync(url);
            using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new("__RequestVerificationToken", page.AntiforgeryToken())));
            return await anonymous.PostAsync(url, content);
        }

        using var bad = await PostAsync(($"item{items[0]}", "41"), ($"item{items[2]}", "1"), ($"item{items[2]}", "7"));
        var badPage = await Html.ParseAsync(bad);
        using var good = await PostAsync(($"item{items[0]}", "3,5"), ($"item{items[1]}", "2"), ($"item{items[2]}", "1"), ($"item{items[2]}", "3"), ($"item{items[3]}", "4"));
        using var second = await PostAsync(($"item{items[1]}", "3"));
        using var paper = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/survey-rounds/{roundId}/paper",
            new { condition = "ongetraind", answers = new Dictionary<string, string> { [items[1].ToString(System.Globalization.CultureInfo.InvariantCulture)] = "Klantmanager", [items[2].ToString(System.Globalization.CultureInfo.InvariantCulture)] = "waaier;folder" } });
        var csv = await researcher.GetStringAsync($"/api/v1/projects/{projectId}/survey-rounds/{roundId}/responses.csv");
        using var analysis = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/survey-rounds/{roundId}/analysis"));

        Assert.That(stored[1].GetProperty("options").EnumerateArray().Select(o => o.GetString()), Is.EqualTo(new[] { "Klantmanager", "Jobcoach", "Anders" }));
        Assert.That(stored[0].GetProperty("maximum").GetDouble(), Is.EqualTo(40));
        Assert.That(form.QuerySelector($"input[name=item{items[0]}]")!.GetAttribute("inputmode"), Is.EqualTo("decimal"));
        Assert.That(form.QuerySelector("#vraag-1")!.TextContent, Does.Contain("Een getal van 0 tot en met 40."));
        Assert.That(form.QuerySelectorAll($"input[type=radio][name=item{items[1]}]").Select(i => i.ParentElement!.TextContent.Trim()), Is.EqualTo(new[] { "Klantmanager", "Jobcoach", "Anders" }));
        Assert.That(form.QuerySelectorAll($"input[type=checkbox][name=item{items[2]}]").Length, Is.EqualTo(3));
        Assert.That(form.QuerySelectorAll($"input[name=item{items[3]}]").Select(i => i.ParentElement!.TextContent.Trim()), Is.EqualTo(new[] { "1 · nooit", "2 · zelden", "3 · soms", "4 · vaak", "5 · altijd" }));
        Assert.That(badPage.QuerySelectorAll("p.error").Select(e => e.TextContent), Is.EqualTo(new[]
        {
            "Het antwoord op vraag 1 moet tussen 0 en 40 liggen.",
            "Bij vraag 3 is '7' geen van de 3 keuzes.",
        }));
        Assert.That((good.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.Redirect, HttpStatusCode.Redirect)));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("respondent;ronde;meting;conditie;bron;v1;v2;v3_optie_1;v3_optie_2;v3_optie_3;v4"));
        Assert.That(lines[1], Does.EndWith(";getraind;web;3.5;2;1;0;1;4"));
        Assert.That(lines[2], Does.EndWith(";getraind;web;;3;;;;"), "an unanswered multiple-choice item is missing, not three zeros");
        Assert.That(paper.StatusCode, Is.EqualTo(HttpStatusCode.Created), "paper through the API: the option by its text, ticks as texts");
        Assert.That(lines[3], Does.EndWith(";ongetraind;papier;;1;1;0;1;"));
        var choices = analysis.RootElement.GetProperty("items")[1].GetProperty("choices");
        Assert.That(choices.GetProperty("a").GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()), Is.EqualTo(new[] { 0, 1, 1 }));
        Assert.That(choices.GetProperty("b").GetProperty("options")[0].GetProperty("share").GetDouble(), Is.EqualTo(1.0));
    }

    [Test]
    [Description("issue #18: the API refuses a choice item with fewer than 2 options, labels on a non-scale item and a too long option as problem+json in Dutch, and writes nothing")]
    public async Task TheApiRefusesWrongOptionsAndLabels()
    {
        var projectId = await ProjectIdAsync();
        using var researcher = await _factory.ApiClientAsync(Login.Researcher);
        async Task<(HttpStatusCode Status, string? Type, string[] Messages)> PostAsync(object item)
        {
            using var response = await researcher.PostAsJsonAsync($"/api/v1/projects/{projectId}/questionnaires", new { title = "Foute vragenlijst", targetGroup = "clienten", items = new[] { item } });
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var messages = body.RootElement.TryGetProperty("errors", out var errors)
                ? errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()!)).ToArray() : [];
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, messages);
        }

        var oneOption = await PostAsync(new { text = "Functie?", kind = "enkelekeuze", options = new[] { "Jobcoach" } });
        var labelsOnNumber = await PostAsync(new { text = "Aantal?", kind = "getal", labels = new[] { "a", "b", "c", "d", "e" } });
        var longOption = await PostAsync(new { text = "Hulpmiddelen?", kind = "meerderekeuzes", options = new[] { "waaier", new string('x', 201) } });

        Assert.That(oneOption, Is.EqualTo((HttpStatusCode.BadRequest, "application/problem+json", new[] { "Vraag 1 is een keuzevraag en heeft 2 tot 20 keuzes nodig; nu 1." })));
        Assert.That(labelsOnNumber.Messages, Is.EqualTo(new[] { "Vraag 1 kan geen eigen antwoordlabels hebben: alleen 5-puntsvragen (likert5, smiley5)." }));
        Assert.That(longOption.Messages, Is.EqualTo(new[] { "Keuze 2 van vraag 1 is te lang: 201 tekens, hooguit 200 toegestaan." }));
        using var list = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/questionnaires"));
        Assert.That(list.RootElement.EnumerateArray().Select(q => q.GetProperty("title").GetString()), Has.None.EqualTo("Foute vragenlijst"));
    }

    [Test]
    [Description("issue #18: the editor takes the new kinds as lines and a built-in label set for its Likert items; a wrong line is reported in Dutch")]
    public async Task TheEditorMakesItemsWithOptionsAndALabelSet()
    {
        var projectId = await ProjectIdAsync();
        var page = $"/projecten/{projectId}/effectmeting";
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);

        using var made = await researcher.PostFormAsync(page, $"{page}?handler=Questionnaire", new Dictionary<string, string>
        {
            ["title"] = "Editor soorten", ["targetGroup"] = "professionals", ["labelSet"] = "frequentie",
            ["items"] = "likert5 | Hoe vaak beslist u samen?\nenkelekeuze | Functie? | klantmanager; jobcoach\ngetal | Aantal? | min 0",
        });
        var madePage = await researcher.GetDocumentAsync(page);
        using var bad = await researcher.PostFormAsync(page, $"{page}?handler=Questionnaire", new Dictionary<string, string>
        {
            ["title"] = "Editor fout", ["targetGroup"] = "professionals", ["labelSet"] = "eigen", ["customLabels"] = "laag\nhoog", ["items"] = "likert5 | Eens?",
        });
        var badPage = await researcher.GetDocumentAsync(page);
        using var list = JsonDocument.Parse(await researcher.GetStringAsync($"/api/v1/projects/{projectId}/questionnaires"));

        Assert.That(madePage.QuerySelector("p.notice")!.TextContent, Is.EqualTo("Vragenlijst 'Editor soorten' gemaakt."));
        var items = list.RootElement.EnumerateArray().Single(q => q.GetProperty("title").GetString() == "Editor soorten").GetProperty("items");
        Assert.That(items[0].GetProperty("answerLabels").EnumerateArray().Select(l => l.GetString()), Is.EqualTo(new[] { "nooit", "zelden", "soms", "vaak", "altijd" }));
        Assert.That(items[1].GetProperty("options").GetArrayLength(), Is.EqualTo(2));
        Assert.That(items[2].GetProperty("minimum").GetDouble(), Is.EqualTo(0));
        Assert.That(badPage.QuerySelector("p.error")!.TextContent, Is.EqualTo("Geef 5 eigen antwoordlabels, één per regel, van laag naar hoog; nu 2."));
    }
}
