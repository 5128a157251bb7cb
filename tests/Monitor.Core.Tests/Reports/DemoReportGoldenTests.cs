using Monitor.Core.Data;
using Monitor.Core.Reports;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Reports;

/// <summary>
/// Pins both reports of both demo projects on the periods a new user tries first (issue #14): Keuzehulp's Q4 2020 and
/// Samen Beslissen's June–August 2021, both long before the clock of the tests (22 November 2026). Every figure is
/// as of the period's end. When a template or the data builder changes on purpose, run with UPDATE_GOLDEN=1 and
/// review the diff of the golden files.
/// </summary>
public sealed class DemoReportGoldenTests
{
    private static readonly DateOnly _today = new(2026, 11, 22);

    [TestCase("keuzehulp-werkzaak", ReportKind.Voortgang, "2020-10-01", "2020-12-31", "demo-keuzehulp-voortgang-2020q4.md")]
    [TestCase("samen-beslissen-arnhem", ReportKind.Voortgang, "2021-06-01", "2021-08-31", "demo-arnhem-voortgang-2021-zomer.md")]
    [TestCase("keuzehulp-werkzaak", ReportKind.Procesevaluatie, "2019-03-01", "2021-03-01", "demo-keuzehulp-procesevaluatie.md")]
    [TestCase("samen-beslissen-arnhem", ReportKind.Procesevaluatie, "2020-09-01", "2022-12-31", "demo-arnhem-procesevaluatie.md")]
    public async Task TheDemoReportsRenderAsPinned(string slug, ReportKind kind, string from, string to, string golden)
    {
        using var db = await DemoAsync();
        var snapshot = await GenerateAsync(db, slug, kind, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        var path = Path.Combine(SourceFolder(), "Reports", "Golden", golden);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            await File.WriteAllTextAsync(path, snapshot.Markdown);
            Assert.Fail($"Golden file written to {path}; review it and run again.");
        }

        Assert.That(snapshot.Markdown, Is.EqualTo(await File.ReadAllTextAsync(path)));
    }

    [Test]
    public async Task KeuzehulpsQuarterFourReportStandsAsOfItsEndNotAsOfToday()
    {
        using var db = await DemoAsync();

        var markdown = (await GenerateAsync(db, "keuzehulp-werkzaak", ReportKind.Voortgang, new DateOnly(2020, 10, 1), new DateOnly(2020, 12, 31))).Markdown;

        Assert.That(markdown, Does.Contain("stond het project in fase 0 · "), "phase 0 until the decision of March 2021");
        var overdue = Section(markdown, "### Achterstallig", "### Volgende stappen");
        Assert.That(overdue, Does.Not.Contain("2021"), "nothing planned for 2021 was overdue at the end of 2020");
        var next = Section(markdown, "### Volgende stappen", "## Bijeenkomsten");
        Assert.That(next, Does.Contain("1 januari 2021 tot en met 31 maart 2021").And.Contain("Communicatieplan keuzehulp opstellen").And.Contain("Beheersysteem en versiebeheer inrichten"));
        Assert.That(next, Does.Not.Contain("april 2021"), "the next period is Q1 2021");
        var actions = Section(markdown, "### Open actiepunten", "## Bevorderende");
        var since = System.Text.RegularExpressions.Regex.Matches(actions, @"^\| [^|]+ \| [^|]+ \| ([^|]+) \|", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value.Trim()).Skip(1).Where(s => !s.StartsWith("---", StringComparison.Ordinal)).ToList();
        Assert.That(since, Is.Not.Empty);
        Assert.That(since, Has.All.EndsWith("2019").Or.EndsWith("2020"), "only action items of meetings held by the end of 2020 (none added later)");
    }

    [Test]
    public async Task TheScheduledMonthlyReportAndOneMadeByHandForTheSameMonthAreIdentical()
    {
        using var db = await DemoAsync();
        var projectId = await ProjectIdAsync(db, "keuzehulp-werkzaak");
        var monthly = new MonthlyProgressReports(db.Projects, db.Reports, db.Accounts, new Monitor.Core.Notifications.NotificationStore(db.Database, db.Time), new ReportSchedule(db.Database, db.Audit));

        // 1 December 2020: the monthly job makes November 2020 of the running Keuzehulp project
        Assert.That(await monthly.GenerateDueAsync(new DateOnly(2020, 12, 1)), Is.EqualTo(2), "both demo projects ran in November 2020");
        var scheduled = (await db.Reports.ListSnapshotsAsync(projectId)).Single();
        var byHand = (await db.Reports.GenerateAsync(projectId, ReportKind.Voortgang, null, ReportService.PreviousMonth(new DateOnly(2020, 12, 1)), new Actor(null, "Onderzoeker")))!;

        Assert.That(byHand.Markdown, Is.EqualTo((await db.Reports.FindSnapshotAsync(projectId, scheduled.Id))!.Markdown));
    }

    [Test]
    public async Task DemoCodingsAreFiledUnderThePhaseTheRecordedDecisionsGiveTheirDate()
    {
        using var db = await DemoAsync();
        var arnhem = await ProjectIdAsync(db, "samen-beslissen-arnhem");

        var fragments = await db.Fragments.ListFragmentsAsync(arnhem, new Monitor.Core.Coding.FragmentFilter { Limit = int.MaxValue });
        var matrix = await db.Fragments.MatrixAsync(arnhem, byGroup: false);

        Assert.That(fragments, Is.Not.Empty);
        Assert.That(fragments.Select(f => f.Phase).Distinct().ToList(), Is.EqualTo(new int?[] { 0 }), "the sessions of 2020-21 developed the products: phase 0, not the plan's first phase");
        var used = Enumerable.Range(0, matrix.Columns.Count).Where(i => matrix.Rows.Any(r => r.Cells[i].Total > 0)).Select(i => matrix.Columns[i].Label).ToList();
        Assert.That(used, Is.EqualTo(new[] { "Ontwikkelen" }));
        Assert.That(matrix.Columns.Select(c => c.Label), Does.Not.Contain("Fase onbekend"), "every fragment has a recorded phase");
    }

    internal static async Task<TempDatabase> DemoAsync()
    {
        var db = await TempDatabase.MigratedAsync();
        await db.Demo.LoadIfEmptyAsync();
        foreach (var coder in Monitor.Core.Demo.DemoCodingLoader.Read().Coders)
        {
            await db.Accounts.CreateAsync(new Monitor.Core.Accounts.NewAccount { Email = coder.Email, DisplayName = coder.Label, PasswordHash = "x" }, Actor.System);
        }

        await db.DemoCodings.LoadIfNeededAsync();
        await db.DemoFindings.LoadIfNeededAsync();
        await db.DemoLearning.LoadIfNeededAsync();
        await db.DemoEffects.LoadIfNeededAsync();
        await db.DemoOrganisation.LoadIfNeededAsync();
        return db;
    }

    internal static async Task<long> ProjectIdAsync(TempDatabase db, string slug) =>
        (await db.Projects.ListAsync()).Single(p => p.Slug == slug).Id;

    internal static async Task<ReportSnapshot> GenerateAsync(TempDatabase db, string slug, ReportKind kind, DateOnly from, DateOnly to) =>
        (await db.Reports.GenerateAsync(await ProjectIdAsync(db, slug), kind, null, new ReportParameters(from, to, _today), new Actor(null, "Test")))!;

    private static string Section(string markdown, string start, string end)
    {
        var from = markdown.IndexOf(start, StringComparison.Ordinal);
        Assert.That(from, Is.GreaterThanOrEqualTo(0), start);
        var to = markdown.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? markdown[from..] : markdown[from..to];
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path)!)!;
}
