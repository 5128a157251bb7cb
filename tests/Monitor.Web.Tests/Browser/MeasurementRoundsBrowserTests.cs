using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Projects;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Browser;

/// <summary>The linkage page with pairs per condition and the register editing (issue #18), at 1280 and 390 px in Debian's Chromium.</summary>
public sealed class MeasurementRoundsBrowserTests : BrowserTestBase
{
    [Test]
    [Description("issue #18: the linkage page opens on the demo's default pair with the pairs per condition and the difference of change, without sideways scrolling, at 1280 and 390 px")]
    public async Task TheLinkagePageShowsPairsPerCondition()
    {
        var projectId = (await Factory.Services.GetRequiredService<ProjectStore>().ListAsync()).Single(p => p.Slug == "samen-beslissen-arnhem").Id;
        foreach (var width in new[] { 1280, 390 })
        {
            var (page, errors) = await OpenAsync(width, $"/projecten/{projectId}/effectmeting/koppeling", Login.Researcher);
            await Assertions.Expect(page.Locator("[data-testid=pairs-per-condition]")).ToContainTextAsync("8 paren getraind, 7 paren niet getraind.");
            await Assertions.Expect(page.Locator("[data-testid^=change-difference-]")).ToHaveCountAsync(5);
            Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, $"koppeling at {width}");
            await BrowserScreens.SaveScreenshotAsync(page, $"koppeling-condities-{width}.png");
            await page.Locator("#per-condition").ScrollIntoViewIfNeededAsync();
            await BrowserScreens.SaveScreenshotAsync(page, $"koppeling-condities-tabel-{width}.png", fullPage: false);

            // the effect page: the demo MIDI survey over its two rounds
            await page.GotoAsync(new Uri(Factory.ServerAddress, $"/projecten/{projectId}/effectmeting").ToString());
            var overRounds = page.Locator("[data-testid^=midi-rounds-]");
            await Assertions.Expect(overRounds).ToContainTextAsync("Ronde 2 (okt 2022)");
            await overRounds.ScrollIntoViewIfNeededAsync();
            Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, $"effectmeting at {width}");
            await BrowserScreens.SaveScreenshotAsync(page, $"midi-rondes-{width}.png", fullPage: false);
            Assert.That(errors, Is.Empty);
        }
    }

    [Test]
    [Description("issue #18: on the register page an entry is changed through its 'Wijzigen of verwijderen' form and removed after the question, at 1280 and 390 px")]
    public async Task TheRegisterIsEditedOnThePage()
    {
        var projectId = (await Factory.Services.GetRequiredService<ProjectStore>().ListAsync()).Single(p => p.Slug == "samen-beslissen-arnhem").Id;
        foreach (var width in new[] { 1280, 390 })
        {
            var (page, errors) = await OpenAsync(width, $"/projecten/{projectId}/effectmeting/trainingsregister", Login.ProjectLeader);
            var label = $"Re-integratieprofessional {width}";
            await page.Locator("#reg-label").FillAsync(label);
            await BrowserWaits.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }));
            var row = page.Locator("[data-testid=register] tbody tr", new() { Has = page.Locator("th", new() { HasText = label }) });
            await row.Locator("summary").ClickAsync();
            await row.GetByLabel("Trainingsgroep").FillAsync("Groep 3");
            await row.GetByLabel("Getraind op").FillAsync("2022-06-01");
            Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, $"register form at {width}");
            await BrowserScreens.SaveScreenshotAsync(page, $"trainingsregister-wijzigen-{width}.png");
            await BrowserWaits.SubmitAsync(page, row.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }));
            await Assertions.Expect(page.Locator("p.notice")).ToHaveTextAsync($"'{label}' is gewijzigd.");
            await Assertions.Expect(row).ToContainTextAsync("Groep 3");

            var asked = new TaskCompletionSource<string>();
            async void Accept(object? sender, IDialog dialog)
            {
                asked.TrySetResult(dialog.Message);
                await dialog.AcceptAsync();
            }

            page.Dialog += Accept;
            await row.Locator("summary").ClickAsync();
            await BrowserWaits.SubmitAsync(page, row.GetByRole(AriaRole.Button, new() { Name = "Verwijderen" }));
            page.Dialog -= Accept;
            Assert.That(await asked.Task.WaitAsync(TimeSpan.FromSeconds(10)), Does.StartWith($"'{label}' uit het trainingsregister verwijderen?"));
            await Assertions.Expect(page.Locator("p.notice")).ToHaveTextAsync($"'{label}' is uit het trainingsregister verwijderd.");
            await Assertions.Expect(row).ToHaveCountAsync(0);
            await BrowserScreens.SaveScreenshotAsync(page, $"trainingsregister-verwijderd-{width}.png");
            Assert.That(errors, Is.Empty);
        }
    }
}
