using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Innovation;
using Monitor.Core.Projects;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Browser;

/// <summary>The fidelity checklist on a phone (issue #22): logged in as a deelnemer, and through a personal link without an account.</summary>
public sealed class InnovationBrowserTests : BrowserTestBase
{
    private async Task<long> ProjectIdAsync(string slug) =>
        (await Factory.Services.GetRequiredService<ProjectStore>().ListAsync()).Single(p => p.Slug == slug).Id;

    [Test]
    [Description("issue #22: a deelnemer ticks the checklist on a 390 px phone and sees it under 'Mijn checklists'; no page scrolls sideways")]
    public async Task ADeelnemerTicksTheChecklistOnAPhone()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        var (page, errors) = await OpenAsync(390, $"/projecten/{projectId}/kernelementen/checklist", Login.Participant);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Checklist invullen" }).WaitForAsync();
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True, "the checklist form fits the phone");
        await BrowserScreens.SaveScreenshotAsync(page, "checklist-390.png");
        await page.GetByLabel("Doel bepalen", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Keuzemogelijkheden", new() { Exact = true }).CheckAsync();
        await page.Locator("#c-team").FillAsync("Team Oost");
        await BrowserWaits.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Checklist opslaan" }));

        await BrowserWaits.ForAddressAsync(page, $"**/projecten/{projectId}/kernelementen");
        Assert.That(await page.Locator("p.notice").InnerTextAsync(), Does.StartWith("Checklist van"));
        Assert.That(await page.Locator("#own-title").InnerTextAsync(), Does.Contain("(1)"));
        Assert.That(await page.Locator("li", new() { HasText = "Team Oost" }).First.InnerTextAsync(), Does.Contain("2 van 14"));
        Assert.That(await page.Locator("[data-testid=fidelity]").CountAsync(), Is.Zero, "a deelnemer sees their own checklists, not the team's aggregates");
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True);
        await BrowserScreens.SaveScreenshotAsync(page, "kernelementen-deelnemer-390.png");
        Assert.That(errors, Is.Empty);
    }

    [Test]
    [Description("issue #22: the personal link opens the checklist on a phone without logging in and thanks after saving")]
    public async Task APersonalLinkOpensTheChecklistWithoutLoggingIn()
    {
        var projectId = await ProjectIdAsync("keuzehulp-werkzaak");
        var link = (await Factory.Services.GetRequiredService<FidelityStore>().CreateLinkAsync(projectId, "Werkcoach 9", "Team Culemborg", new Monitor.Core.Data.Actor(null, "test")))!.Value;
        var (page, errors) = await OpenAsync(390, $"/checklist/{link.Token}");

        await page.GetByText("Team Culemborg").WaitForAsync();
        Assert.That(await page.Locator("input[name=delivered]").CountAsync(), Is.EqualTo(4));
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True);
        await page.GetByLabel("Intake en diagnose").CheckAsync();
        await BrowserWaits.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Checklist opslaan" }));

        Assert.That(await page.Locator("p.notice").InnerTextAsync(), Does.StartWith("Dank je wel"));
        await BrowserScreens.SaveScreenshotAsync(page, "checklist-link-390.png");
        Assert.That(errors, Is.Empty);
    }

    [Test]
    [Description("issue #22: the projectleider's page with elements, fidelity, reach and links fits 390 px and 1280 px")]
    public async Task TheProjectLeadersPageFitsPhoneAndDesktop([Values(390, 1280)] int width)
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        var reach = Factory.Services.GetRequiredService<ReachStore>();
        foreach (var (month, users) in new[] { (3, 4), (4, 7), (5, 9) })
        {
            await reach.SaveAsync(projectId, new ReachCount { Team = "Team Oost", Month = new DateOnly(2021, month, 1), Professionals = 12, Trained = 12, Users = users, TargetClients = 300, ClientsReached = users * 6 },
                new Monitor.Core.Data.Actor(null, "test"));
        }

        var (page, errors) = await OpenAsync(width, $"/projecten/{projectId}/kernelementen", Login.ProjectLeader);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Programmatrouw", Exact = true }).WaitForAsync();
        Assert.That(await page.Locator("[data-testid=reach] svg title").First.TextContentAsync(), Is.EqualTo("Bereik en adoptie per maand"));
        Assert.That(await page.Locator("[data-testid=core-elements] > li").CountAsync(), Is.GreaterThanOrEqualTo(14));
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True);
        await BrowserScreens.SaveScreenshotAsync(page, $"kernelementen-projectleider-{width}.png");
        Assert.That(errors, Is.Empty);
    }
}
