using Microsoft.Playwright;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Browser;

/// <summary>The learning network, a guest's own group and client participation in Debian's Chromium (issue #23), at desktop and phone width.</summary>
public sealed class OrganisationBrowserTests : BrowserTestBase
{
    private static async Task ShootAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1280, 900);
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, name);
        await BrowserScreens.SaveScreenshotAsync(page, $"{name}-1280.png");
        await page.SetViewportSizeAsync(390, 844);
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, $"{name} fits a phone without scrolling sideways");
        await BrowserScreens.SaveScreenshotAsync(page, $"{name}-390.png");
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(BrowserWaits.Milliseconds);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(BrowserWaits.Milliseconds);
        await page.GotoAsync(Factory.ServerAddress.ToString());
        await BrowserWaits.LogInAsync(page, email);
        return page;
    }

    [Test]
    public async Task TheManagerOpensTheLearningNetworkAndTheParticipationPage()
    {
        var page = await SignedInAsync(Login.Management);
        await page.Locator("header nav a", new() { HasText = "Leernetwerken" }).ClickAsync();
        await page.Locator("li[data-network] h2 a", new() { HasText = "Leernetwerk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Leernetwerk", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Co-creatie wetenschap en praktijk")).ToBeVisibleAsync();
        await ShootAsync(page, "leernetwerk");

        await page.GotoAsync(Factory.ServerAddress.ToString());
        await page.Locator("li[data-project-slug=keuzehulp-werkzaak] h2 a").ClickAsync();
        await page.Locator("nav.subnav a", new() { HasText = "Cliëntparticipatie" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cliëntparticipatie: Keuzehulp" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-level=raadplegen] td.num").First).ToHaveTextAsync("2");
        await ShootAsync(page, "participatie");
        await page.Context.DisposeAsync();
    }

    [Test]
    public async Task TheGuestSeesTheirGroupOnly()
    {
        var page = await SignedInAsync(Login.Guest);
        await page.Locator("[data-testid=guest-groups] a", new() { HasText = "Leernetwerk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Leernetwerk" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=group-guests]")).ToContainTextAsync("Gemeente (leernetwerk)");
        Assert.That(await page.Locator("nav.breadcrumb a[href^='/projecten/']").CountAsync(), Is.EqualTo(0), "no link into the rest of the project");
        await ShootAsync(page, "gast-groep");
        await page.Context.DisposeAsync();
    }
}
