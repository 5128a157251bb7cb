using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Reports;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Reports;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class ReportServiceTests
{
    private readonly DatabaseEngine _engine;

    public ReportServiceTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _researcher = new(null, "Onderzoeker A");
    private static readonly ReportParameters _period = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 22));

    [Test]
    public async Task ACopiedTemplateIsEditedVersionedUsedAndABrokenOneIsRefusedNamingLineAndPlaceholder()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ReportFixtures.FixedProjectAsync(db);
        var templateId = await db.Reports.CopyTemplateAsync(projectId, ReportKind.Voortgang, "Kort", _researcher);

        var broken = Assert.ThrowsAsync<ValidationException>(async () =>
            await db.Reports.SaveTemplateAsync(projectId, templateId, "## Kort\n\nFase: {{waarde fase.huidig}}\n{{tabel fasen.onbekend}}\n", _researcher));
        Assert.That(broken!.Message, Does.Contain("Regel 4").And.Contain("fasen.onbekend"));
        Assert.That((await db.Reports.FindTemplateAsync(projectId, ReportKind.Voortgang, templateId))!.Version, Is.EqualTo("v1"), "nothing saved");

        Assert.That(await db.Reports.SaveTemplateAsync(projectId, templateId, "## Kort\n\nFase: {{waarde fase.huidig}}\n\n{{tabel fasen}}\n", _researcher), Is.True);
        var snapshot = (await db.Reports.GenerateAsync(projectId, ReportKind.Voortgang, templateId, _period, _researcher))!;

        Assert.That(snapshot.Info.TemplateVersion, Is.EqualTo("v2"));
        Assert.That(snapshot.Markdown, Does.Contain("Fase: 1 · Weten").And.Contain("| Fase |"));
        Assert.That(snapshot.Markdown, Does.Not.Contain("Bevorderende en belemmerende"));
    }

    [Test]
    public async Task EverySnapshotIsStoredUnchangedAndRegeneratingShowsWhatChanged()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ReportFixtures.FixedProjectAsync(db);
        var first = (await db.Reports.GenerateAsync(projectId, ReportKind.Procesevaluatie, null, _period with { Concept = true }, _researcher))!;
        var finding = (await db.Findings.ListAsync(projectId)).First(f => f.Fields.Kind == Monitor.Core.Findings.FindingKind.Succesfactor);
        await db.Findings.UpdateAsync(projectId, finding.Id, finding.Fields with { Title = "Een team dat echt wil" }, _researcher);

        var second = (await db.Reports.GenerateAsync(projectId, ReportKind.Procesevaluatie, null, _period with { Concept = true }, _researcher))!;
        var stored = (await db.Reports.FindSnapshotAsync(projectId, first.Info.Id))!;
        var diff = (await db.Reports.DiffWithPreviousAsync(projectId, second.Info.Id))!.Value;

        Assert.That(stored.Html, Is.EqualTo(first.Html));
        Assert.That(stored.Markdown, Is.EqualTo(first.Markdown));
        Assert.That(diff.Previous.Id, Is.EqualTo(first.Info.Id));
        Assert.That(diff.Lines.Where(l => l.Kind == '+').Select(l => l.Text), Has.Some.Contains("Een team dat echt wil"));
        Assert.That(diff.Lines.Where(l => l.Kind == '-').Select(l => l.Text), Has.Some.Contains("Een team dat wil"));
        Assert.That(await db.Reports.DiffWithPreviousAsync(projectId, first.Info.Id), Is.Null, "the first report has nothing before it");
        Assert.That(await db.Reports.ListSnapshotsAsync(projectId), Has.Count.EqualTo(2));
    }

    [Test]
    public void ThePreviousMonthIsTheDefaultPeriodOfAScheduledReport()
    {
        Assert.That(ReportService.PreviousMonth(new DateOnly(2026, 1, 2)), Is.EqualTo(new ReportParameters(new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 2))));
    }

    [Test]
    public void TheLineDiffFindsAddedAndRemovedLines()
    {
        var diff = ReportService.Diff(["a", "b", "c"], ["a", "c", "d"]);

        Assert.That(diff.Select(l => $"{l.Kind}{l.Text}"), Is.EqualTo(new[] { " a", "-b", " c", "+d" }));
    }

    [TestCase(new[] { "# Titel", "", "| a |", "|---|", "", "tekst" }, new[] { "# Titel", "", "", "| a |", "|---|", "nieuw", "", "tekst", "" }, 6)]
    [TestCase(new[] { "x", "a" }, new[] { "a", "x" }, 1)]
    [TestCase(new string[0], new[] { "a", "b" }, 0)]
    [TestCase(new[] { "a", "b" }, new string[0], 0)]
    public void TheLineDiffRebuildsBothReportsKeepingTheLongestCommonLines(string[] before, string[] after, int unchanged)
    {
        var diff = ReportService.Diff(before, after);

        Assert.That(diff.Where(l => l.Kind != '+').Select(l => l.Text), Is.EqualTo(before));
        Assert.That(diff.Where(l => l.Kind != '-').Select(l => l.Text), Is.EqualTo(after));
        Assert.That(diff.Count(l => l.Kind == ' '), Is.EqualTo(unchanged));
    }

    [Test]
    public async Task TheProgressReportCountsAFollowUpOnlyFromThePeriodInWhichItWasMade()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var october = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 8));
        var november = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 11, 5));
        var reflection = (await db.Reflections.SaveAsync(projectId, october, new Monitor.Core.Meetings.ReflectionInput { MemberId = members[0], WentLess = "Te lang" }, "secretaris", _researcher))!.Value;
        await db.Reflections.RecordFollowUpAsync(projectId, reflection, november, "Korter gemaakt", _researcher);

        var octoberReport = (await db.Reports.GenerateAsync(projectId, ReportKind.Voortgang, null, _period, _researcher))!;
        var autumnReport = (await db.Reports.GenerateAsync(projectId, ReportKind.Voortgang, null, _period with { To = new DateOnly(2026, 11, 30) }, _researcher))!;

        Assert.That(octoberReport.Markdown, Does.Contain("| ‘Minder gewerkt’ opgevolgd | – |"), "on 31 October the follow-up of 5 November was not there yet");
        Assert.That(octoberReport.Markdown, Does.Contain("| Bijeenkomsten | 1 | 0 | \\+1 |"));
        Assert.That(autumnReport.Markdown, Does.Contain("| ‘Minder gewerkt’ opgevolgd | 100% |"), "by 30 November it was followed up");
    }

    [Test]
    [Description("issue #14: a project chooses its own default template; a report made without naming one, the monthly one included, uses it")]
    public async Task TheProjectsDefaultTemplateIsUsedByReportsWithoutATemplateAndByTheMonthlyJob()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ReportFixtures.FixedProjectAsync(db);
        var templateId = await db.Reports.CopyTemplateAsync(projectId, ReportKind.Voortgang, "Gemeente Arnhem", _researcher);
        await db.Reports.SaveTemplateAsync(projectId, templateId, "## Voor de gemeente\n\nFase: {{waarde fase.huidig}}\n", _researcher);

        var before = (await db.Reports.GenerateAsync(projectId, ReportKind.Voortgang, null, _period, _researcher))!;
        Assert.That(await db.Reports.SetDefaultTemplateAsync(projectId, ReportKind.Voortgang, templateId, _researcher), Is.True);
        var after = (await db.Reports.GenerateAsync(projectId, ReportKind.Voortgang, null, _period, _researcher))!;
        var evaluation = (await db.Reports.GenerateAsync(projectId, ReportKind.Procesevaluatie, null, _period, _researcher))!;
        var monthly = new MonthlyProgressReports(db.Projects, db.Reports, db.Accounts, new Monitor.Core.Notifications.NotificationStore(db.Database, db.Time), new ReportSchedule(db.Database, db.Audit));
        await monthly.GenerateDueAsync(new DateOnly(2026, 12, 1));
        var scheduled = (await db.Reports.ListSnapshotsAsync(projectId)).OrderBy(s => s.Id).Last();

        Assert.That(before.Markdown, Does.Not.Contain("Voor de gemeente"));
        Assert.That(after.Markdown, Does.Contain("## Voor de gemeente"));
        Assert.That(evaluation.Markdown, Does.Not.Contain("Voor de gemeente"), "the default is per kind of report");
        Assert.That(scheduled.Parameters, Does.Contain("\"sjabloon\":\"Gemeente Arnhem\""));
        var templates = await db.Reports.ListTemplatesAsync(projectId, ReportKind.Voortgang);
        Assert.That(templates.Single(t => t.IsDefault).Id, Is.EqualTo(templateId));

        Assert.That(await db.Reports.SetDefaultTemplateAsync(projectId, ReportKind.Voortgang, null, _researcher), Is.True, "back to the built-in one");
        Assert.That((await db.Reports.ListTemplatesAsync(projectId, ReportKind.Voortgang)).Single(t => t.IsDefault).Id, Is.Null);
        Assert.That(await db.Reports.SetDefaultTemplateAsync(projectId, ReportKind.Procesevaluatie, templateId, _researcher), Is.False, "a progress template is no evaluation template");
    }
}
