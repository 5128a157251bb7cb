using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Monitor.Web.Tests.Support;

/// <summary>
/// How browser tests wait for what the user should see. Every wait ends as soon as the page shows it; the ceiling is
/// generous because on the 2-core CI machine the app, its jobs and the browser share the CPU (a 30 s default was reached
/// under load while the same test took 3 s alone).
/// <para>
/// No wait here listens for a navigation or load-state event: Playwright .NET's <c>WaitForURLAsync</c> checks the
/// address and then subscribes to the events, and an event delivered in between is lost, so the wait runs into its
/// timeout although the page is there (microsoft/playwright-dotnet#3364; it broke CI once). Addresses are asserted with
/// <c>Expect(page).ToHaveURLAsync</c>, which polls, and "the new page is there" is checked in the page itself.
/// </para>
/// </summary>
public static class BrowserWaits
{
    public const float Milliseconds = 120_000;

    /// <summary>Waits until the address matches a Playwright-style glob ("**/groepen/*": <c>**</c> anything, <c>*</c> anything but '/').</summary>
    public static Task ForAddressAsync(IPage page, string glob) => ForAddressAsync(page, Glob(glob));

    public static async Task ForAddressAsync(IPage page, Regex address) =>
        await Assertions.Expect(page).ToHaveURLAsync(address, new PageAssertionsToHaveURLOptions { Timeout = Milliseconds });

    /// <summary>Waits until the browser has left the login page.</summary>
    public static async Task ForAddressOutsideLoginAsync(IPage page) =>
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/inloggen"), new PageAssertionsToHaveURLOptions { Timeout = Milliseconds });

    /// <summary>Fills in the login form the anonymous visitor was sent to and waits until the page behind it shows.</summary>
    public static async Task LogInAsync(IPage page, string email)
    {
        await ForAddressAsync(page, "**/inloggen**");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Monitor.Web.Security.DemoAccounts.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await ForAddressOutsideLoginAsync(page);
        await page.Locator("main").WaitForAsync(new LocatorWaitForOptions { Timeout = Milliseconds });
    }

    /// <summary>
    /// Clicks a button whose form posts and redirects (often back to the same address) and waits until the browser shows
    /// the page the form led to. Waiting for the address alone would return at once when it does not change; a mark on
    /// the current document is gone once the new one is there, and the callers then assert on the page's content.
    /// </summary>
    public static async Task SubmitAsync(IPage page, ILocator button)
    {
        await page.EvaluateAsync("() => { window.__imBeforeSubmit = true; }");
        await button.ClickAsync();
        await page.WaitForFunctionAsync(
            "() => window.__imBeforeSubmit !== true && document.readyState !== 'loading'",
            null,
            new PageWaitForFunctionOptions { Timeout = Milliseconds });
    }

    /// <summary>Turns a Playwright-style URL glob into an anchored regular expression.</summary>
    public static Regex Glob(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                pattern.Append(".*");
                i++;
            }
            else if (glob[i] == '*')
            {
                pattern.Append("[^/]*");
            }
            else
            {
                pattern.Append(Regex.Escape(glob[i].ToString()));
            }
        }

        return new Regex(pattern.Append('$').ToString());
    }
}
