using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Projects;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Browser;

/// <summary>The plan versions, one version with its difference, and the factsheet (#23) at phone and desktop width.</summary>
public sealed class PlanVersionBrowserTests : BrowserTestBase
{
    private async Task<long> KeuzehulpAsync() =>
        (await Factory.Services.GetRequiredService<ProjectStore>().ListAsync()).Single(p => p.Slug == "keuzehulp-werkzaak").Id;

    [Test]
    [Description("issue #23: the Keuzehulp versions concept 1 → definitief, and definitief against concept 3, fit 390 px and 1280 px")]
    public async Task TheVersionsAndADifferenceFitPhoneAndDesktop([Values(390, 1280)] int width)
    {
        var projectId = await KeuzehulpAsync();
        var (page, errors) = await OpenAsync(width, $"/projecten/{projectId}/plan/versies", Login.ProjectLeader);

        await Assertions.Expect(page.Locator("[data-testid=versions] tr[data-version-id]")).ToHaveCountAsync(4);
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, "the version list fits");
        await BrowserScreens.SaveScreenshotAsync(page, $"planversies-{width}.png");
        await BrowserWaits.SubmitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "4 · Definitief" }));

        await Assertions.Expect(page.Locator("[data-testid=diff]")).ToContainTextAsync("Van Concept 3 naar Definitief");
        await Assertions.Expect(page.Locator("[data-testid=diff] li[data-change=toegevoegd]")).ToContainTextAsync("Ervaringen van professionals");
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, "the difference fits");
        await BrowserScreens.SaveScreenshotAsync(page, $"planversie-{width}.png");
        Assert.That(errors, Is.Empty);
    }

    [Test]
    [Description("issue #23: the plan page names its baseline and shows what moved since")]
    public async Task ThePlanPageShowsItsDeviationsFromTheBaseline([Values(390)] int width)
    {
        var projectId = await KeuzehulpAsync();
        var (page, errors) = await OpenAsync(width, $"/projecten/{projectId}/plan", Login.Management);

        await Assertions.Expect(page.Locator("[data-testid=plan-baseline] li[data-change=gewijzigd]")).ToContainTextAsync("maand van realisatie");
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True);
        await BrowserScreens.SaveScreenshotAsync(page, $"plan-afwijkingen-{width}.png", fullPage: false);
        Assert.That(errors, Is.Empty);
    }

    [Test]
    [Description("issue #23: management reads the factsheet at 390 px and 1280 px; its print version is one A4 page")]
    public async Task ManagementReadsTheFactsheet([Values(390, 1280)] int width)
    {
        var projectId = await KeuzehulpAsync();
        var (page, errors) = await OpenAsync(width, $"/projecten/{projectId}/rapporten/factsheet?from=2021-01-01&to=2021-03-31", Login.Management);

        await Assertions.Expect(page.Locator("[data-testid=factsheet]")).ToContainTextAsync("Gemeten tegen planversie");
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, "the factsheet fits");
        await BrowserScreens.SaveScreenshotAsync(page, $"factsheet-{width}.png");

        await page.GotoAsync(new Uri(Factory.ServerAddress, $"/projecten/{projectId}/rapporten/factsheet.html?from=2021-01-01&to=2021-03-31").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Factsheet", Exact = true })).ToBeVisibleAsync();
        await BrowserScreens.SaveScreenshotAsync(page, $"factsheet-html-{width}.png");
        if (width == 1280)
        {
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
            var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
            Assert.That(pages, Is.EqualTo(1), "the factsheet prints on one A4 page");
            var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
            await File.WriteAllBytesAsync(Path.Combine(folder, "factsheet.pdf"), pdf);
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            await page.SetViewportSizeAsync(794, 1123);
            await BrowserScreens.SaveScreenshotAsync(page, "factsheet-print-a4.png", fullPage: false);
        }

        Assert.That(errors, Is.Empty);
    }
}
