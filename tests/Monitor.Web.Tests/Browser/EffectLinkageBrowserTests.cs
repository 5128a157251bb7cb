using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Linkage;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Projects;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Browser;

/// <summary>The anonymous questionnaire with the personal code on a phone, and the linkage, register, paper and import pages (issue #18), in Debian's Chromium.</summary>
public sealed class EffectLinkageBrowserTests : BrowserTestBase
{
    [Test]
    [Description("issue #18: on a 390 px phone the respondent makes the personal code from three questions, a wrong code is explained in Dutch, and the answer links to the voormeting on the linkage page")]
    public async Task ARespondentMakesThePersonalCodeOnAPhone()
    {
        var projectId = (await Factory.Services.GetRequiredService<ProjectStore>().ListAsync()).Single(p => p.Slug == "samen-beslissen-arnhem").Id;
        var actor = new Monitor.Core.Data.Actor(null, "test");
        var questionnaireId = (await Factory.Services.GetRequiredService<QuestionnaireStore>().CreateAsync(projectId, "Professionals voor en na", TargetGroup.Professionals,
            [new ItemDraft("Ik vertel de cliënt dat hij of zij meebeslist.", ItemKind.Likert5), new ItemDraft("Wat zou u anders doen?", ItemKind.Open)], actor))!.Value;
        var rounds = Factory.Services.GetRequiredService<SurveyRoundStore>();
        var linkage = Factory.Services.GetRequiredService<SurveyLinkageStore>();
        var before = (await rounds.CreateAsync(projectId, questionnaireId, new RoundDraft("Voormeting 2022", Measurement.Voormeting, new DateOnly(2020, 1, 1), new DateOnly(2099, 12, 31), 60, Sidedness.Groter), actor))!.Value;
        var after = (await rounds.CreateAsync(projectId, questionnaireId, new RoundDraft("Nameting 2022", Measurement.Nameting, new DateOnly(2020, 1, 1), new DateOnly(2099, 12, 31), 60, Sidedness.Groter), actor))!.Value;
        await linkage.SetPersonalCodeAsync(projectId, before, true, actor);
        await linkage.SetPersonalCodeAsync(projectId, after, true, actor);
        var preToken = (await rounds.CreateLinkAsync(projectId, before, Condition.Getraind, actor))!;
        await rounds.SubmitAsync(preToken, new Dictionary<long, string?> { [(await Factory.Services.GetRequiredService<QuestionnaireStore>().ListAsync(projectId)).Single(q => q.Id == questionnaireId).Items[0].Id] = "2" },
            new PersonalCode("MA", 7, 3));
        var token = (await rounds.CreateLinkAsync(projectId, after, Condition.Getraind, actor))!;

        var (page, errors) = await OpenAsync(390, $"/vragenlijst/{token}");
        await page.GetByRole(AriaRole.Group, new() { Name = "Uw persoonlijke code" }).WaitForAsync();
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True);
        await BrowserScreens.SaveScreenshotAsync(page, "vragenlijst-code-390.png");
        await page.GetByLabel("De eerste twee letters van de voornaam van uw moeder").FillAsync("M");
        await page.GetByLabel("De dag van uw geboortedatum (1–31)").FillAsync("7");
        await page.GetByLabel("Het laatste cijfer van uw huisnummer").FillAsync("3");
        await page.GetByLabel("4 · eens", new() { Exact = true }).CheckAsync();
        await BrowserWaits.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }));
        await Assertions.Expect(page.Locator("p.error")).ToHaveTextAsync("Vul de eerste twee letters van de voornaam van uw moeder in (twee letters).");
        await BrowserScreens.SaveScreenshotAsync(page, "vragenlijst-code-fout-390.png");
        await page.GetByLabel("De eerste twee letters van de voornaam van uw moeder").FillAsync("Ma");
        await BrowserWaits.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }));
        await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync("Dank u wel");
        Assert.That(errors, Is.Empty);

        foreach (var width in new[] { 390, 1280 })
        {
            var (researcher, researcherErrors) = await OpenAsync(width, $"/projecten/{projectId}/effectmeting/koppeling?voor={before}&na={after}", Login.Researcher);
            await Assertions.Expect(researcher.Locator("[data-testid=linkage-rate]")).ToContainTextAsync("1 gekoppelde paren");
            Assert.That(await BrowserScreens.NoSidewaysScrollAsync(researcher), Is.True, $"koppeling at {width}");
            await BrowserScreens.SaveScreenshotAsync(researcher, $"koppeling-{width}.png");
            foreach (var (path, name) in new[] { ("trainingsregister", "trainingsregister"), ($"papier?ronde={after}", "papier"), ($"import?ronde={after}", "import") })
            {
                await researcher.GotoAsync(new Uri(Factory.ServerAddress, $"/projecten/{projectId}/effectmeting/{path}").ToString());
                await Assertions.Expect(researcher.Locator("h1")).Not.ToBeEmptyAsync();
                Assert.That(await BrowserScreens.NoSidewaysScrollAsync(researcher), Is.True, $"{name} at {width}");
                await BrowserScreens.SaveScreenshotAsync(researcher, $"{name}-{width}.png");
            }

            // the import's mapping and preview step with a small export
            await researcher.Locator("#file").SetInputFilesAsync(new FilePayload
            {
                Name = "survalyzer.csv",
                MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes("Groep;Ik vertel de cliënt dat hij of zij meebeslist;Wat zou u anders doen?;Code\ngeel;Helemaal mee eens;Meer tijd nemen;JO123\nwit;Soms;;\n"),
            });
            await BrowserWaits.SubmitAsync(researcher, researcher.GetByRole(AriaRole.Button, new() { Name = "Bestand lezen" }));
            await BrowserWaits.SubmitAsync(researcher, researcher.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld bekijken" }));
            await Assertions.Expect(researcher.Locator("[data-testid=refused-rows]")).ToHaveTextAsync("Rij 3: het antwoord op vraag 1 moet een geheel getal van 1 tot en met 5 zijn.");
            Assert.That(await BrowserScreens.NoSidewaysScrollAsync(researcher), Is.True, $"import preview at {width}");
            await BrowserScreens.SaveScreenshotAsync(researcher, $"import-voorbeeld-{width}.png");
            Assert.That(researcherErrors, Is.Empty);
        }
    }
}
