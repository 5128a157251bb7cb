using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Effects;
using Monitor.Core.Projects;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Browser;

/// <summary>Copying a questionnaire from another project and "Nieuwe versie" on the effect page (issue #18), in Debian's Chromium.</summary>
public sealed class QuestionnaireCopyBrowserTests : BrowserTestBase
{
    [Test]
    [Description("issue #18: on a 390 px phone the projectleider copies a questionnaire of another project, makes a new version and sees 'versie 2', without sideways scrolling; also at 1280 px")]
    public async Task TheProjectleiderCopiesAndVersionsOnAPhone()
    {
        var projects = await Factory.Services.GetRequiredService<ProjectStore>().ListAsync();
        var (arnhem, werkzaak) = (projects.Single(p => p.Slug == "samen-beslissen-arnhem").Id, projects.Single(p => p.Slug == "keuzehulp-werkzaak").Id);
        await Factory.Services.GetRequiredService<QuestionnaireStore>().CreateAsync(werkzaak, "Cliëntkaart Werkzaak", TargetGroup.Clienten,
            [new ItemDraft("Hoe vond u het gesprek?", ItemKind.Smiley5), new ItemDraft("Wat kan beter?", ItemKind.Open)], new Monitor.Core.Data.Actor(null, "test"));

        var (page, errors) = await OpenAsync(390, $"/projecten/{arnhem}/effectmeting", Login.ProjectLeader);
        var section = page.GetByTestId("questionnaires");
        await page.GetByLabel("Kopieer een vragenlijst uit een ander project").SelectOptionAsync(new SelectOptionValue { Label = $"{projects.Single(p => p.Id == werkzaak).Name}: Cliëntkaart Werkzaak" });
        await BrowserWaits.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Kopiëren" }));
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Cliëntkaart Werkzaak (kopie uit ");
        var copy = section.Locator("li", new() { HasText = "Cliëntkaart Werkzaak (kopie uit " });
        await BrowserWaits.SubmitAsync(page, copy.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie" }));
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("(versie 2)' gemaakt.");
        await Assertions.Expect(section.Locator("li", new() { HasText = "(versie 2)" }).Locator(".tag")).ToHaveTextAsync("versie 2");
        Assert.That(await BrowserScreens.NoSidewaysScrollAsync(page), Is.True);
        await section.ScrollIntoViewIfNeededAsync();
        await BrowserScreens.SaveScreenshotAsync(page, "effect-versions-390.png", fullPage: false);
        Assert.That(errors, Is.Empty);

        var (desktop, _) = await OpenAsync(1280, $"/projecten/{arnhem}/effectmeting", Login.ProjectLeader);
        await desktop.GetByTestId("questionnaires").ScrollIntoViewIfNeededAsync();
        await BrowserScreens.SaveScreenshotAsync(desktop, "effect-versions-1280.png", fullPage: false);
    }
}
