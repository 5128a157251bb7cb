using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Browser;

/// <summary>
/// In Debian's Chromium, at phone and desktop width: a deelnemer answers their closing question and makes a calendar
/// subscription (issue #16); the projectleider runs a terugblik session and deletes a high point after confirming (#19).
/// </summary>
public sealed class EverydayLoopBrowserTests : BrowserTestBase
{

    [Test]
    [Description("issue #16: the logged-in deelnemer answers the closing question and subscribes to the calendar")]
    public async Task AParticipantAnswersTheirClosingQuestionAndMakesACalendarSubscriptionOnAPhone()
    {
        await PrepareMeetingOfTheParticipantAsync();
        var (page, errors) = await OpenAsync(390, 844);
        await BrowserWaits.LogInAsync(page, Login.Participant);

        await page.Locator("nav a", new() { HasText = "Mijn slotvragen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Mijn slotvragen" }).WaitForAsync();
        var meeting = page.Locator("[data-own-meeting]").First;
        await meeting.Locator("textarea[name=wentWell]").FillAsync("Iedereen kwam aan het woord");
        await meeting.Locator("textarea[name=wentLess]").FillAsync("We liepen uit");
        await BrowserWaits.SubmitAsync(page, meeting.Locator("button[type=submit]"));
        await page.GetByText("Uw antwoord is opgeslagen.").WaitForAsync();

        Assert.That(await page.Locator("[data-own-meeting] textarea[name=wentLess]").First.InputValueAsync(), Is.EqualTo("We liepen uit"));
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, "Mijn slotvragen fits a phone");
        await BrowserScreens.SaveScreenshotAsync(page, "mijn-slotvragen-390.png");
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserScreens.SaveScreenshotAsync(page, "mijn-slotvragen-1280.png");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(new Uri(Factory.ServerAddress, "/account").ToString());
        await BrowserWaits.SubmitAsync(page, page.Locator("button", new() { HasText = "Abonnementsadres maken" }));
        await page.Locator("[data-calendar-webcal]").WaitForAsync();

