using System.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Import;
using Monitor.Core.Effects.Linkage;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Tests.Planning;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Effects;

/// <summary>Import of another survey tool's export (issue #18): column and value mapping, rows refused with their reason, one transaction.</summary>
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class ResponseImportTests
{
    private readonly DatabaseEngine _engine;

    public ResponseImportTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _researcher = new(null, "Onderzoeker");

    // a Survalyzer-like export: respondent number, condition, code, two Likert items as labels, a yes/no item, an open answer
    private const string Export = """
        Respondent;Groep;Code;Ik vertel de cliënt dat hij meebeslist;Samen beslissen kost tijd;Gebruikt u de waaier?;Opmerking
        1;Interventie;MA073;Helemaal mee eens;Oneens;Ja;Goed initiatief
        2;Controle;;Neutraal;Mee eens;Nee;
        3;Onbekend;;Mee eens;Mee eens;Ja;
        4;Interventie;XX;Eens;Eens;Ja;
        5;Interventie;ma-07-3;Eens;Eens;Ja;
        6;Controle;;Misschien;Eens;Soms;

        8;wit;;Helemaal mee oneens;;;

        """;

    private static async Task<(long ProjectId, Questionnaire Questionnaire, long RoundId, ResponseImportStore Import, SurveyRoundStore Rounds)> SetupAsync(TempDatabase db)
    {
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var questionnaires = new QuestionnaireStore(db.Database, db.Audit, db.Time);
        var rounds = new SurveyRoundStore(db.Database, db.Audit, db.Time);
        var id = (await questionnaires.CreateAsync(projectId, "Nameting", TargetGroup.Professionals,
        [
            new ItemDraft("Ik vertel de cliënt dat hij meebeslist.", ItemKind.Likert5),
            new ItemDraft("Samen beslissen kost tijd.", ItemKind.Likert5, ReverseScored: true),
            new ItemDraft("Gebruikt u de waaier?", ItemKind.JaNeeWeetNiet),
            new ItemDraft("Opmerking", ItemKind.Open),
        ], _researcher))!.Value;
        var questionnaire = (await questionnaires.ListAsync(projectId)).Single();
        var roundId = (await rounds.CreateAsync(projectId, id, new RoundDraft("Nameting", Measurement.Nameting, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31), null, Sidedness.Groter), _researcher))!.Value;
        return (projectId, questionnaire, roundId, new ResponseImportStore(db.Database, db.Audit, rounds, questionnaires), rounds);
    }

    private static ImportMapping Mapping(Questionnaire q, Dictionary<string, string>? values = null) =>
        new(new Dictionary<long, int> { [q.Items[0].Id] = 3, [q.Items[1].Id] = 4, [q.Items[2].Id] = 5, [q.Items[3].Id] = 6 }, 1, null, 2, values ?? []);

    [Test]
    [Description("issue #18: the export's columns map to items, condition and personal code; labels map to answers; rows with a problem are refused with their number and a Dutch reason")]
    public async Task RowsAreMappedAndRefusedRowsAreReported()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var s = await SetupAsync(db);
        var table = ResponseTable.Read("export.csv", Encoding.UTF8.GetBytes(Export));

        var plan = ResponseImport.Prepare(s.Questionnaire, table, Mapping(s.Questionnaire, new() { ["Misschien"] = "3" }));
        var report = (await s.Import.ImportAsync(s.ProjectId, s.RoundId, table, Mapping(s.Questionnaire), _researcher))!;
        var responses = await s.Rounds.ResponsesAsync(s.ProjectId, s.RoundId);

        Assert.That(table.Headers[3], Is.EqualTo("Ik vertel de cliënt dat hij meebeslist"));
        Assert.That(plan.Taken.Select(t => t.Row), Is.EqualTo(new[] { 2, 3, 9 }), "row 7 takes 'Misschien' as 3 with the extra mapping, but 'Soms' still fails");
        Assert.That(report.Imported, Is.EqualTo(3));
        Assert.That(report.Refused.Select(r => r.Reason), Is.EqualTo(new[]
        {
            "Rij 4: de conditie 'Onbekend' is onbekend (gebruik getraind of ongetraind, geel of wit, interventie of controle).",
            "Rij 5: de persoonlijke code is geen code van twee letters, de geboortedag en één cijfer (zoals MA073).",
            "Rij 6: dezelfde persoonlijke code staat al in een eerdere rij.",
            "Rij 7: het antwoord op vraag 1 moet een geheel getal van 1 tot en met 5 zijn; kies bij vraag 3 ja, nee of weet niet.",
        }));
        Assert.That(responses.Select(r => (r.Condition, r.Source)), Is.EqualTo(new[] { (Condition.Getraind, ResponseSource.Import), (Condition.Ongetraind, ResponseSource.Import), (Condition.Ongetraind, ResponseSource.Import) }));
        Assert.That(responses[0].Values[s.Questionnaire.Items[0].Id], Is.EqualTo(5), "Helemaal mee eens");
        Assert.That(responses[0].Values[s.Questionnaire.Items[1].Id], Is.EqualTo(2), "Oneens, stored as answered");
        Assert.That(responses[0].Values[s.Questionnaire.Items[2].Id], Is.EqualTo(1), "Ja");
        Assert.That(responses[0].Texts[s.Questionnaire.Items[3].Id], Is.EqualTo("Goed initiatief"));
        Assert.That(responses[2].Values[s.Questionnaire.Items[0].Id], Is.EqualTo(1), "row 9 (wit, after an empty line) keeps its number and is taken");
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM survey_responses WHERE respondent_key IS NOT NULL"), Is.EqualTo(1), "the code of row 2 links");
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM audit_log WHERE entity = 'surveyImport'"), Is.EqualTo(1));
    }

    [Test]
    [Description("issue #18: when the database refuses one row halfway, nothing of the import is kept")]
    public async Task NothingIsHalfSavedWhenTheDatabaseRefusesARow()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var s = await SetupAsync(db);
        await db.RefuseInsertsAsync("survey_answers", "NEW.text = 'boem'");

        var table = ResponseTable.Read("export.csv", Encoding.UTF8.GetBytes("Groep;V1;Opmerking\ngeel;4;fijn\nwit;2;boem\ngeel;5;\n"));
        var q = s.Questionnaire;
        var mapping = new ImportMapping(new Dictionary<long, int> { [q.Items[0].Id] = 1, [q.Items[3].Id] = 2 }, 0, null, null, new Dictionary<string, string>());

        Assert.That(ResponseImport.Prepare(q, table, mapping).Taken, Has.Count.EqualTo(3));
        Assert.CatchAsync<System.Data.Common.DbException>(() => s.Import.ImportAsync(s.ProjectId, s.RoundId, table, mapping, _researcher));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM survey_responses"), Is.EqualTo(0));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM survey_answers"), Is.EqualTo(0));
    }

    [Test]
    [Description("issue #18: a wrong mapping, an unknown file type, a file without rows and an import where no row passes are refused in Dutch and write nothing")]
    public async Task WrongMappingsAndFilesAreRefused()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var s = await SetupAsync(db);
        var q = s.Questionnaire;
        var table = ResponseTable.Read("export.csv", Encoding.UTF8.GetBytes("Groep,V1\ngeel,9\n"));

        var noCondition = Assert.Throws<ValidationException>(() => ResponseImport.Prepare(q, table, new ImportMapping(new Dictionary<long, int> { [q.Items[0].Id] = 7 }, null, null, null, new Dictionary<string, string>())));
        var noneTaken = Assert.ThrowsAsync<ValidationException>(() => s.Import.ImportAsync(s.ProjectId, s.RoundId, table, new ImportMapping(new Dictionary<long, int> { [q.Items[0].Id] = 1 }, 0, null, null, new Dictionary<string, string>()), _researcher));

        Assert.That(noCondition!.Errors.Select(e => e.Message), Is.EqualTo(new[] { "Kolom 8 bestaat niet: het bestand heeft 2 kolommen.", "Kies de kolom met de conditie, of één conditie voor het hele bestand." }));
        Assert.That(noneTaken!.Errors.Select(e => e.Message), Is.EqualTo(new[] { "Geen enkele rij kon worden ingelezen.", "Rij 2: het antwoord op vraag 1 moet een geheel getal van 1 tot en met 5 zijn." }));
        Assert.That(Assert.Throws<ValidationException>(() => ResponseTable.Read("export.txt", [1]))!.Errors.Single().Message, Is.EqualTo("Kies een CSV-bestand (.csv) of een Excel-werkboek (.xlsx)."));
        Assert.That(Assert.Throws<ValidationException>(() => ResponseTable.Read("export.csv", Encoding.UTF8.GetBytes("Groep;V1\n")))!.Errors.Single().Message, Does.StartWith("Het bestand heeft geen antwoorden"));
        Assert.That(Assert.Throws<ValidationException>(() => ResponseTable.Read("export.xlsx", [1, 2, 3]))!.Errors.Single().Message, Does.StartWith("Het bestand is geen leesbaar Excel-werkboek"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM survey_responses"), Is.EqualTo(0));
    }

    [Test]
    [Description("issue #18: an XLSX export is read from its first sheet, whatever its name, like the plan import reads its sheets")]
    public void AnXlsxExportIsReadFromItsFirstSheet()
    {
        var bytes = TestWorkbook.Create([("Antwoorden", [["Groep", "V1", "Code"], ["geel", 4, "MA073"], [null, null, null], ["wit", "Helemaal mee eens", null]])], sharedStrings: true);

        var table = ResponseTable.Read("survalyzer.xlsx", bytes);

        Assert.That(table.Headers, Is.EqualTo(new[] { "Groep", "V1", "Code" }));
        Assert.That(table.Rows.Select(r => r.Number), Is.EqualTo(new[] { 2, 4 }));
        Assert.That(table.Rows[0].Cell(1), Is.EqualTo("4"));
        Assert.That(table.Rows[1].Cell(1), Is.EqualTo("Helemaal mee eens"));
        Assert.That(PersonalCode.Parse(table.Rows[0].Cell(2)), Is.EqualTo(new PersonalCode("MA", 7, 3)));
    }
}
