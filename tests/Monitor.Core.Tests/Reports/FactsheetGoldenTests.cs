using Monitor.Core.Data;
using Monitor.Core.Planning;
using Monitor.Core.Reports;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Reports;

/// <summary>
/// The factsheet (#23) pinned on the Keuzehulp demo's first quarter of 2021 (the plan was vastgesteld on 12 January),
/// and the reports naming the plan version they measured against. When the factsheet template or its data change on
/// purpose, run with UPDATE_GOLDEN=1 and review the diff of the golden file.
/// </summary>
public sealed class FactsheetGoldenTests
{
    private static readonly ReportParameters _quarter = new(new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 31), new DateOnly(2026, 11, 22));

    [Test]
    public async Task TheKeuzehulpFactsheetRendersAsPinned()
    {
        using var db = await DemoReportGoldenTests.DemoAsync();
        var projectId = await DemoReportGoldenTests.ProjectIdAsync(db, "keuzehulp-werkzaak");

        var factsheet = (await db.Reports.FactsheetAsync(projectId, _quarter))!;

        var path = Path.Combine(SourceFolder(), "Reports", "Golden", "demo-keuzehulp-factsheet-2021q1.md");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            await File.WriteAllTextAsync(path, factsheet.Markdown);
            Assert.Fail($"Golden file written to {path}; review it and run again.");
        }

        Assert.That(factsheet.Markdown, Is.EqualTo(await File.ReadAllTextAsync(path)));
    }

    [Test]
    public async Task TheFactsheetIsOnePrintablePageAndAWordDocumentWithTheSameFigures()
    {
        using var db = await DemoReportGoldenTests.DemoAsync();
        var projectId = await DemoReportGoldenTests.ProjectIdAsync(db, "keuzehulp-werkzaak");

        var factsheet = (await db.Reports.FactsheetAsync(projectId, _quarter))!;

        Assert.That(factsheet.Html, Does.StartWith("<!DOCTYPE html>").And.Contain("margin: 12mm 14mm").And.Contain("font-size: 9pt"), "the one-page print rules");
        Assert.That(factsheet.Html, Does.Contain("Kengetallen").And.Contain("↑").Or.Contain("↓").Or.Contain("→ gelijk"));
        Assert.That(factsheet.Html, Does.Contain("Gemeten tegen planversie ‘Definitief’ (vastgesteld 12-01-2021)"));
        using var word = new System.IO.Compression.ZipArchive(new MemoryStream(factsheet.Docx));
        using var document = new StreamReader(word.GetEntry("word/document.xml")!.Open());
        Assert.That(await document.ReadToEndAsync(), Does.Contain("Succesfactoren").And.Contain("Volgende stappen"));
    }

    [Test]
    public async Task TheProgressReportNamesTheDemoBaselineAndWhatMovedSince()
    {
        using var db = await DemoReportGoldenTests.DemoAsync();

        var quarter = (await DemoReportGoldenTests.GenerateAsync(db, "keuzehulp-werkzaak", ReportKind.Voortgang, _quarter.From, _quarter.To)).Markdown;
        var before = (await DemoReportGoldenTests.GenerateAsync(db, "keuzehulp-werkzaak", ReportKind.Voortgang, new DateOnly(2020, 10, 1), new DateOnly(2020, 12, 31))).Markdown;

        Assert.That(quarter, Does.Contain("Gemeten tegen planversie ‘Definitief’ (vastgesteld 12-01-2021)."));
        Assert.That(quarter, Does.Contain("| gewijzigd | 1 | Cliënten informeren met de brochure over de keuzehulp | maand van realisatie: 2021-04 → 2021-05 |"));
        Assert.That(before, Does.Contain("Er was op 31 december 2020 geen vastgestelde planversie"), "the plan was vastgesteld in January 2021");
    }

    [Test]
    public async Task BothReportsNameTheVersionThatWasTheBaselineAtTheirDate()
    {
        using var db = await TempDatabase.MigratedAsync();
        var projectId = await ReportFixtures.FixedProjectAsync(db);
        var leader = new Actor(7, "Projectleider");
        var first = (await db.PlanVersions.CreateAsync(projectId, "Definitief", null, leader))!.Value;
        await db.PlanVersions.ChangeStatusAsync(projectId, first, new PlanVersionStepDraft { Status = PlanVersionStatus.Vastgesteld, HappenedOn = new DateOnly(2026, 11, 22), Who = "Stuurgroep" }, leader);
        var period = new ReportParameters(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 22));

        var progress = (await db.Reports.GenerateAsync(projectId, ReportKind.Voortgang, null, period, leader))!;
        var evaluation = (await db.Reports.GenerateAsync(projectId, ReportKind.Procesevaluatie, null, period, leader))!;

        Assert.That(progress.Markdown, Does.Contain("Gemeten tegen planversie ‘Definitief’ (vastgesteld 22-11-2026)."));
        Assert.That(progress.Markdown, Does.Contain("Het plan is niet gewijzigd sinds planversie ‘Definitief’"));
        Assert.That(evaluation.Markdown, Does.Contain("Gemeten tegen planversie ‘Definitief’ (vastgesteld 22-11-2026)."));
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path)!)!;
}
