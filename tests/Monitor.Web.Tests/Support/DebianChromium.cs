using Microsoft.Playwright;

namespace Monitor.Web.Tests.Support;

/// <summary>The one way browser tests start a browser: Debian's Chromium (never `playwright install`), headless, offline.</summary>
public static class DebianChromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.That(File.Exists(Path), Is.True, $"{Path} is missing: run 'bash tools/run-tests.sh', which installs Debian's chromium (or apt-get install -y chromium).");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            // This machine has no network beyond the registries: Chromium's background calls must stay off.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }
}
