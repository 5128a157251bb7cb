using Monitor.Core.Data;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Reports;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Reports;

/// <summary>The effects chapter of the process evaluation (issue #18).</summary>
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class EffectsChapterTests
{
    private readonly DatabaseEngine _engine;

    public EffectsChapterTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _researcher = new(null, "Onderzoeker");

    [Test]
    [Description("issue #18: the process evaluation says per round and item what the groups answered, with the test in words; small groups are left out")]
    public async Task TheProcessEvaluationReportsTheEffectsPerItemAndLeavesOutSmallGroups()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var questionnaires = new QuestionnaireStore(db.Database, db.Audit, db.Time);
        var rounds = new SurveyRoundStore(db.Database, db.Audit, db.Time);
        var questionnaireId = (await questionnaires.CreateAsync(projectId, "Nameting professionals", TargetGroup.Professionals,
            [new ItemDraft("Ik vertel de cliënt dat hij of zij meebeslist.", ItemKind.Likert5), new ItemDraft("Ik gebruik de waaier.", ItemKind.Likert5)], _researcher))!.Value;
        var items = (await questionnaires.ListAsync(projectId)).Single().Items;
        var roundId = (await rounds.CreateAsync(projectId, questionnaireId, new RoundDraft("Nameting 2022", Measurement.Nameting, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), 20, Sidedness.Groter), _researcher))!.Value;
        foreach (var (answer, condition, both) in new[] { 5, 4, 5, 4, 5, 4 }.Select(a => (a, Condition.Getraind, true)).Concat(new[] { 3, 2, 3, 2, 3, 2 }.Select((a, i) => (a, Condition.Ongetraind, i < 4))))
        {
            var answers = new Dictionary<long, string?> { [items[0].Id] = answer.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (both)
            {
                answers[items[1].Id] = "4";
            }

            await rounds.AddPaperAsync(projectId, roundId, condition, answers, _researcher);
        }

        var data = (await db.ReportData.EvaluationAsync(projectId, new ReportParameters(new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 22))))!;

        var text = data.Texts[ReportPlaceholders.Effecten];
        Assert.That(text, Does.Contain("**Nameting 2022** (Nameting professionals, nameting): 12 antwoorden, 6 getraind en 6 niet getraind, respons 60%."));
        Assert.That(text, Does.Contain("Ik vertel de cliënt dat hij of zij meebeslist. Getraind scoort gemiddeld 2,0 hoger dan Niet getraind (4,5 tegen 2,5); het verschil is statistisch significant"));
        Assert.That(text, Does.Contain("1 vraag is niet uitgesplitst: minder dan 5 antwoorden in een groep."), "4 untrained answers to the second item");
        var row = data.Tables[ReportPlaceholders.EffectenVragen].Rows.Single();
        Assert.That((row[0], row[2], row[3]), Is.EqualTo(("Nameting 2022", "4,5 (6)", "2,5 (6)")));
        Assert.That(row[4], Is.EqualTo("< 0,001"));
    }

    [Test]
    [Description("issue #18: the chapter gives per choice item the % per option and group, and the chart legend uses the items' own labels")]
    public async Task TheChapterGivesChoiceItemsAsPercentagesAndTheChartUsesTheItemsLabels()
    {
        using var db = await TempDatabase.MigratedAsync();
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var questionnaires = new QuestionnaireStore(db.Database, db.Audit, db.Time);
        var rounds = new SurveyRoundStore(db.Database, db.Audit, db.Time);
        var questionnaireId = (await questionnaires.CreateAsync(projectId, "Nameting", TargetGroup.Professionals,
        [
            new ItemDraft("Welke hulpmiddelen gebruikt u?", ItemKind.MeerdereKeuzes) { Options = ["waaier", "keuzehulp"] },
            new ItemDraft("Hoe vaak vraagt u door?", ItemKind.Likert5) { Labels = LabelSets.Find("frequentie")!.Labels },
        ], _researcher))!.Value;
        var items = (await questionnaires.ListAsync(projectId)).Single().Items;
        var roundId = (await rounds.CreateAsync(projectId, questionnaireId, new RoundDraft("Nameting 2022", Measurement.Nameting, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), null, Sidedness.Tweezijdig), _researcher))!.Value;
        for (var r = 0; r < 10; r++)
        {
            var trained = r < 5;
            await rounds.AddPaperAsync(projectId, roundId, trained ? Condition.Getraind : Condition.Ongetraind, new Dictionary<long, string?>
            {
                [items[0].Id] = trained ? (r < 4 ? "1;2" : "2") : "1",
                [items[1].Id] = trained ? "5" : (r % 2 == 0 ? "2" : "3"),
            }, _researcher);
        }

        var data = (await db.ReportData.EvaluationAsync(projectId, new ReportParameters(new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 22))))!;
        var analysis = (await new EffectReader(questionnaires, rounds, new Monitor.Core.Effects.Linkage.SurveyLinkageStore(db.Database, db.Audit, db.Time, rounds, questionnaires), db.MidiSurveys).ReadAsync(projectId, new DateOnly(2026, 11, 22))).Single().Analysis;

        Assert.That(data.Texts[ReportPlaceholders.Effecten], Does.Contain(
            "- Welke hulpmiddelen gebruikt u? (aangekruist; meer keuzes per persoon mogelijk) getraind (n = 5): waaier 80%, keuzehulp 100%; niet getraind (n = 5): waaier 100%, keuzehulp 0%."));
        Assert.That(EffectCharts.Answers(analysis, "a", "Antwoorden")!.Answers, Is.EqualTo(new[] { "nooit", "zelden", "soms", "vaak", "altijd" }));
    }
}
