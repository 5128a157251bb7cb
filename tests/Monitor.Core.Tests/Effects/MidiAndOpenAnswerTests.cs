using System.Globalization;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Effects;

/// <summary>The MIDI survey over rounds, the open answers as coding documents, and the Arnhem demo (issue #18).</summary>
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class MidiAndOpenAnswerTests
{
    private readonly DatabaseEngine _engine;

    public MidiAndOpenAnswerTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _researcher = new(null, "Onderzoeker");

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Answers <paramref name="likert"/> on determinant 4 (complexity, reverse-scored) and 7, and <paramref name="yesNo"/> on 19, one response each.</summary>
    private static async Task AnswerAsync(TempDatabase db, long projectId, long roundId, Questionnaire midi, MidiSurveyInfo info, int[] likert, string[] yesNo, Condition condition)
    {
        long Item(int determinant) => info.Determinants.Single(d => d.Value == determinant).Key;
        for (var i = 0; i < likert.Length; i++)
        {
            await db.SurveyRounds.AddPaperAsync(projectId, roundId, condition, new Dictionary<long, string?>
            {
                [Item(4)] = S(likert[i]),
                [Item(7)] = S(likert[i]),
                [Item(19)] = yesNo[i],
            }, _researcher);
        }
    }

    [Test]
    [Description("issue #18: the MIDI survey asks the 29 determinants' questions for this innovation, on their own scales, reverse-scored where the reference says so, with configurable thresholds")]
    public async Task TheMidiSurveyAsksTheDeterminantsQuestions()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);

        var id = (await db.MidiSurveys.CreateAsync(projectId, "MIDI professionals", TargetGroup.Professionals, new MidiThresholds(0.25, 0.75), _researcher))!.Value;
        var refused = Assert.ThrowsAsync<ValidationException>(() => db.MidiSurveys.CreateAsync(projectId, "MIDI fout", TargetGroup.Professionals, new MidiThresholds(0, 0.8), _researcher));

        var questionnaire = (await db.Questionnaires.ListAsync(projectId)).Single(q => q.Id == id);
        var info = (await db.MidiSurveys.ListAsync(projectId)).Single();
        Assert.That(questionnaire.Items, Has.Count.EqualTo(29));
        Assert.That(info.Thresholds, Is.EqualTo(new MidiThresholds(0.25, 0.75)));
        Assert.That(info.Determinants.Values.Order(), Is.EqualTo(Enumerable.Range(1, 29)));
        var complexity = questionnaire.Items.Single(i => info.Determinants[i.Id] == 4);
        Assert.That((complexity.Text, complexity.Kind, complexity.ReverseScored, complexity.Section), Is.EqualTo(("Werkwijze is te ingewikkeld voor mij om mee te werken.", ItemKind.Likert5, true, "Kenmerken van de innovatie")));
        Assert.That(questionnaire.Items.Single(i => info.Determinants[i.Id] == 19).Kind, Is.EqualTo(ItemKind.JaNeeWeetNiet));
        Assert.That(questionnaire.Items.Single(i => info.Determinants[i.Id] == 14).Kind, Is.EqualTo(ItemKind.Open), "the descriptive norm is a percentage: asked as text, not classified");
        Assert.That(questionnaire.Items.Any(i => i.Text.Contains("[innovatie]", StringComparison.OrdinalIgnoreCase)), Is.False);
        Assert.That(refused!.Errors.Single().Field, Is.EqualTo("barrier"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM questionnaires"), Is.EqualTo(1), "the refused survey left nothing behind");
    }

    [Test]
    [Description("issue #18: each determinant is classified per round (barrier at 20 % negative after reverse scoring, facilitator at 80 % positive; nee/weet niet negative), tracked over rounds with the phase, next to the barriers coded in minutes")]
    public async Task DeterminantsAreClassifiedPerRoundAndTrackedOverRounds()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, document) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var coder = await CodingFixtures.ResearcherAsync(db, "Onderzoeker 1", projectId);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodingFixtures.CodeIdAsync(db, "midi-4"), 0, 10, Valence.Belemmerend), coder);
        var id = (await db.MidiSurveys.CreateAsync(projectId, "MIDI", TargetGroup.Professionals, new MidiThresholds(), _researcher))!.Value;
        var midi = (await db.Questionnaires.ListAsync(projectId)).Single(q => q.Id == id);
        var info = (await db.MidiSurveys.ListAsync(projectId)).Single();
        var first = (await db.SurveyRounds.CreateAsync(projectId, id, new RoundDraft("Ronde 1", Measurement.Voormeting, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), null, Sidedness.Tweezijdig), _researcher))!.Value;
        var second = (await db.SurveyRounds.CreateAsync(projectId, id, new RoundDraft("Ronde 2", Measurement.Nameting, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), null, Sidedness.Tweezijdig), _researcher))!.Value;
        // round 1: answers 5,5,4,4,4 on complexity (reverse: 1,1,2,2,2 → all negative) and on relevance (all positive); 2 of 5 say "nee" to ratification
        await AnswerAsync(db, projectId, first, midi, info, [5, 5, 4, 4, 4], ["ja", "nee", "weetniet", "ja", "ja"], Condition.Getraind);
        // round 2: 1,1,2,2,3 on both: complexity reversed 5,5,4,4,3 (80 % positive), relevance 80 % negative; everyone "ja"
        await AnswerAsync(db, projectId, second, midi, info, [1, 1, 2, 2, 3], ["ja", "ja", "ja", "ja", "ja"], Condition.Getraind);

        var tracking = (await db.MidiReader.ReadAsync(projectId, new DateOnly(2026, 11, 22), 1))!;

        var survey = tracking.Surveys.Single();
        Assert.That(survey.Rounds.Select(r => (r.RoundName, r.Condition, r.Responses, r.Phase)), Is.EqualTo(new[] { ("Ronde 1", (Condition?)null, 5, (int?)1), ("Ronde 2", null, 5, 1) }),
            "all respondents per round (one condition only: no breakdown), with the phase on the round's date");
        MidiOutcome Outcome(int round, int determinant) => survey.Rounds[round].Determinants.Single(d => d.Determinant == determinant).Verdict.Outcome;
        Assert.That((Outcome(0, 4), Outcome(1, 4)), Is.EqualTo((MidiOutcome.Belemmerend, MidiOutcome.Bevorderend)));
        Assert.That((Outcome(0, 7), Outcome(1, 7)), Is.EqualTo((MidiOutcome.Bevorderend, MidiOutcome.Belemmerend)));
        Assert.That((Outcome(0, 19), Outcome(1, 19)), Is.EqualTo((MidiOutcome.Belemmerend, MidiOutcome.Bevorderend)));
        Assert.That(survey.Rounds[0].Determinants.Single(d => d.Determinant == 19).Verdict.NegativeShare, Is.EqualTo(0.4).Within(1e-9));
        Assert.That(Outcome(0, 1), Is.EqualTo(MidiOutcome.GeenAntwoorden));
        Assert.That(survey.Rounds[0].Determinants.Select(d => d.Determinant), Does.Not.Contain(14));
        Assert.That(tracking.Coded.Single(), Is.EqualTo(new CodedDeterminant(4, "Complexiteit", 1, 0, 1)));
        Assert.That(survey.UnverifiedQuestions, Is.EqualTo(29), "no MIDI question is checked against the manual yet");

        var chart = survey.Latest!.Chart(survey.Thresholds, "midi", "MIDI-profiel");
        Assert.That(chart.ToTable().Rows.Single(r => r[1] == "4. Complexiteit"), Is.EqualTo(new[] { "Kenmerken van de innovatie", "4. Complexiteit", "5", "0", "80", "bevorderend" }));

        // management's minimum: five respondents is enough, six is not
        Assert.That((await db.MidiReader.ReadAsync(projectId, new DateOnly(2026, 11, 22), 6))!.Surveys.Single().Rounds.All(r => r.Responses == 0), Is.True);
        // stricter thresholds turn the round-2 facilitator of complexity (80 % positive) neutral
        var strict = MidiRoundProfile.Of(info with { Thresholds = new MidiThresholds(0.5, 0.9) }, midi, (await db.SurveyRounds.ListAsync(projectId))[1],
            await db.SurveyRounds.ResponsesAsync(projectId, second), null, null, new Dictionary<int, string>());
        Assert.That(strict.Determinants.Single(d => d.Determinant == 4).Verdict.Outcome, Is.EqualTo(MidiOutcome.Neutraal));
    }

    [Test]
    [Description("issue #18: each open item of a closed round becomes one coding document with one paragraph per answer and nothing about the respondent; a second call adds nothing; a blind round and agreement work on it as on minutes")]
    public async Task OpenAnswersBecomeCodableTextOnce()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var id = (await db.Questionnaires.CreateAsync(projectId, "Nameting", TargetGroup.Professionals,
            [new ItemDraft("Hoe gaat het?", ItemKind.Likert5), new ItemDraft("Welke voordelen ervaar je?", ItemKind.Open), new ItemDraft("Welke knelpunten?", ItemKind.Open)], _researcher))!.Value;
        var items = (await db.Questionnaires.ListAsync(projectId)).Single().Items;
        var closed = (await db.SurveyRounds.CreateAsync(projectId, id, new RoundDraft("Juli", Measurement.Nameting, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31), null, Sidedness.Groter), _researcher))!.Value;
        var open = (await db.SurveyRounds.CreateAsync(projectId, id, new RoundDraft("December", Measurement.Nameting, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31), null, Sidedness.Groter), _researcher))!.Value;
        string[] answers = ["Cliënten voelen zich meer gehoord.", "Het gesprek gaat over wat de cliënt wil.", "Minder discussie."];
        foreach (var answer in answers)
        {
            await db.SurveyRounds.AddPaperAsync(projectId, closed, Condition.Getraind, new Dictionary<long, string?> { [items[0].Id] = "4", [items[1].Id] = answer }, _researcher);
        }

        var made = (await db.OpenAnswers.CreateDocumentsAsync(projectId, closed, _researcher))!;
        var again = (await db.OpenAnswers.CreateDocumentsAsync(projectId, closed, _researcher))!;
        var notYet = Assert.ThrowsAsync<ValidationException>(() => db.OpenAnswers.CreateDocumentsAsync(projectId, open, _researcher));

        Assert.That(made, Has.Count.EqualTo(1), "only the open item with answers");
        Assert.That(again, Is.Empty, "idempotent");
        Assert.That(notYet!.Errors.Single().Message, Does.Contain("nog open"));
        Assert.That(await db.OpenAnswers.CreateDocumentsAsync(projectId + 1, closed, _researcher), Is.Null, "a round of another project");
        var (document, version) = (await db.CodingDocuments.FindDocumentAsync(projectId, made[0]))!.Value;
        Assert.That(version.Text, Is.EqualTo(string.Join("\n\n", answers)));
        Assert.That(document.Title, Does.Contain("Juli").And.Contain("vraag 2"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM coding_documents WHERE source_type = 'vragenlijst'"), Is.EqualTo(1));

        // two researchers code it blind; the agreement is computed as for minutes
        var a = await CodingFixtures.ResearcherAsync(db, "Onderzoeker A", projectId);
        var b = await CodingFixtures.ResearcherAsync(db, "Onderzoeker B", projectId);
        var round = await db.Rounds.CreateRoundAsync(projectId, "Open antwoorden", [a.UserId!.Value, b.UserId!.Value], [document.Id], a);
        var code = await CodingFixtures.CodeIdAsync(db, "midi-11");
        Assert.That(await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 0, 34, Valence.Bevorderend, RoundId: round), a), Is.Not.Null);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 0, 34, Valence.Bevorderend, RoundId: round), b);
        await db.Rounds.CloseRoundAsync(projectId, round, a);
        var report = (await db.Agreement.AgreementAsync(projectId, round))!;
        Assert.That(report.Pooled.Characters.Single().Kappa, Is.EqualTo(1).Within(1e-9), "both coded the same answer");
        Assert.That(report.Coders, Is.EqualTo(new[] { "Onderzoeker A", "Onderzoeker B" }));
    }

    [Test]
    [Description("issue #18: the Arnhem demo holds the seed's figures (60 at the voormeting, 19 against 19 at the nameting, 27 yellow against 39 white cards), synthetic and marked so, loaded once")]
    public async Task TheArnhemDemoHoldsTheSeedsFigures()
    {
        using var db = await Monitor.Core.Tests.Reports.DemoReportGoldenTests.DemoAsync();
        var projectId = await Monitor.Core.Tests.Reports.DemoReportGoldenTests.ProjectIdAsync(db, "samen-beslissen-arnhem");

        Assert.That(await db.DemoEffects.LoadIfNeededAsync(), Is.EqualTo(0), "already loaded by the demo set-up");
        var rounds = await db.SurveyRounds.ListAsync(projectId);
        // by measurement, then date: the voormeting, the MIDI survey's spring voormeting and autumn tussenmeting (synthetic), the cards and the nameting
        Assert.That(rounds.Select(r => r.Responses), Is.EqualTo(new[] { 60, 30, 27, 66, 38 }));
        Assert.That(rounds.All(r => r.Name.Contains("synthetische antwoorden", StringComparison.Ordinal)), Is.True);
        Assert.That((await db.Questionnaires.ListAsync(projectId)).All(q => q.Title.Contains("synthetische antwoorden", StringComparison.Ordinal)), Is.True);
        var questionnaires = await db.Questionnaires.ListAsync(projectId);
        var post = rounds.Single(r => r.Name.StartsWith("Nameting", StringComparison.Ordinal));
        var analysis = SurveyAnalysis.Analyse(questionnaires.Single(q => q.Id == post.QuestionnaireId), post, await db.SurveyRounds.ResponsesAsync(projectId, post.Id), SurveyAnalysis.ManagementMinimum);
        Assert.That((analysis.PerCondition[Condition.Getraind], analysis.PerCondition[Condition.Ongetraind]), Is.EqualTo((19, 19)));
        Assert.That(analysis.Items.Count(i => !i.Suppressed), Is.EqualTo(5));
        var cards = rounds.Single(r => r.Name.StartsWith("Kaart", StringComparison.Ordinal));
        var responses = await db.SurveyRounds.ResponsesAsync(projectId, cards.Id);
        Assert.That((responses.Count(r => r.Condition == Condition.Getraind), responses.Count(r => r.Condition == Condition.Ongetraind), responses.All(r => r.Source == ResponseSource.Papier)), Is.EqualTo((27, 39, true)));
    }
}
