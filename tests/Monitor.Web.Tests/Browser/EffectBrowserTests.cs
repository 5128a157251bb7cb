using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Projects;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Browser;

/// <summary>The anonymous questionnaire on a phone and the analysis page (issue #18), in Debian's Chromium.</summary>
public sealed class EffectBrowserTests : BrowserTestBase
{
    [Test]
    [Description("issue #18: a respondent fills in the questionnaire on a 390 px phone without logging in; the researcher sees the answer in the analysis")]
    public async Task ARespondentAnswersOnAPhoneAndTheResearcherSeesIt()
    {
        var projectId = (await Factory.Services.GetRequiredService<ProjectStore>().ListAsync()).Single(p => p.Slug == "keuzehulp-werkzaak").Id;
        var actor = new Monitor.Core.Data.Actor(null, "test");
        var questionnaireId = (await Factory.Services.GetRequiredService<QuestionnaireStore>().CreateAsync(projectId, "Cliëntkaart nameting", TargetGroup.Clienten,
            [new ItemDraft("Hoe vond u het gesprek?", ItemKind.Smiley5), new ItemDraft("Mocht u meebeslissen?", ItemKind.JaNeeWeetNiet), new ItemDraft("Wat kan beter?", ItemKind.Open)], actor))!.Value;
        var rounds = Factory.Services.GetRequiredService<SurveyRoundStore>();
        var roundId = (await rounds.CreateAsync(projectId, questionnaireId, new RoundDraft("Nameting cliënten", Measurement.Nameting, new DateOnly(2020, 1, 1), new DateOnly(2099, 12, 31), 66, Sidedness.Groter), actor))!.Value;
        var token = (await rounds.CreateLinkAsync(projectId, roundId, Condition.Ongetraind, actor))!;

        var (page, errors) = await OpenAsync(390, $"/vragenlijst/{token}");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Vragenlijst" }).WaitForAsync();
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True);
        await BrowserScreens.SaveScreenshotAsync(page, "vragenlijst-390.png");
        await page.GetByLabel("🙂 4").CheckAsync();
        await page.GetByLabel("ja", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Wat kan beter?").FillAsync("Meer tijd");
        await BrowserWaits.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }));
        Assert.That(await page.Locator("p.notice").InnerTextAsync(), Does.StartWith("Dank u wel"));
        Assert.That(errors, Is.Empty);

        var (researcher, _) = await OpenAsync(1280, $"/projecten/{projectId}/effectmeting", Login.Researcher);
        var section = researcher.Locator($"[data-testid=round-{roundId}]");
        await section.WaitForAsync();
        Assert.That(await section.InnerTextAsync(), Does.Contain("1 antwoorden (0 getraind, 1 niet getraind)"));
        await BrowserScreens.SaveScreenshotAsync(researcher, "effectmeting-1280.png");
    }

    [Test]
    [Description("issue #18: the effect page with the answers as diverging stacked bars and a MIDI survey tracked over its round with its profile, at 1280 and 390 px without sideways scrolling")]
    public async Task TheEffectPageShowsItsChartsOnADesktopAndAPhone()
    {
        var projectId = (await Factory.Services.GetRequiredService<ProjectStore>().ListAsync()).Single(p => p.Slug == "samen-beslissen-arnhem").Id;
        var actor = new Monitor.Core.Data.Actor(null, "test");
        var midiId = (await Factory.Services.GetRequiredService<MidiSurveyStore>().CreateAsync(projectId, "MIDI professionals (synthetische antwoorden)", TargetGroup.Professionals, new MidiThresholds(), actor))!.Value;
        var midi = (await Factory.Services.GetRequiredService<QuestionnaireStore>().ListAsync(projectId)).Single(q => q.Id == midiId);
        var rounds = Factory.Services.GetRequiredService<SurveyRoundStore>();
        var roundId = (await rounds.CreateAsync(projectId, midiId, new RoundDraft("MIDI juli 2022 (synthetisch)", Measurement.Nameting, new DateOnly(2022, 7, 1), new DateOnly(2022, 7, 31), 40, Sidedness.Tweezijdig), actor))!.Value;
        var random = new Random(4);
        for (var r = 0; r < 12; r++)
        {
            var answers = midi.Items.Where(i => i.Kind != ItemKind.Open).ToDictionary(i => i.Id, i => (string?)(i.Kind == ItemKind.JaNeeWeetNiet
                ? (random.Next(4) == 0 ? "nee" : "ja")
                : random.Next(2, 6).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await rounds.AddPaperAsync(projectId, roundId, r % 2 == 0 ? Condition.Getraind : Condition.Ongetraind, answers, actor);
        }

        foreach (var width in new[] { 1280, 390 })
        {
            var (page, errors) = await OpenAsync(width, $"/projecten/{projectId}/effectmeting", Login.Researcher);
            await Microsoft.Playwright.Assertions.Expect(page.Locator("svg.chart-likert").First).ToBeVisibleAsync();
            await Microsoft.Playwright.Assertions.Expect(page.Locator($"[data-testid=midi-{midiId}] svg.chart-profile")).ToBeVisibleAsync();
            await Microsoft.Playwright.Assertions.Expect(page.Locator($"[data-testid=midi-{midiId}] table.midi-track")).ToContainTextAsync("Complexiteit");
            Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, $"{width} px");
            await BrowserScreens.SaveScreenshotAsync(page, $"effectmeting-grafieken-{width}.png");
            // the page is long (a table and chart per round): the parts with the charts, to look at
            var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
            await page.Locator("figure.chart").Nth(2).ScreenshotAsync(new() { Path = Path.Combine(folder, $"effectmeting-likert-{width}.png") });
            await page.Locator($"[data-testid=midi-{midiId}]").ScreenshotAsync(new() { Path = Path.Combine(folder, $"effectmeting-midi-{width}.png") });
            Assert.That(errors, Is.Empty);
        }
    }
}
