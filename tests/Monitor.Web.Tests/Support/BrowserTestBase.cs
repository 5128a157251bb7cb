using Microsoft.Playwright;

namespace Monitor.Web.Tests.Support;

/// <summary>
/// The one setup of a browser test class: the real app on Kestrel with the demo data, Debian's Chromium, a page of a
/// given width (logged in when asked) that waits through <see cref="BrowserWaits"/> and records console errors, and
/// the checks and screenshots of <see cref="BrowserScreens"/>.
/// </summary>
[NonParallelizable]
public abstract class BrowserTestBase
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The Chromium of this class (started once per class).</summary>
    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts in OneTimeSetUp.");

    private protected MonitorWebFactory Factory { get; } = new();

    [OneTimeSetUp]
    public async Task StartAppAndBrowser()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await DebianChromium.LaunchAsync(_playwright);
    }

    [OneTimeTearDown]
    public async Task StopAppAndBrowser()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Factory.Dispose();
    }

    /// <summary>A page of <paramref name="width"/> px in a fresh context, at <paramref name="path"/>; logged in as <paramref name="email"/> when given.</summary>
    protected async Task<(IPage Page, List<string> ConsoleErrors)> OpenAsync(int width, string path, string? email = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
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
        await page.GotoAsync(new Uri(Factory.ServerAddress, path).ToString());
        if (email is not null)
        {
            await BrowserWaits.LogInAsync(page, email);
        }

        return (page, errors);
    }
}
