using Monitor.Core.Coding;
using Monitor.Core.Data;
using Monitor.Core.Findings;
using Monitor.Core.Planning;
using Monitor.Core.Reports;
using Monitor.Core.Tests.Coding;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Reports;

/// <summary>
/// Pins the Markdown of both built-in templates on a fixed dataset (fixed clock, fixed names). When a template or
/// the data builder changes on purpose, run with UPDATE_GOLDEN=1 and review the diff of the golden files.
/// </summary>
public sealed class ReportGoldenTests
{
    private static readonly ReportParameters _period = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 22));

    internal static async Task<long> FixedProjectAsync(TempDatabase db)
    {
        var (projectId, meetingId, document) = await CodingStoreTests.ProjectWithMinutesAsync(db);
        var researcher = await CodingStoreTests.ResearcherAsync(db, "Onderzoeker A", projectId);
        await db.PlanStore.CreateActivityAsync(projectId, new PlanActivityDraft { Phase = 1, Title = "Kick-off met alle teams", Owner = "Projectleider", Status = ActivityStatus.Gereed, PlannedMonth = new YearMonth(2026, 9), StartedOn = new DateOnly(2026, 9, 1), CompletedOn = new DateOnly(2026, 10, 12) }, researcher);
        await db.PlanStore.CreateActivityAsync(projectId, new PlanActivityDraft { Phase = 1, Title = "Werkinstructie op intranet", Owner = "Kernteam", Status = ActivityStatus.Bezig, PlannedMonth = new YearMonth(2026, 10), StartedOn = new DateOnly(2026, 10, 5) }, researcher);
        await db.PlanStore.CreateActivityAsync(projectId, new PlanActivityDraft { Phase = 2, Title = "Training werkcoaches", Owner = "Teamleider", PlannedMonth = new YearMonth(2027, 1) }, researcher);
        var complexity = await CodingStoreTests.CodeIdAsync(db, "midi-4");
        var first = (await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, complexity, 11, 61, Valence.Belemmerend, "te ingewikkeld"), researcher))!.Value;
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodingStoreTests.CodeIdAsync(db, "midi-12"), 77, 106, Valence.Bevorderend), researcher);
        var finding = await db.Findings.CreateAsync(projectId, new FindingDraft
        {
            Kind = FindingKind.Les,
            Heading = "Ontwikkeling",
            Title = "Houd de keuzehulp *eenvoudig*",
            Explanation = "Werkcoaches haken af als het instrument te veel stappen heeft.",
            Determinants = [4],
            Phase = 1,
        }, [(EvidenceKind.Codering, first), (EvidenceKind.Bijeenkomst, meetingId)], researcher);
        await db.Findings.SetStatusAsync(projectId, finding, FindingStatus.Besproken, new FindingSession(new DateOnly(2026, 10, 20), "kernteam en onderzoekers", "titel ingekort"), researcher);
        await db.Findings.CreateAsync(projectId, new FindingDraft { Kind = FindingKind.Succesfactor, Heading = "Ontwikkeling", Title = "Een team dat wil", Determinants = [12] }, [], researcher);
        return projectId;
    }

    [TestCase(ReportKind.Voortgang, "voortgangsrapportage.md")]
    [TestCase(ReportKind.Procesevaluatie, "procesevaluatie.md")]
    public async Task TheBuiltInTemplateRendersTheFixedDatasetAsPinned(ReportKind kind, string golden)
    {
        using var db = await TempDatabase.MigratedAsync();
        var projectId = await FixedProjectAsync(db);

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
        var (projectId, _, _) = await Meetings.MeetingStoreTests.ProjectWithGroupAsync(db);

        var snapshot = (await db.Reports.GenerateAsync(projectId, kind, null, _period, new Actor(null, "Test")))!;

        Assert.That(snapshot.Markdown, Does.Contain("Nog geen gegevens"));
        Assert.That(snapshot.Html, Does.Contain("Nog geen gegevens").And.StartWith("<!DOCTYPE html>"));
        Assert.That(snapshot.Markdown, Does.Not.Contain("{{"));
    }

    [Test]
    public async Task TheHtmlCarriesTheChartsAsInlineSvgWithTheirNumbersAndEscapesUserText()
    {
        using var db = await TempDatabase.MigratedAsync();
        var projectId = await FixedProjectAsync(db);

        var snapshot = (await db.Reports.GenerateAsync(projectId, ReportKind.Procesevaluatie, null, _period, new Actor(null, "Test")))!;

        Assert.That(System.Text.RegularExpressions.Regex.Count(snapshot.Html, "<svg"), Is.GreaterThanOrEqualTo(2));
        Assert.That(snapshot.Html, Does.Contain("Complexiteit"));
        Assert.That(snapshot.Html, Does.Contain("*eenvoudig*"), "a title with Markdown characters shows them literally");
        Assert.That(snapshot.Html, Does.Not.Contain("<script"));
        Assert.That(snapshot.Markdown, Does.Contain("> “"), "evidence quotes");
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path)!)!;
}
