using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Browser;

/// <summary>
/// The app on real Kestrel, driven by Debian's Chromium through Playwright. Chromium comes from
/// apt (see .ci/run), never from 'playwright install'.
/// </summary>
public sealed class HomePageBrowserTests : BrowserTestBase
{
    [Test]
    public async Task HomePageListsBothDemoProjectsAndOpensOne()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
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

        var cards = page.Locator("li.card[data-project-slug]");
        Assert.That(await cards.CountAsync(), Is.EqualTo(2));
        Assert.That(await page.Locator("li[data-project-slug=samen-beslissen-arnhem] h2").InnerTextAsync(), Is.EqualTo("Samen Beslissen"));
        Assert.That(await page.Locator("li[data-project-slug=keuzehulp-werkzaak] h2").InnerTextAsync(), Is.EqualTo("Keuzehulp"));
        await BrowserScreens.SaveScreenshotAsync(page, "home.png");

        await page.Locator("li[data-project-slug=keuzehulp-werkzaak] h2 a").ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/projecten/*");
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("Keuzehulp"));
        await BrowserScreens.SaveScreenshotAsync(page, "project-keuzehulp.png");

        Assert.That(errors, Is.Empty, "the browser console reported errors (e.g. a CSP violation)");
    }

    [Test]
    public async Task ChartsScaleToAPhoneWithoutPushingThePageSideways()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(BrowserWaits.Milliseconds);
        await page.GotoAsync(Factory.ServerAddress.ToString());
        await BrowserWaits.LogInAsync(page, Login.ProjectLeader);
        await page.Locator("li[data-project-slug=keuzehulp-werkzaak] h2 a").ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/projecten/*");
        var project = new Uri(page.Url).AbsolutePath.TrimEnd('/');

        await page.GotoAsync(new Uri(Factory.ServerAddress, project + "/plan").ToString());
        await page.Locator("figure.chart figcaption", new() { HasText = "Activiteiten in de tijd" }).WaitForAsync();
        await AssertFitsTheScreenAsync(page, "plan");
        await BrowserScreens.SaveScreenshotAsync(page, "plan-390.png");

        await page.GotoAsync(new Uri(Factory.ServerAddress, project).ToString());
        await page.Locator("h2 a", new PageLocatorOptions { HasText = "Ontwikkelteam" }).ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/groepen/*");
        Assert.That(await page.Locator("figure.chart .chart-title").AllInnerTextsAsync(), Is.EqualTo(new[]
        {
            "Bijeenkomsten van Ontwikkelteam door de tijd", "Antwoorden op de slotvraag per bijeenkomst", "Opkomst per bijeenkomst",
        }));
        await AssertFitsTheScreenAsync(page, "group");
        await BrowserScreens.SaveScreenshotAsync(page, "group-390.png");
    }

    /// <summary>The page is no wider than the screen, and every chart is scaled to its column (or scrolls inside its own box).</summary>
    private static async Task AssertFitsTheScreenAsync(IPage page, string name)
    {
        Assert.That(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"), Is.LessThanOrEqualTo(0), $"{name}: page wider than the screen");
        foreach (var chart in await page.Locator("figure.chart .chart-image").AllAsync())
        {
            var box = await chart.BoundingBoxAsync();
            Assert.That(box!.X + box.Width, Is.LessThanOrEqualTo(390), $"{name}: a chart box sticks out");
        }
    }

    [Test]
    public async Task LanguageSwitchWorksInTheBrowser()
    {
        var context = await Browser.NewContextAsync();
        context.SetDefaultTimeout(BrowserWaits.Milliseconds);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(BrowserWaits.Milliseconds);
        await page.GotoAsync(Factory.ServerAddress.ToString());
        await BrowserWaits.LogInAsync(page, Login.ProjectLeader);

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("Projects"));
        await BrowserScreens.SaveScreenshotAsync(page, "home-en.png");
        await context.DisposeAsync();
    }

    [Test]
    public async Task ManagementSeesTheDashboardButNoMinutesOrMeetingNotes()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(BrowserWaits.Milliseconds);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(BrowserWaits.Milliseconds);
        await page.GotoAsync(Factory.ServerAddress.ToString());
        await BrowserWaits.LogInAsync(page, Login.Management);

        Assert.That(await page.Locator("li.card[data-project-slug]").CountAsync(), Is.EqualTo(2), "both projects on the dashboard");
        await BrowserScreens.SaveScreenshotAsync(page, "management-dashboard.png");
        await page.Locator("li[data-project-slug=keuzehulp-werkzaak] h2 a").ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/projecten/*");

        Assert.That(await page.Locator("dl.facts").First.InnerTextAsync(), Does.Contain("113"));
        Assert.That(await page.Locator("section.group details").CountAsync(), Is.Zero, "no member lists or meeting notes");
        Assert.That(await page.Locator("td:has-text('Datum gereconstrueerd')").CountAsync(), Is.Zero, "no meeting notes");
        Assert.That(await page.Locator("a[href$='/audit']").CountAsync(), Is.Zero);
        await BrowserScreens.SaveScreenshotAsync(page, "management-project.png");
        await context.DisposeAsync();
    }

    [Test]
    public async Task ProjectLeaderAddsANameToPseudonymiseAndFindsTheChangeInTheAuditTrail()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(BrowserWaits.Milliseconds);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(BrowserWaits.Milliseconds);
        await page.GotoAsync(Factory.ServerAddress.ToString());
        await BrowserWaits.LogInAsync(page, Login.ProjectLeader);
        await page.Locator("li[data-project-slug=samen-beslissen-arnhem] h2 a").ClickAsync();
        await page.Locator("nav.subnav a", new() { HasText = "Privacy" }).ClickAsync();

        await page.Locator("#name").FillAsync("Cliënt Jansen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await page.Locator("#months").FillAsync("24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaartermijn opslaan" }).ClickAsync();

        Assert.That(await page.Locator("table.pseudonyms tbody tr").InnerTextAsync(), Does.Contain("[P01]").And.Contain("Cliënt Jansen"));
        Assert.That(await page.Locator("table.retention-report").InnerTextAsync(), Does.Contain("bijeenkomsten"));
        await BrowserScreens.SaveScreenshotAsync(page, "privacy.png");

        await page.Locator("nav.breadcrumb a").Nth(1).ClickAsync();
        await page.Locator("nav.subnav a", new() { HasText = "Wijzigingslog" }).ClickAsync();
        var trail = await page.Locator("main table").InnerTextAsync();
        Assert.That(trail, Does.Contain("pseudoniem").And.Contain("bewaartermijn (maanden)").And.Contain("Projectleider (demo)"));
        Assert.That(trail, Does.Not.Contain("Jansen"), "the name itself stays out of the trail");
        await BrowserScreens.SaveScreenshotAsync(page, "audit.png");
        await context.DisposeAsync();
    }

    [Test]
    public async Task ProjectLeaderBuildsAPlanMarksAnActivityDoneAndSeesTheScoreChange()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(BrowserWaits.Milliseconds);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(BrowserWaits.Milliseconds);
        await page.GotoAsync(Factory.ServerAddress.ToString());
        await BrowserWaits.LogInAsync(page, Login.ProjectLeader);
        await page.Locator("li[data-project-slug=keuzehulp-werkzaak] h2 a").ClickAsync();
        await page.Locator("nav.subnav a", new() { HasText = "Implementatieplan" }).ClickAsync();
        var doneBefore = int.Parse(await page.Locator("table.scores tr[data-phase='2'] td").Nth(1).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await page.Locator("#fase-2 a", new() { HasText = "Activiteit toevoegen in deze fase" }).ClickAsync();
        await page.Locator("#title").FillAsync("Werkinstructie keuzehulp in intranet");
        await page.Locator("#targetGroup").SelectOptionAsync("professionals");
        await page.Locator("#owner").FillAsync("Kernteam");
        await page.Locator("#plannedMonth").FillAsync("2021-13");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        Assert.That(await page.Locator("#month-error").InnerTextAsync(), Does.Contain("geen maand"));
        await page.Locator("#plannedMonth").FillAsync("2021-10");
        await page.Locator("label.check", new() { HasText = "17 Kennis" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/plan#fase-2");

        var row = page.Locator("#fase-2 tr[data-activity-id]", new() { HasText = "Werkinstructie keuzehulp" });
        Assert.That(await row.InnerTextAsync(), Does.Contain("2021-10").And.Contain("gepland"));
        await row.Locator("a").ClickAsync();
        await page.Locator("#status").SelectOptionAsync("gereed");
        await page.Locator("#startedOn").FillAsync("2021-09-01");
        await page.Locator("#completedOn").FillAsync("2021-10-15");
        await page.Locator("#meetings").SelectOptionAsync(new[] { new SelectOptionValue { Label = "januari 2021 · VT-bijeenkomst 7" } });
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/plan#fase-2");

        var doneAfter = int.Parse(await page.Locator("table.scores tr[data-phase='2'] td").Nth(1).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(doneAfter, Is.EqualTo(doneBefore + 1));
        Assert.That(await page.Locator("#fase-2 tr[data-activity-id]", new() { HasText = "Werkinstructie keuzehulp" }).InnerTextAsync(), Does.Contain("gereed").And.Contain("Besproken in: Veranderteam · januari 2021"));
        var timeline = page.Locator("section.card:has(#timeline-title) figure.chart");
        Assert.That(await timeline.Locator("figcaption .chart-title").InnerTextAsync(), Is.EqualTo("Activiteiten in de tijd"));
        Assert.That(await timeline.Locator("svg text", new() { HasText = "Werkinstructie" }).CountAsync(), Is.EqualTo(1), "the timeline labels the activity");
        Assert.That(await timeline.Locator("table tr", new() { HasText = "Werkinstructie keuzehulp" }).TextContentAsync(), Does.Contain("gereed"), "the timeline's table shows the new state");
        var progress = page.Locator("section.card:has(#progress-title) figure.chart");
        Assert.That(await progress.Locator("svg text", new() { HasText = "2 Begrijpen" }).CountAsync(), Is.EqualTo(1));
        Assert.That(await progress.Locator("table tr", new() { HasText = "2 Begrijpen" }).Locator("td").Nth(1).TextContentAsync(), Is.Not.EqualTo("0%"));
        await BrowserScreens.SaveScreenshotAsync(page, "plan.png");
        var charts = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", "plan-charts.png");
        await page.Locator("section.card:has(#progress-title)").ScreenshotAsync(new LocatorScreenshotOptions { Path = charts });
        await page.Locator("section.card:has(#timeline-title)").ScreenshotAsync(new LocatorScreenshotOptions { Path = charts.Replace("charts", "timeline", StringComparison.Ordinal) });

        // Export to Excel ...
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("nav.subnav a", new() { HasText = "Exporteren (Excel)" }).ClickAsync());
        var xlsx = Path.Combine(TestContext.CurrentContext.WorkDirectory, "implementatieplan-keuzehulp.xlsx");
        await download.SaveAsAsync(xlsx);

        // ... the beheerder starts a new project and makes this project leader its projectleider ...
        var adminContext = await Browser.NewContextAsync();
        adminContext.SetDefaultTimeout(BrowserWaits.Milliseconds);
        var admin = await adminContext.NewPageAsync();
        admin.SetDefaultTimeout(BrowserWaits.Milliseconds);
        await admin.GotoAsync(Factory.ServerAddress.ToString());
        await BrowserWaits.LogInAsync(admin, Login.Admin);
        await admin.GotoAsync(new Uri(Factory.ServerAddress, "/projecten/nieuw").ToString());
        await admin.Locator("#name").FillAsync("Keuzehulp Tiel");
        await admin.Locator("#organisation").FillAsync("Gemeente Tiel");
        await admin.Locator("#innovation").FillAsync("Keuzehulp");
        await admin.Locator("#startDate").FillAsync("2026-01-05");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Project aanmaken" }).ClickAsync();
        await BrowserWaits.ForAddressAsync(admin, "**/projecten/*");
        var newProject = admin.Url[(admin.Url.LastIndexOf('/') + 1)..];
        await admin.GotoAsync(new Uri(Factory.ServerAddress, "/beheer/accounts").ToString());
        await admin.Locator("a", new() { HasText = "Projectleider (demo)" }).ClickAsync();
        await admin.Locator($"#role-{newProject}").SelectOptionAsync("projectleider");
        await admin.Locator("form:has(table.roles) button[type=submit]").ClickAsync();
        await adminContext.DisposeAsync();

        // ... and the project leader imports the plan there.
        await page.GotoAsync(new Uri(Factory.ServerAddress, $"/projecten/{newProject}/plan/import").ToString());
        await page.Locator("#file").SetInputFilesAsync(xlsx);
        await page.GetByRole(AriaRole.Button, new() { Name = "Importeren" }).ClickAsync();
        await BrowserWaits.ForAddressAsync(page, $"**/projecten/{newProject}/plan");
        Assert.That(await page.Locator(".notice[role=status]").InnerTextAsync(), Does.Contain("18 activiteiten"));
        Assert.That(await page.Locator("#fase-2 tr[data-activity-id]", new() { HasText = "Werkinstructie keuzehulp" }).InnerTextAsync(), Does.Contain("gereed"));
        await BrowserScreens.SaveScreenshotAsync(page, "plan-imported.png");
        await context.DisposeAsync();
    }

    [Test]
    public async Task BeheerderSeesTheScheduledJobsAndTheInbox()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(BrowserWaits.Milliseconds);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(BrowserWaits.Milliseconds);
        await page.GotoAsync(Factory.ServerAddress.ToString());
        await BrowserWaits.LogInAsync(page, Login.Admin);

        await page.Locator("nav a", new() { HasText = "Taken" }).ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/beheer/taken");
        // one row per job of the catalogue, by name (a job added to the catalogue shows without touching this test)
        await Assertions.Expect(page.Locator("table.jobs tr[data-job]")).ToHaveCountAsync(Monitor.Worker.Scheduling.JobCatalogue.Jobs.Count);
        var shown = await page.Locator("table.jobs tr[data-job]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.job)");
        Assert.That(shown, Is.EquivalentTo(Monitor.Worker.Scheduling.JobCatalogue.Jobs.Select(job => job.Key.Name)));
        // issue #8: the beheerder runs the progress-report job by hand; its run appears in the history
        await BrowserWaits.SubmitAsync(page, page.Locator("[data-testid=run-progress-report]"));
        Assert.That(await page.Locator("[role=status]").InnerTextAsync(), Does.Contain("progress-report"));
        await BrowserScreens.SaveScreenshotAsync(page, "jobs.png");
        await page.Locator("nav a.inbox-link").ClickAsync();
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("Meldingen"));
        await BrowserScreens.SaveScreenshotAsync(page, "inbox.png");
        await context.DisposeAsync();
    }

    [Test]
    [Description("issue #4: the look-back and closing-reflection loop end to end")]
    public async Task ProjectLeaderRunsTheReflectionLoopAndTheLoopClosureRateChanges()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(BrowserWaits.Milliseconds);
        await page.GotoAsync(Factory.ServerAddress.ToString());
        await BrowserWaits.LogInAsync(page, Login.ProjectLeader);
        await page.Locator("li[data-project-slug=keuzehulp-werkzaak] h2 a").ClickAsync();
        await page.Locator("h2 a", new PageLocatorOptions { HasText = "Leernetwerk" }).ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/groepen/*");
        var before = await page.Locator("[data-testid=loop-closure]").InnerTextAsync();
        await BrowserScreens.SaveScreenshotAsync(page, "group-before.png");

        // 1. Schedule a meeting: its agenda opens with the look-back at the previous one.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        await page.Locator("[data-testid=schedule-form] #heldOn").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=schedule-form] #title").FillAsync("Leernetwerk-bijeenkomst 4");
        await page.Locator("[data-testid=schedule-form] button").ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/bijeenkomsten/*");
        Assert.That(await page.Locator("ol.agenda li.look-back").CountAsync(), Is.EqualTo(3));
        Assert.That(await page.Locator("ol.agenda").InnerTextAsync(), Does.Contain("Terugblik: verslag van 17 november 2020 vaststellen"));
        var meetingUrl = page.Url;

        // 2. Minutes and an action item; the meeting is held.
        await page.Locator("#minutes-text").FillAsync("**Terugblik.** Verslag vastgesteld.\n\nWe delen de ervaringen met de keuzehulp. <script>alert(1)</script>");
        await BrowserWaits.SubmitAsync(page, page.Locator("#minutes-text ~ button"));
        await page.Locator("#action-text").FillAsync("Verslag delen met SAM en Divosa");
        await BrowserWaits.SubmitAsync(page, page.Locator("#action-text ~ button"));
        await page.Locator("summary", new PageLocatorOptions { HasText = "Gegevens van de bijeenkomst wijzigen" }).ClickAsync();
        await page.Locator("#status").SelectOptionAsync("gehouden");
        await BrowserWaits.SubmitAsync(page, page.Locator("#status ~ button"));
        Assert.That(await page.Locator("[data-testid=minutes] strong").InnerTextAsync(), Is.EqualTo("Terugblik."));
        Assert.That(await page.Locator("[data-testid=minutes]").InnerTextAsync(), Does.Contain("<script>alert(1)</script>"), "HTML in minutes is shown as text");
        Assert.That(await page.Locator("[data-testid=meeting-status]").InnerTextAsync(), Is.EqualTo("gehouden"));

        // 3. A reflection link; a member answers without logging in.
        await BrowserWaits.SubmitAsync(page, page.Locator("#link-days ~ button"));
        var link = await page.Locator("[data-testid=reflection-link]").InnerTextAsync();
        await BrowserScreens.SaveScreenshotAsync(page, "meeting-held.png");
        var member = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        member.SetDefaultTimeout(BrowserWaits.Milliseconds);
        await member.GotoAsync(link);
        await member.Locator("#memberId").SelectOptionAsync(new SelectOptionValue { Label = "Onderzoeker VU" });
        await member.Locator("#wentWell").FillAsync("De voorbeelden uit Amsterdam en Leiden");
        await member.Locator("#wentLess").FillAsync("Te weinig tijd om de subsidieaanvraag te bespreken");
        await BrowserScreens.SaveScreenshotAsync(member, "reflection-link.png");
        await member.Locator("main form button").ClickAsync();
        await member.Locator("[data-testid=saved]").WaitForAsync();
        Assert.That(await member.Locator("#wentLess").InputValueAsync(), Is.EqualTo("Te weinig tijd om de subsidieaanvraag te bespreken"), "the member sees and may change their own answer");
        await BrowserScreens.SaveScreenshotAsync(member, "reflection-link-saved.png");
        await member.CloseAsync();

        // 4. The next meeting's look-back shows the answer; the project leader records the follow-up.
        await page.GotoAsync(meetingUrl);
        Assert.That(await page.Locator("[data-testid=reflections]").InnerTextAsync(), Does.Contain("Onderzoeker VU"));
        await page.Locator("nav.breadcrumb a", new PageLocatorOptions { HasText = "Leernetwerk" }).ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/groepen/*");
        await page.Locator("[data-testid=schedule-form] #heldOn").FillAsync(today.AddDays(56).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=schedule-form] #title").FillAsync("Leernetwerk-bijeenkomst 5");
        await page.Locator("[data-testid=schedule-form] button").ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/bijeenkomsten/*");
        Assert.That(await page.Locator("[data-testid=followup-summary]").InnerTextAsync(), Does.Contain("0 van 1"));
        await page.Locator("textarea[id^=followup-]").FillAsync("Subsidieaanvraag als eerste punt op deze agenda gezet");
        await page.Locator("textarea[id^=followup-] ~ button").ClickAsync();
        await page.Locator("[data-testid=followup-summary]", new PageLocatorOptions { HasText = "1 van 1" }).WaitForAsync();
        await BrowserScreens.SaveScreenshotAsync(page, "meeting-lookback.png");

        // 5. The loop-closure rate of the group changed.
        await page.Locator("nav.breadcrumb a", new PageLocatorOptions { HasText = "Leernetwerk" }).ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/groepen/*");
        var after = await page.Locator("[data-testid=loop-closure]").InnerTextAsync();
        await BrowserScreens.SaveScreenshotAsync(page, "group-after.png");
        Assert.That(after, Is.Not.EqualTo(before));
        Assert.That(await page.Locator("svg").CountAsync(), Is.GreaterThanOrEqualTo(3));

        // 6. Search finds the minutes regardless of diacritics.
        await page.GotoAsync(new Uri(new Uri(page.Url), "../zoeken?q=clienten").ToString());
        Assert.That(await page.Locator("[data-testid=search-hits] li").CountAsync(), Is.GreaterThan(0));
        await BrowserScreens.SaveScreenshotAsync(page, "search.png");
    }

    [Test]
    [Description("issue #6: select text, code it as a barrier, find it in the matrix; a blind round with two researchers and a settled disagreement")]
    public async Task ResearchersCodeMinutesFindTheFragmentInTheMatrixAndSettleABlindRound()
    {
        var documents = Factory.Services.GetRequiredService<Monitor.Core.Coding.CodingDocumentStore>();
        var coding = Factory.Services.GetRequiredService<Monitor.Core.Coding.CodingStore>();
        var projects = await Factory.Services.GetRequiredService<Monitor.Core.Projects.ProjectStore>().ListAsync();
        var projectId = projects.Single(p => p.Slug == "keuzehulp-werkzaak").Id;
        var free = (await documents.ListDocumentsAsync(projectId)).Where(d => d.Kind == Monitor.Core.Coding.DocumentKind.Verslag).Take(2).ToList();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(BrowserWaits.Milliseconds);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(BrowserWaits.Milliseconds);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync(Factory.ServerAddress.ToString());
        // the second demo researcher has no regular codings yet, so any span of the demo minutes is free to code
        await BrowserWaits.LogInAsync(page, Login.Researcher2);
        await page.GotoAsync(Factory.ServerAddress + $"projecten/{projectId}/codering/matrix");
        var row20 = page.Locator("[data-testid=matrix] tbody tr", new() { Has = page.Locator("th", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^20 ·") }) });
        var barriersBefore = await row20.CountAsync() == 0 ? 0 : int.Parse((await row20.Locator("td").Last.Locator(".minus").InnerTextAsync()).TrimStart('−'), System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync(Factory.ServerAddress + $"projecten/{projectId}");
        await page.Locator("nav.subnav a", new() { HasText = "Codering" }).ClickAsync();
        await page.Locator($"[data-testid=coding-documents] a[href$='/documenten/{free[0].Id}']").ClickAsync();
        await BrowserWaits.ForAddressAsync(page, $"**/documenten/{free[0].Id}");

        // select the first sentence of the minutes with the mouse selection API, as a user's drag does
        var selected = await SelectTextAsync(page, 0, 40);
        Assert.That(await page.Locator("#start").InputValueAsync(), Is.EqualTo("0"));
        Assert.That(await page.Locator("#end").InputValueAsync(), Is.EqualTo("40"));
        Assert.That(await page.Locator("#selection-preview").InnerTextAsync(), Does.Contain(selected.Trim()[..10]));
        var midi20 = await page.Locator("#codeId option[data-key=midi-20]").GetAttributeAsync("value");
        await page.Locator("#codeId").SelectOptionAsync(midi20!);
        await page.Locator("input[name=valence][value=belemmerend]").CheckAsync();
        await page.Locator("#memo").FillAsync("te weinig tijd voor de keuzehulp");
        await BrowserWaits.SubmitAsync(page, page.Locator("#code-submit"));
        Assert.That(await page.Locator("[data-testid=doc-text] mark.val-belemmerend").CountAsync(), Is.EqualTo(1));
        await BrowserScreens.SaveScreenshotAsync(page, "coding-document.png");

        await page.GotoAsync(Factory.ServerAddress + $"projecten/{projectId}/codering/matrix");
        Assert.That(await row20.Locator("td").Last.Locator(".minus").InnerTextAsync(), Is.EqualTo("−" + (barriersBefore + 1)), "one barrier more for MIDI 20");
        await BrowserScreens.SaveScreenshotAsync(page, "coding-matrix.png");
        await row20.Locator("td a").First.ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/codering/fragmenten**");
        Assert.That(await page.Locator("[data-testid=fragments] li").CountAsync(), Is.GreaterThan(0), "the matrix cell opens its fragments");
        Assert.That(await page.Locator("select[name=code]").InputValueAsync(), Is.EqualTo(midi20));
        await page.Locator("select[name=fase]").SelectOptionAsync("");
        await page.Locator("select[name=codeur]").SelectOptionAsync(new SelectOptionValue { Label = "Onderzoeker TNO 2 (demo)" });
        await page.Locator("[data-testid=fragment-filters] button[type=submit]").ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**codeur=**");
        Assert.That(await page.Locator("[data-testid=fragments] li").CountAsync(), Is.EqualTo(1));
        Assert.That(await page.Locator("[data-testid=fragments]").InnerTextAsync(), Does.Contain("te weinig tijd voor de keuzehulp"));
        await BrowserScreens.SaveScreenshotAsync(page, "coding-fragments.png");

        // a blind round on the second document with both demo researchers
        await page.GotoAsync(Factory.ServerAddress + $"projecten/{projectId}/codering/rondes");
        await page.Locator("[data-testid=new-round-form] #name").FillAsync("Proefronde browser");
        await page.Locator("[data-testid=new-round-form] label", new() { HasText = "Onderzoeker TNO (demo)" }).Locator("input").CheckAsync();
        await page.Locator("[data-testid=new-round-form] label", new() { HasText = "Onderzoeker TNO 2 (demo)" }).Locator("input").CheckAsync();
        await page.Locator($"[data-testid=new-round-form] input[name=documents][value='{free[1].Id}']").CheckAsync();
        await page.Locator("[data-testid=new-round-form] button[type=submit]").ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/codering/rondes/*");
        var roundUrl = page.Url;
        await CodeInRoundAsync(page, free[1].Id, 0, 30, "midi-20");

        var second = await context.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        second.SetDefaultTimeout(BrowserWaits.Milliseconds);
        var other = await second.NewPageAsync();
        other.SetDefaultTimeout(BrowserWaits.Milliseconds);
        await other.GotoAsync(roundUrl);
        await BrowserWaits.LogInAsync(other, Login.Researcher);
        await other.GotoAsync(roundUrl);
        await other.Locator("[data-testid=round-documents] a").First.ClickAsync();
        Assert.That(await other.Locator("[data-testid=coding-list] li").CountAsync(), Is.Zero, "blind: the other coder's coding is not shown");
        await CodeInRoundAsync(other, free[1].Id, 0, 30, "midi-20");
        await CodeInRoundAsync(other, free[1].Id, 50, 90, "midi-21");
        await BrowserScreens.SaveScreenshotAsync(other, "coding-blind-round.png");

        await page.GotoAsync(roundUrl);
        await BrowserWaits.SubmitAsync(page, page.Locator("[data-testid=close-round]"));
        Assert.That(await page.Locator("[data-testid=round-status]").InnerTextAsync(), Is.EqualTo("gesloten"));
        Assert.That(await page.Locator("[data-testid=agreement]").InnerTextAsync(), Does.Contain("κ"));
        await BrowserWaits.SubmitAsync(page, page.Locator("[data-testid=settle-accept]").First);
        Assert.That(await page.Locator("[data-testid=disagreements] li.settled").CountAsync(), Is.EqualTo(1));
        await BrowserScreens.SaveScreenshotAsync(page, "coding-round-closed.png");
        var roundId = long.Parse(roundUrl[(roundUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var consensus = (await coding.ListCodingsAsync(projectId, free[1].Id, 0, null)).Where(c => c.IsConsensus && c.RoundId == roundId).Select(c => c.Start).ToList();
        Assert.That(consensus, Is.EquivalentTo(new[] { 0, 50 }), "the agreed fragment and the accepted disagreement are consensus");
        await second.DisposeAsync();
        await context.DisposeAsync();
    }

    [Test]
    [Description("issue #7: a suggestion becomes a finding with evidence, is discussed and made final; both reports generated; management opens the dashboard and a report")]
    public async Task ResearcherFinalisesAFindingAndGeneratesBothReportsAndManagementReadsThem()
    {
        var projects = await Factory.Services.GetRequiredService<Monitor.Core.Projects.ProjectStore>().ListAsync();
        var projectId = projects.Single(p => p.Slug == "keuzehulp-werkzaak").Id;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(BrowserWaits.Milliseconds);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(BrowserWaits.Milliseconds);
        await page.GotoAsync(Factory.ServerAddress.ToString());
        await BrowserWaits.LogInAsync(page, Login.Researcher);
        await page.GotoAsync(Factory.ServerAddress + $"projecten/{projectId}");
        await page.Locator("nav.subnav a", new() { HasText = "Bevindingen" }).ClickAsync();
        await page.Locator("nav.subnav a", new() { HasText = "Suggesties" }).ClickAsync();
        await BrowserWaits.ForAddressAsync(page, "**/bevindingen/suggesties");
        var suggestion = page.Locator("[data-testid=suggestions] > li").First;
        var title = await suggestion.Locator("h2").InnerTextAsync();
        await BrowserScreens.SaveScreenshotAsync(page, "findings-suggestions.png");
        await suggestion.Locator("[data-testid=accept]").ClickAsync();
        await BrowserWaits.ForAddressAsync(page, new System.Text.RegularExpressions.Regex("/bevindingen/\\d+$"));
        Assert.That(await page.Locator("[data-testid=finding-status]").InnerTextAsync(), Is.EqualTo("concept"));
        Assert.That(await page.Locator("[data-testid=evidence] li").CountAsync(), Is.GreaterThanOrEqualTo(3));
        Assert.That(title, Does.Contain(await page.Locator("h1").InnerTextAsync()));

        await page.Locator("[data-testid=discussed-form] #heldOn").FillAsync("2021-02-23");
        await page.Locator("[data-testid=discussed-form] #participants").FillAsync("kernteam en onderzoekers");
        await page.Locator("[data-testid=discussed-form] #changes").FillAsync("titel aangescherpt");
        await BrowserWaits.SubmitAsync(page, page.Locator("[data-testid=discussed-form] button[type=submit]"));
        Assert.That(await page.Locator("[data-testid=finding-status]").InnerTextAsync(), Is.EqualTo("besproken"));
        await BrowserWaits.SubmitAsync(page, page.Locator("[data-testid=mark-final]"));
        Assert.That(await page.Locator("[data-testid=finding-status]").InnerTextAsync(), Is.EqualTo("vastgesteld"));
        await BrowserScreens.SaveScreenshotAsync(page, "finding-final.png");

        foreach (var (kind, file) in new[] { ("voortgang", "report-voortgang.png"), ("procesevaluatie", "report-procesevaluatie.png") })
        {
            await page.GotoAsync(Factory.ServerAddress + $"projecten/{projectId}/rapporten");
            await page.Locator("[data-testid=generate-form] #kind").SelectOptionAsync(kind);
            await page.Locator("[data-testid=generate-form] #from").FillAsync("2019-06-01");
            await page.Locator("[data-testid=generate-form] #to").FillAsync("2019-12-31");
            await page.Locator("[data-testid=generate-form] button[type=submit]").ClickAsync();
            await BrowserWaits.ForAddressAsync(page, new System.Text.RegularExpressions.Regex("/rapporten/\\d+$"));
            var html = await page.Locator("[data-testid=open-html]").GetAttributeAsync("href");
            var report = await context.NewPageAsync();
            report.SetDefaultTimeout(BrowserWaits.Milliseconds);
            var errors = new List<string>();
            report.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
            await report.GotoAsync(Factory.ServerAddress + html!.TrimStart('/'));
            Assert.That(await report.Locator("svg").CountAsync(), Is.GreaterThanOrEqualTo(2), $"{kind}: charts inline");
            Assert.That(errors, Is.Empty, $"{kind}: no console errors (e.g. a blocked stylesheet)");
            await BrowserScreens.SaveScreenshotAsync(report, file);
            // readable parts of the long page: its first screen and the first chart
            var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
            await report.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, file.Replace(".png", "-top.png", StringComparison.Ordinal)) });
            if (await report.Locator("figure").First.BoundingBoxAsync() is { } box)
            {
                await report.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(folder, file.Replace(".png", "-chart.png", StringComparison.Ordinal)),
                    FullPage = true,
                    Clip = new Clip { X = 0, Y = box.Y, Width = 1280, Height = Math.Min(box.Height + 40, 1600) },
                });
            }
            await report.CloseAsync();
        }

        // management: the dashboard and a stored report
        var management = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        management.SetDefaultTimeout(BrowserWaits.Milliseconds);
        var manager = await management.NewPageAsync();
        manager.SetDefaultTimeout(BrowserWaits.Milliseconds);
        await manager.GotoAsync(Factory.ServerAddress + "portfolio");
        await BrowserWaits.LogInAsync(manager, Login.Management);
        await manager.GotoAsync(Factory.ServerAddress + "portfolio");
        Assert.That(await manager.Locator("tbody tr").CountAsync(), Is.EqualTo(2));
        await BrowserScreens.SaveScreenshotAsync(manager, "portfolio.png");
        await manager.GotoAsync(Factory.ServerAddress + $"projecten/{projectId}/rapporten");
        Assert.That(await manager.Locator("[data-testid=snapshots] tbody tr").CountAsync(), Is.GreaterThanOrEqualTo(2));
        await manager.Locator("[data-testid=snapshots] tbody tr a").First.ClickAsync();
        await BrowserWaits.ForAddressAsync(manager, new System.Text.RegularExpressions.Regex("/rapporten/\\d+$"));
        Assert.That(await manager.Locator("[data-testid=changes]").InnerTextAsync(), Does.Contain("eerste rapport").Or.Contain("Sinds"));
        await BrowserScreens.SaveScreenshotAsync(manager, "report-snapshot-management.png");
        await management.DisposeAsync();
        await context.DisposeAsync();
    }

    /// <summary>Selects code points [start, end) of the document text as a mouse drag would, and lets the page's script read it.</summary>
    private static async Task<string> SelectTextAsync(IPage page, int start, int end) =>
        await page.EvaluateAsync<string>(@"([start, end]) => {
            const runs = [...document.querySelectorAll('#doc-text [data-start]')];
            const locate = (cp) => {
                const run = runs.filter(r => Number(r.dataset.start) <= cp).pop();
                const chars = Array.from(run.textContent).slice(0, cp - Number(run.dataset.start)).join('');
                return [run.firstChild, chars.length];
            };
            const range = document.createRange();
            range.setStart(...locate(start));
            range.setEnd(...locate(end));
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            document.getElementById('doc-text').dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
            return range.toString();
        }", new[] { start, end });

    private static async Task CodeInRoundAsync(IPage page, long documentId, int start, int end, string key)
    {
        if (!page.Url.Contains($"/documenten/{documentId}", StringComparison.Ordinal))
        {
            await page.Locator($"[data-testid=round-documents] a[href*='/documenten/{documentId}']").ClickAsync();
        }

        Assert.That(await page.Locator("[data-testid=round-banner]").InnerTextAsync(), Does.Contain("Blinde ronde"));
        await SelectTextAsync(page, start, end);
        await page.Locator("#codeId").SelectOptionAsync((await page.Locator($"#codeId option[data-key={key}]").GetAttributeAsync("value"))!);
        await page.Locator("input[name=valence][value=belemmerend]").CheckAsync();
        await BrowserWaits.SubmitAsync(page, page.Locator("#code-submit"));
    }

    [TestCase(1280, "exchange-import-report-desktop.png")]
    [TestCase(390, "exchange-import-report-390.png")]
    [Description("issue #17: an ATLAS.ti file with CRLF imports with every coding; the report and the file coders show")]
    public async Task TheExchangePageImportsAForeignFileAndShowsTheReportAndItsCoders(int width, string screenshot)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        page.SetDefaultTimeout(BrowserWaits.Milliseconds);
        // each case imports into another demo project: the same source GUID twice in one project is refused whole
        var slug = width == 1280 ? "samen-beslissen-arnhem" : "keuzehulp-werkzaak";
        var projectId = (await Factory.Services.GetRequiredService<Monitor.Core.Projects.ProjectStore>().ListAsync()).Single(p => p.Slug == slug).Id;
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"tool-{width}.qdpx");
        await File.WriteAllBytesAsync(file, width == 1280 ? Monitor.Core.Tests.Interop.Refi.ToolFiles.AtlasTi() : Monitor.Core.Tests.Interop.Refi.ToolFiles.QualCoder(maxqdaLineEndings: true));
        await page.GotoAsync(new Uri(Factory.ServerAddress, $"/projecten/{projectId}/codering/uitwisselen").ToString());
        await BrowserWaits.LogInAsync(page, Login.Researcher);

        await page.Locator("input[type=file][name=file]").SetInputFilesAsync(file);
        await page.Locator("form[enctype] button[type=submit]").ClickAsync();

        var report = page.Locator("[data-testid=import-report]");
        await report.WaitForAsync();
        var coding = report.Locator("tr", new LocatorLocatorOptions { HasText = "Coding" }).First;
        Assert.That(await coding.Locator("td").Nth(1).InnerTextAsync(), Is.EqualTo("6"));
        Assert.That(await coding.Locator("td").Nth(2).InnerTextAsync(), Is.EqualTo("0"));
        Assert.That(await page.Locator("[data-testid=file-coders]").InnerTextAsync(), Does.Contain("Anna").And.Contain("Bram"));
        Assert.That(await page.Locator("main").InnerTextAsync(), Does.Not.Contain("Alles of niets"));
        await BrowserScreens.SaveScreenshotAsync(page, screenshot);

        // the import codebook is unused until someone codes with it, so it can be deleted
        await page.GotoAsync(new Uri(Factory.ServerAddress, $"/projecten/{projectId}/codeboeken").ToString());
        await page.Locator("[data-testid^=delete-codebook]").Last.WaitForAsync();
        await BrowserScreens.SaveScreenshotAsync(page, screenshot.Replace("exchange-import-report", "codebooks", StringComparison.Ordinal));
    }
}
