using Monitor.Core.Data;
using Monitor.Core.Innovation;
using Monitor.Core.Reports;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Reports;

/// <summary>The chapter on the use of the innovation in both reports (issue #22), as of the report's date.</summary>
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class InnovationChapterTests
{
    private readonly DatabaseEngine _engine;

    public InnovationChapterTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _leader = new(null, "Projectleider");

    [Test]
    [Description("issue #22: the progress report shows fidelity and reach as of the period's end; later checklists and months do not count")]
    public async Task TheProgressReportShowsUseOfTheInnovationAsOfThePeriodEnd()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var elements = new CoreElementStore(db.Database, db.Audit, db.Codebooks, db.Time);
        var fidelity = new FidelityStore(db.Database, db.Audit, db.Time);
        var reach = new ReachStore(db.Database, db.Audit, db.Time);
        await elements.AdoptAsync(projectId, "three-talk", _leader);
        var ids = (await elements.ListAsync(projectId))!.Select(e => e.Id).ToList();
        for (var day = 1; day <= 5; day++)
        {
            await fidelity.RecordAsync(projectId, new ChecklistDraft { Team = "Noord", ConversationOn = new DateOnly(2026, 3, day), Kind = ChecklistKind.Observatie, Delivered = day == 1 ? [ids[0]] : [ids[0], ids[1]] }, _leader);
        }

        // after the period: must not count
        await fidelity.RecordAsync(projectId, new ChecklistDraft { Team = "Noord", ConversationOn = new DateOnly(2026, 4, 2), Kind = ChecklistKind.Observatie, Delivered = [] }, _leader);
        await reach.SaveAsync(projectId, new ReachCount { Team = "Noord", Month = new DateOnly(2026, 3, 1), Professionals = 10, Trained = 8, Users = 6, TargetClients = 200, ClientsReached = 30 }, _leader);
        await reach.SaveAsync(projectId, new ReachCount { Team = "Noord", Month = new DateOnly(2026, 4, 1), Professionals = 10, Trained = 10, Users = 9, TargetClients = 200, ClientsReached = 90 }, _leader);

        var data = (await db.ReportData.ProgressAsync(projectId, new ReportParameters(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), new DateOnly(2026, 11, 22))))!;

        Assert.That(data.Texts[ReportPlaceholders.Innovatie], Does.Contain("Tot en met 31 maart 2026 zijn 5 checklists na een gesprek ingevuld"));
        Assert.That(data.Texts[ReportPlaceholders.Innovatie], Does.Contain("In maart 2026 was 80% van de professionals getraind, had 60% de innovatie minstens één keer gebruikt en is 15% van de doelgroep bereikt"));
        Assert.That(data.Texts[ReportPlaceholders.Innovatie], Does.Contain("Het minst uitgevoerd is **Beslissingsgesprek (decision talk)** (0% van de gesprekken)"));
        var rows = data.Tables[ReportPlaceholders.Kernelementen].Rows;
        Assert.That(rows.Select(r => (r[0], r[2], r[3])).Take(2), Is.EqualTo(new[] { ("Teamgesprek (team talk)", "5", "100%"), ("Optiegesprek (option talk)", "5", "80%") }));
        Assert.That(data.Charts[ReportPlaceholders.InnovatieTrouw].Svg, Does.Contain("Programmatrouw per kernelement"));
        Assert.That(data.Charts[ReportPlaceholders.InnovatieBereik].Data.Rows, Has.Count.EqualTo(1), "April is after the period");
    }

    [Test]
    [Description("issue #22: with fewer than 5 checklists the report, which reaches management, gives counts and no percentages")]
    public async Task FewerThanFiveChecklistsGiveNoPercentages()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var elements = new CoreElementStore(db.Database, db.Audit, db.Codebooks, db.Time);
        await elements.AdoptAsync(projectId, "methodisch-werken", _leader);
        var first = (await elements.ListAsync(projectId))![0].Id;
        await new FidelityStore(db.Database, db.Audit, db.Time).RecordAsync(projectId,
            new ChecklistDraft { Team = "Zuid", ConversationOn = new DateOnly(2026, 3, 2), Kind = ChecklistKind.Observatie, Delivered = [first] }, _leader);

        var data = (await db.ReportData.EvaluationAsync(projectId, new ReportParameters(new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 22))))!;

        Assert.That(data.Texts[ReportPlaceholders.Innovatie], Does.Contain("1 checklists ingevuld; percentages worden pas vanaf 5 checklists getoond"));
        Assert.That(data.Tables[ReportPlaceholders.Kernelementen].Rows[0][3], Is.EqualTo("–"));
        Assert.That(data.Charts[ReportPlaceholders.InnovatieTrouw].Svg, Is.Empty);
    }
}
