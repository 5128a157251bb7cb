using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Effects;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class SurveyStoreTests
{
    private readonly DatabaseEngine _engine;

    public SurveyStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _researcher = new(null, "Onderzoeker");

    private static async Task<(long ProjectId, Questionnaire Questionnaire, long RoundId, SurveyRoundStore Rounds)> RoundAsync(TempDatabase db)
    {
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var questionnaires = new QuestionnaireStore(db.Database, db.Audit, db.Time);
        var rounds = new SurveyRoundStore(db.Database, db.Audit, db.Time);
        var id = (await questionnaires.CreateAsync(projectId, "Nameting professionals", TargetGroup.Professionals,
        [
            new ItemDraft("Ik vertel de cliënt dat hij of zij meebeslist.", ItemKind.Likert5, Section: "Samen beslissen"),
            new ItemDraft("Samen beslissen kost mij te veel tijd.", ItemKind.Likert5, ReverseScored: true),
            new ItemDraft("Welk cijfer geeft u de training?", ItemKind.Cijfer10),
            new ItemDraft("Gebruikt u de waaier?", ItemKind.JaNeeWeetNiet),
            new ItemDraft("Wat zou u anders doen?", ItemKind.Open),
        ], _researcher))!.Value;
        var questionnaire = (await questionnaires.ListAsync(projectId)).Single(q => q.Id == id);
        var roundId = (await rounds.CreateAsync(projectId, id, new RoundDraft("Nameting 2022", Measurement.Nameting, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31), 40, Sidedness.Groter), _researcher))!.Value;
        return (projectId, questionnaire, roundId, rounds);
    }

    [Test]
    [Description("issue #18: an anonymous link per condition takes answers without login; out-of-range answers are refused whole; nothing identifying is stored")]
    public async Task ALinkTakesAnonymousAnswersAndRefusesOutOfRangeOnes()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, questionnaire, roundId, rounds) = await RoundAsync(db);
        var token = (await rounds.CreateLinkAsync(projectId, roundId, Condition.Getraind, _researcher))!;
        var items = questionnaire.Items;

        var context = (await rounds.OpenLinkAsync(token))!;
        var id = await rounds.SubmitAsync(token, new Dictionary<long, string?> { [items[0].Id] = "5", [items[1].Id] = "2", [items[2].Id] = "8", [items[3].Id] = "ja", [items[4].Id] = "Eerder beginnen" });
        var refused = Assert.ThrowsAsync<ValidationException>(() => rounds.SubmitAsync(token, new Dictionary<long, string?> { [items[0].Id] = "6", [items[3].Id] = "misschien" }));

        Assert.That((context.Condition, context.Open, context.Questionnaire.Items.Count), Is.EqualTo((Condition.Getraind, true, 5)));
        Assert.That(id, Is.Not.Null);
        Assert.That(refused!.Errors.Select(e => e.Message), Is.EqualTo(new[] { "Het antwoord op vraag 1 moet een geheel getal van 1 tot en met 5 zijn.", "Kies bij vraag 4 ja, nee of weet niet." }));
        var response = (await rounds.ResponsesAsync(projectId, roundId)).Single();
        Assert.That((response.Condition, response.Source, response.Values[items[1].Id], response.Texts[items[4].Id]), Is.EqualTo((Condition.Getraind, ResponseSource.Web, (double?)2, "Eerder beginnen")));
        Assert.That(await db.TextAsync("SELECT created_at FROM survey_responses"), Is.EqualTo("2026-11-22"), "the day only, no time that could tie an answer to a person");
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM survey_responses"), Is.EqualTo(1), "the refused answer left nothing behind");

        // a new link for the same condition revokes the old one
        await rounds.CreateLinkAsync(projectId, roundId, Condition.Getraind, _researcher);
        Assert.That(await rounds.OpenLinkAsync(token), Is.Null);
    }

    [Test]
    [Description("issue #18: paper cards are typed in with the condition of their colour; the analysis compares trained and untrained per item, reverse-scored, with Holm")]
    public async Task PaperCardsAndTheAnalysisPerItem()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, questionnaire, roundId, rounds) = await RoundAsync(db);
        var items = questionnaire.Items;
        int[] trained = [5, 4, 5, 4, 4, 5, 3, 5];
        int[] untrained = [3, 3, 2, 4, 3, 2, 3, 3];
        foreach (var (answer, condition) in trained.Select(a => (a, Condition.Getraind)).Concat(untrained.Select(a => (a, Condition.Ongetraind))))
        {
            await rounds.AddPaperAsync(projectId, roundId, condition, new Dictionary<long, string?> { [items[0].Id] = answer.ToString(System.Globalization.CultureInfo.InvariantCulture), [items[1].Id] = (6 - answer).ToString(System.Globalization.CultureInfo.InvariantCulture) }, _researcher);
        }

        var round = (await rounds.ListAsync(projectId)).Single();
        var responses = await rounds.ResponsesAsync(projectId, roundId);
        var team = SurveyAnalysis.Analyse(questionnaire, round, responses, minimumGroup: 1);
        var management = SurveyAnalysis.Analyse(questionnaire, round, responses.Where(r => r.Condition == Condition.Getraind || r.Id % 2 == 0).ToList(), SurveyAnalysis.ManagementMinimum);

        Assert.That((round.Responses, team.Responses, team.ResponseRate), Is.EqualTo((16, 16, (double?)0.4)));
        Assert.That(team.PerCondition[Condition.Ongetraind], Is.EqualTo(8));
        var first = team.Items[0].Comparison!;
        var reversed = team.Items[1].Comparison!;
        Assert.That(first.Welch!.P, Is.LessThan(0.01));
        Assert.That(reversed.A.Mean, Is.EqualTo(first.A.Mean), "the reverse-scored item turned around gives the same means");
        Assert.That(team.Items[0].HolmP, Is.EqualTo(Math.Min(1, 2 * first.Welch.P)).Within(1e-12), "two tied p-values: both times 2");
        Assert.That(team.Items.Select(i => i.Item.Kind), Is.EqualTo(new[] { ItemKind.Likert5, ItemKind.Likert5, ItemKind.Cijfer10 }), "yes/no and open items are not t-tested");
        Assert.That(team.Items[2].Suppressed, Is.True, "no grades given");
        Assert.That(management.Items[0].Suppressed, Is.True, "4 untrained answers: management sees no breakdown");
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM audit_log WHERE entity = 'surveyResponse'"), Is.EqualTo(16));
    }
}
