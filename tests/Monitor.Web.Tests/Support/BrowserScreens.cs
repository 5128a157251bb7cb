using Microsoft.Playwright;

namespace Monitor.Web.Tests.Support;

/// <summary>What browser tests check of a page's layout: no sideways scroll, and a full-page screenshot to look at.</summary>
internal static class BrowserScreens
{
    public static async Task<bool> NoSidewaysScrollAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");

    /// <summary>Saves a screenshot (the full page, or what the viewport shows) under the test's work directory (screenshots/) and attaches it to the result.</summary>
    public static async Task SaveScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        TestContext.AddTestAttachment(path, name);
    }
}
