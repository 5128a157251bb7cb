using Microsoft.Playwright;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Browser;

/// <summary>The learning agenda and the timeline in Debian's Chromium (issue #19), at desktop and phone width.</summary>
public sealed class LearningBrowserTests : BrowserTestBase
{
    [Test]
    public async Task TheProjectLeaderAddsAnAgendaEntryAndSeesIt()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(BrowserWaits.Milliseconds);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(BrowserWaits.Milliseconds);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync(Factory.ServerAddress.ToString());
        await BrowserWaits.LogInAsync(page, Login.ProjectLeader);
        await page.Locator("li[data-project-slug=keuzehulp-werkzaak] h2 a").ClickAsync();
        await page.Locator("nav.subnav a", new() { HasText = "Leeragenda" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Leeragenda: Keuzehulp" }).WaitForAsync();

        await page.Locator("#n-kind").SelectOptionAsync("knelpunt");
        await page.Locator("#n-title").FillAsync("Werkcoaches vergeten de keuzehulp in het gesprek");
        await page.Locator("#n-owner").FillAsync("Projectleider");
        await page.Locator("#n-title").PressAsync("Enter");
        await page.GetByText("‘Werkcoaches vergeten de keuzehulp in het gesprek’ staat op de leeragenda.").WaitForAsync();

        Assert.That(await page.Locator("article.learning-item h3", new() { HasText = "Werkcoaches vergeten de keuzehulp in het gesprek" }).CountAsync(), Is.EqualTo(1));
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True);
        await BrowserScreens.SaveScreenshotAsync(page, "leeragenda-1280.png");
        await page.SetViewportSizeAsync(390, 844);
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, "the agenda fits a phone without scrolling sideways");
        await BrowserScreens.SaveScreenshotAsync(page, "leeragenda-390.png");

        await page.Locator("nav.subnav a", new() { HasText = "Tijdlijn" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tijdlijn: Keuzehulp" }).WaitForAsync();
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, "the timeline fits a phone without scrolling sideways");
        await BrowserScreens.SaveScreenshotAsync(page, "tijdlijn-390.png");
        await page.SetViewportSizeAsync(1280, 900);
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True);
        await BrowserScreens.SaveScreenshotAsync(page, "tijdlijn-1280.png");

        Assert.That(errors, Is.Empty, "the browser console reported errors (e.g. a CSP violation)");
        await context.DisposeAsync();
    }
}
