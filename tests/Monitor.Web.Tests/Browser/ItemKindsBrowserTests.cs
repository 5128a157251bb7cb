using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Projects;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Browser;

/// <summary>The new item kinds (number, single and multiple choice, own labels) on the phone form and the editor (issue #18), in Debian's Chromium.</summary>
public sealed class ItemKindsBrowserTests : BrowserTestBase
{
    [Test]
    [Description("issue #18: a respondent answers a number, a single and a multiple choice and a Likert item with its own labels at 390 and 1280 px; the researcher sees the counts per option")]
    public async Task ARespondentAnswersEachNewKindAndTheEditorOffersLabelSets()
    {
        var projectId = (await Factory.Services.GetRequiredService<ProjectStore>().ListAsync()).Single(p => p.Slug == "keuzehulp-werkzaak").Id;
        var actor = new Monitor.Core.Data.Actor(null, "test");
        var questionnaireId = (await Factory.Services.GetRequiredService<QuestionnaireStore>().CreateAsync(projectId, "Nameting nieuwe soorten", TargetGroup.Professionals,
        [
            new ItemDraft("Hoeveel keuzegesprekken voerde u deze week?", ItemKind.Getal) { Minimum = 0, Maximum = 40 },
            new ItemDraft("Wat is uw functie?", ItemKind.EnkeleKeuze) { Options = ["Klantmanager", "Jobcoach", "Werkconsulent", "Anders"] },
            new ItemDraft("Welke hulpmiddelen gebruikt u in het gesprek?", ItemKind.MeerdereKeuzes) { Options = ["De keuzehulp op papier", "De keuzehulp online", "De waaier", "Geen"] },
            new ItemDraft("Hoe vaak vraagt u wat de cliënt belangrijk vindt?", ItemKind.Likert5) { Labels = LabelSets.Find("frequentie")!.Labels },
        ], actor))!.Value;
        var rounds = Factory.Services.GetRequiredService<SurveyRoundStore>();
        var roundId = (await rounds.CreateAsync(projectId, questionnaireId, new RoundDraft("Nameting soorten", Measurement.Nameting, new DateOnly(2020, 1, 1), new DateOnly(2099, 12, 31), 20, Sidedness.Tweezijdig), actor))!.Value;
        var token = (await rounds.CreateLinkAsync(projectId, roundId, Condition.Getraind, actor))!;
        var questionnaire = (await Factory.Services.GetRequiredService<QuestionnaireStore>().ListAsync(projectId)).Single(q => q.Id == questionnaireId);
        await rounds.AddPaperAsync(projectId, roundId, Condition.Ongetraind, new Dictionary<long, string?> { [questionnaire.Items[1].Id] = "1", [questionnaire.Items[2].Id] = "3" }, actor);

        foreach (var width in new[] { 1280, 390 })
        {
            var (page, errors) = await OpenAsync(width, $"/vragenlijst/{token}");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Vragenlijst" }).WaitForAsync();
            Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, $"{width} px");
            await BrowserScreens.SaveScreenshotAsync(page, $"vragenlijst-soorten-{width}.png");
            if (width == 390)
            {
                await page.GetByLabel("Hoeveel keuzegesprekken voerde u deze week?").FillAsync("3,5");
                await page.GetByLabel("Jobcoach").CheckAsync();
                await page.GetByLabel("De keuzehulp online").CheckAsync();
                await page.GetByLabel("De waaier").CheckAsync();
                await page.GetByLabel("4 · vaak").CheckAsync();
                await BrowserWaits.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }));
                Assert.That(await page.Locator("p.notice").InnerTextAsync(), Does.StartWith("Dank u wel"));
            }

            Assert.That(errors, Is.Empty);
        }

        foreach (var width in new[] { 1280, 390 })
        {
            var (researcher, errors) = await OpenAsync(width, $"/projecten/{projectId}/effectmeting", Login.Researcher);
            var section = researcher.Locator($"[data-testid=round-{roundId}]");
            await section.WaitForAsync();
            await Microsoft.Playwright.Assertions.Expect(section).ToContainTextAsync("De keuzehulp online: 1 (100 %)");
            Assert.That(await BrowserScreens.NoSidewaysScrollAsync(researcher), Is.True, $"{width} px");
            var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            await section.ScreenshotAsync(new() { Path = Path.Combine(folder, $"effectmeting-soorten-{width}.png") });
            await researcher.Locator("[data-testid=questionnaire-form]").ScreenshotAsync(new() { Path = Path.Combine(folder, $"vragenlijst-editor-{width}.png") });
            Assert.That(errors, Is.Empty);
        }
    }
}
