using Monitor.Core.Data;
using Monitor.Core.Reports;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Reports;

/// <summary>
/// Pins the Markdown of both built-in templates on a fixed dataset (fixed clock, fixed names). When a template or
/// the data builder changes on purpose, run with UPDATE_GOLDEN=1 and review the diff of the golden files.
/// </summary>
public sealed class ReportGoldenTests
{
    private static readonly ReportParameters _period = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 22));

    [TestCase(ReportKind.Voortgang, "voortgangsrapportage.md")]
    [TestCase(ReportKind.Procesevaluatie, "procesevaluatie.md")]
    public async Task TheBuiltInTemplateRendersTheFixedDatasetAsPinned(ReportKind kind, string golden)
    {
        using var db = await TempDatabase.MigratedAsync();
        var projectId = await ReportFixtures.FixedProjectAsync(db);

        var snapshot = (await db.Reports.GenerateAsync(projectId, kind, null, _period, new Actor(null, "Test")))!;

        var path = Path.Combine(SourceFolder(), "Reports", "Golden", golden);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            await File.WriteAllTextAsync(path, snapshot.Markdown);
            Assert.Fail($"Golden file written to {path}; review it and run again.");
        }

        Assert.That(snapshot.Markdown, Is.EqualTo(await File.ReadAllTextAsync(path)));
    }

    [TestCase(ReportKind.Voortgang)]
    [TestCase(ReportKind.Procesevaluatie)]
    public async Task AProjectWithoutAnyDataRendersWithNoDataSectionsNotErrors(ReportKind kind)
    {
        using var db = await TempDatabase.MigratedAsync();
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);

        var snapshot = (await db.Reports.GenerateAsync(projectId, kind, null, _period, new Actor(null, "Test")))!;

        Assert.That(snapshot.Markdown, Does.Contain("Nog geen gegevens"));
        Assert.That(snapshot.Html, Does.Contain("Nog geen gegevens").And.StartWith("<!DOCTYPE html>"));
        Assert.That(snapshot.Markdown, Does.Not.Contain("{{"));
    }

    [Test]
    public async Task TheHtmlCarriesTheChartsAsInlineSvgWithTheirNumbersAndEscapesUserText()
    {
        using var db = await TempDatabase.MigratedAsync();
        var projectId = await ReportFixtures.FixedProjectAsync(db);

        var snapshot = (await db.Reports.GenerateAsync(projectId, ReportKind.Procesevaluatie, null, _period with { Concept = true }, new Actor(null, "Test")))!;

        Assert.That(System.Text.RegularExpressions.Regex.Count(snapshot.Html, "<svg"), Is.GreaterThanOrEqualTo(2));
        Assert.That(snapshot.Html, Does.Contain("Complexiteit"));
        Assert.That(snapshot.Html, Does.Contain("*eenvoudig*"), "a title with Markdown characters shows them literally");
        Assert.That(snapshot.Html, Does.Not.Contain("<script"));
        Assert.That(snapshot.Markdown, Does.Contain("> “"), "evidence quotes");
    }

    [Test]
    public async Task TheProcessEvaluationToSendHoldsOnlySettledFindingsAndTheDraftMarksEveryChapterConcept()
    {
        using var db = await TempDatabase.MigratedAsync();
        var projectId = await ReportFixtures.FixedProjectAsync(db);
        var succes = (await db.Findings.ListAsync(projectId)).Single(f => f.Fields.Kind == Monitor.Core.Findings.FindingKind.Succesfactor);
        var session = new Monitor.Core.Findings.FindingSession(new DateOnly(2026, 10, 27), "ontwikkelgroep", "");
        await db.Findings.SetStatusAsync(projectId, succes.Id, Monitor.Core.Findings.FindingStatus.Besproken, session, new Actor(null, "Test"));
        await db.Findings.SetStatusAsync(projectId, succes.Id, Monitor.Core.Findings.FindingStatus.Vastgesteld, null, new Actor(null, "Test"));

        var toSend = (await db.Reports.GenerateAsync(projectId, ReportKind.Procesevaluatie, null, _period, new Actor(null, "Test")))!;
        var draft = (await db.Reports.GenerateAsync(projectId, ReportKind.Procesevaluatie, null, _period with { Concept = true }, new Actor(null, "Test")))!;

        Assert.That(toSend.Markdown, Does.Contain("Een team dat wil").And.Not.Contain("Houd de keuzehulp"), "the discussed but unsettled lesson stays out");
        Assert.That(toSend.Markdown, Does.Contain("Er zijn 1 succesfactoren vastgesteld"));
        Assert.That(toSend.Markdown, Does.Not.Contain("CONCEPT"));
        Assert.That(draft.Markdown, Does.Contain("Houd de keuzehulp"));
        var chapters = draft.Markdown.Split("\n## ").Skip(1).Where(c => !c.StartsWith("Literatuur", StringComparison.Ordinal) && !c.StartsWith("Bijlage", StringComparison.Ordinal)).ToList();
        Assert.That(chapters, Has.Count.EqualTo(12), "samenvatting, 8 numbered chapters, the use of the innovation, the effects and client participation");
        Assert.That(chapters, Has.All.Contains("**CONCEPT**"), "every chapter is marked");
        Assert.That(draft.Html, Does.Contain("CONCEPT, niet verspreiden"));
        Assert.That(toSend.Markdown, Does.Contain("determinanten: relevantie").Or.Contain("determinanten: "), "by name");
        Assert.That(toSend.Markdown, Does.Not.Match(@"MIDI \d"), "never bare determinant numbers");
        Assert.That(toSend.Markdown, Does.Contain("1 sessie besproken (27 oktober 2026 met ontwikkelgroep)").And.Not.Contain("kernteam"), "the method names who really took part");
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path)!)!;
}