        Assert.That(await page.Locator("[data-calendar-webcal]").GetAttributeAsync("href"), Does.StartWith("webcal://").And.EndWith(".ics"));
        await BrowserScreens.SaveScreenshotAsync(page, "account-agenda-390.png");
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, "the account page with the long address fits a phone");
        await page.SetViewportSizeAsync(1280, 900);
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True);
        await BrowserScreens.SaveScreenshotAsync(page, "account-agenda-1280.png");
        Assert.That(errors, Is.Empty, "the browser console reported errors (e.g. a CSP violation)");
        await page.Context.DisposeAsync();
    }

    [Test]
    [Description("issue #19: a terugblik session and a high point deleted after the confirmation confirm.js asks")]
    public async Task TheProjectLeaderRunsALookBackAndDeletesAHighPointAfterConfirming()
    {
        var (page, errors) = await OpenAsync(1280, 900);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        await BrowserWaits.LogInAsync(page, Login.ProjectLeader);
        await page.Locator("li[data-project-slug=keuzehulp-werkzaak] h2 a").ClickAsync();
        await page.Locator("nav.subnav a", new() { HasText = "Terugblik" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Terugblik: Keuzehulp" }).WaitForAsync();

        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True);
        await BrowserScreens.SaveScreenshotAsync(page, "terugblik-1280.png");
        await BrowserScreens.SaveScreenshotAsync(page, "terugblik-1280-top.png", fullPage: false);
        await page.SetViewportSizeAsync(390, 844);
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, "the terugblik session fits a phone");
        await BrowserScreens.SaveScreenshotAsync(page, "terugblik-390.png");
        await BrowserScreens.SaveScreenshotAsync(page, "terugblik-390-top.png", fullPage: false);
        await page.Locator("#conclusion-title").ScrollIntoViewIfNeededAsync();
        await BrowserScreens.SaveScreenshotAsync(page, "terugblik-390-conclusie.png", fullPage: false);

        await page.Locator("#c-text").FillAsync("Het vaste oefenmoment werkt; dit knelpunt is opgelost.");
        await page.Locator("input[name=recordAs][value=leeragenda]").CheckAsync();
        await page.Locator("#c-item").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#c-status").SelectOptionAsync("opgelost");
        await BrowserWaits.SubmitAsync(page, page.Locator("[data-testid=conclusion] button[type=submit]"));
        await page.GetByText("De leeragenda is bijgewerkt met de conclusie.").WaitForAsync();

        await page.Locator("nav.subnav a", new() { HasText = "Tijdlijn" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tijdlijn: Keuzehulp" }).WaitForAsync();
        await page.Locator("#m-title").FillAsync("Tijdelijk hoogtepunt");
        await BrowserWaits.SubmitAsync(page, page.Locator("#moment-title + form button[type=submit]"));
        await page.GetByText("‘Tijdelijk hoogtepunt’ staat op de tijdlijn.").WaitForAsync();
        var moment = page.Locator("li.timeline-event", new() { HasText = "Tijdelijk hoogtepunt" });
        await moment.Locator("a", new() { HasText = "Wijzigen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hoogte- of dieptepunt wijzigen" }).WaitForAsync();
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, "the edit form fits a phone");
        await BrowserScreens.SaveScreenshotAsync(page, "moment-wijzigen-390.png");
        await BrowserWaits.SubmitAsync(page, page.Locator("button", new() { HasText = "Verwijderen" }));
        await page.GetByText("‘Tijdelijk hoogtepunt’ is van de tijdlijn verwijderd.").WaitForAsync();

        Assert.That(dialogs, Has.Count.EqualTo(1), "deleting asked once");
        Assert.That(dialogs[0], Does.StartWith("Dit hoogte- of dieptepunt verwijderen?"));
        Assert.That(await page.Locator("li.timeline-event", new() { HasText = "Tijdelijk hoogtepunt" }).CountAsync(), Is.Zero);
        Assert.That(errors, Is.Empty, "the browser console reported errors (e.g. a CSP violation)");
        await page.Context.DisposeAsync();
    }

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
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
        return (page, errors);
    }

    // The test host's in-memory client does not reach the Kestrel server this class starts: tokens are made over HTTP.
    private async Task<HttpClient> ApiClientAsync(string email)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Factory.ServerAddress };
        using (var login = await browser.PostLoginAsync(email, Monitor.Web.Security.DemoAccounts.Password))
        {
            Assert.That(login.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect));
        }

        using var created = await browser.PostFormAsync("/account", "/account?handler=CreateToken", new Dictionary<string, string> { ["TokenName"] = "browsertest" });
        var secret = (await Html.ParseAsync(created)).QuerySelector("[data-new-token]")!.TextContent;
        var api = new HttpClient { BaseAddress = Factory.ServerAddress };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return api;
    }

    // A group of Samen Beslissen with the deelnemer's account linked to a member who was present at a meeting held two days ago.
    private async Task PrepareMeetingOfTheParticipantAsync()
    {
        using var leader = await ApiClientAsync(Login.ProjectLeader);
        using var participant = await ApiClientAsync(Login.Participant);
        using var me = JsonDocument.Parse(await participant.GetStringAsync("/api/v1/me"));
        using var projects = JsonDocument.Parse(await leader.GetStringAsync("/api/v1/projects"));
        var projectId = projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "samen-beslissen-arnhem").GetProperty("id").GetInt64();
        var api = $"/api/v1/projects/{projectId}";
        async Task<long> CreateAsync(string url, object body)
        {
            using var response = await leader.PostAsJsonAsync(url, body);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("id").GetInt64();
        }

        var groupId = await CreateAsync($"{api}/groups", new { kind = "ontwikkelgroep", name = "Werkgroep slotvraag" });
        var member = await CreateAsync($"{api}/groups/{groupId}/members", new { roleLabel = "Re-integratieprofessional 3" });
        (await leader.PutAsJsonAsync($"{api}/members/{member}/account", new { userId = me.RootElement.GetProperty("id").GetInt64() })).EnsureSuccessStatusCode();
        var heldOn = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var meetingId = await CreateAsync($"{api}/groups/{groupId}/meetings", new { heldOn, title = "Werksessie", status = "gehouden" });
        (await leader.PutAsJsonAsync($"{api}/meetings/{meetingId}/attendance", new { attendance = new[] { new { memberId = member, status = "aanwezig" } } })).EnsureSuccessStatusCode();
    }
}
