using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Linkage;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Effects;

/// <summary>
/// More than two measurements, paired analysis per condition with the difference of change, editing the training register
/// and the MIDI profile over rounds (issue #18).
/// </summary>
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class MeasurementRoundsTests
{
    private readonly DatabaseEngine _engine;

    public MeasurementRoundsTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _researcher = new(null, "Onderzoeker");

    private sealed record Setup(long ProjectId, Questionnaire Questionnaire, SurveyRoundStore Rounds, SurveyLinkageStore Linkage, TrainingRegisterStore Register);

    private static async Task<Setup> SetupAsync(TempDatabase db)
    {
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "p");
        var questionnaires = new QuestionnaireStore(db.Database, db.Audit, db.Time);
        var rounds = new SurveyRoundStore(db.Database, db.Audit, db.Time);
        var id = (await questionnaires.CreateAsync(projectId, "Professionals", TargetGroup.Professionals,
        [
            new ItemDraft("Ik vraag de cliënt wat voor hem of haar belangrijk is.", ItemKind.Likert5),
        ], _researcher))!.Value;
        var questionnaire = (await questionnaires.ListAsync(projectId)).Single(q => q.Id == id);
        return new Setup(projectId, questionnaire, rounds, new SurveyLinkageStore(db.Database, db.Audit, db.Time, rounds, questionnaires), new TrainingRegisterStore(db.Database, db.Audit, db.Time));
    }

    private static Task<long?> RoundAsync(Setup s, string name, Measurement measurement, DateOnly opens) =>
        s.Rounds.CreateAsync(s.ProjectId, s.Questionnaire.Id, new RoundDraft(name, measurement, opens, opens.AddDays(60), null, Sidedness.Groter), _researcher);

    private static Dictionary<long, string?> Answer(Questionnaire questionnaire, int value) => new() { [questionnaire.Items[0].Id] = value.ToString(CultureInfo.InvariantCulture) };

    [Test]
    [Description("issue #18: tussenmeting and follow-up rounds are stored (as 'tussenmeting', 'followup') and listed by measurement, then opening date")]
    public async Task RoundsAreOrderedByMeasurementThenOpeningDate()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var s = await SetupAsync(db);
        await RoundAsync(s, "Nameting juni", Measurement.Nameting, new DateOnly(2026, 6, 1));
        await RoundAsync(s, "Follow-up", Measurement.Followup, new DateOnly(2026, 3, 1));
        await RoundAsync(s, "Voormeting februari", Measurement.Voormeting, new DateOnly(2026, 2, 1));
        await RoundAsync(s, "Tussenmeting", Measurement.Tussenmeting, new DateOnly(2026, 4, 1));
        await RoundAsync(s, "Voormeting januari", Measurement.Voormeting, new DateOnly(2026, 1, 1));
        await RoundAsync(s, "Nameting september", Measurement.Nameting, new DateOnly(2026, 9, 1));

        var rounds = await s.Rounds.ListAsync(s.ProjectId);

        Assert.That(rounds.Select(r => r.Name), Is.EqualTo(new[] { "Voormeting januari", "Voormeting februari", "Tussenmeting", "Nameting juni", "Nameting september", "Follow-up" }));
        Assert.That(await db.TextAsync("SELECT group_concat(measurement, ',') FROM (SELECT measurement FROM measurement_rounds ORDER BY id) AS r"),
            Is.EqualTo("nameting,followup,voormeting,tussenmeting,voormeting,nameting"));
        var pair = SurveyLinkageStore.DefaultPair(rounds)!.Value;
        Assert.That((pair.From.Name, pair.To.Name), Is.EqualTo(("Voormeting januari", "Nameting september")), "the first voormeting → the last nameting");
        Assert.That(await s.Linkage.PairAsync(s.ProjectId, rounds[2].Id, rounds[5].Id, 1), Is.Not.Null, "any two rounds of the questionnaire can be compared");
    }

    [TestCase(new[] { Measurement.Tussenmeting, Measurement.Followup }, "Tussenmeting", "Followup", TestName = "Without voormeting and nameting: first and last round")]
    [TestCase(new[] { Measurement.Voormeting, Measurement.Tussenmeting }, "Voormeting", "Tussenmeting", TestName = "Without nameting: the voormeting to the last round")]
    [TestCase(new[] { Measurement.Nameting }, null, null, TestName = "One round: no pair")]
    public void TheDefaultPairFallsBackToTheFirstAndLastRound(Measurement[] measurements, string? from, string? to)
    {
        var rounds = measurements.Select((m, i) => new MeasurementRound(i + 1, 7, m.ToString(), m, new DateOnly(2026, 1, 1).AddMonths(i), new DateOnly(2026, 1, 20).AddMonths(i), null,
            Sidedness.Tweezijdig, 0)).ToList();

        var pair = SurveyLinkageStore.DefaultPair(rounds);

        Assert.That(pair is { } p ? (p.From.Name, p.To.Name) : ((string?)null, (string?)null), Is.EqualTo((from, to)));
    }

    [Test]
    [Description("issue #18: the difference of change is Welch's t on the change scores; pinned to R's t.test(extra ~ group, data = sleep): t = -1.8608, df = 17.776, p = 0.07939 (group 2 as trained: the sign turns)")]
    public void TheDifferenceOfChangeIsWelchOnTheChangeScores()
    {
        double[] group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
        double[] group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

        var difference = ChangeDifference.Of(group2, group1, Sidedness.Tweezijdig);

        Assert.That(difference.Welch!.Statistic, Is.EqualTo(1.8608).Within(0.0001));
        Assert.That(difference.Welch.DegreesOfFreedom, Is.EqualTo(17.776).Within(0.001));
        Assert.That(difference.Welch.P, Is.EqualTo(0.07939).Within(0.00001));
        Assert.That((difference.MeanChangeTrained, difference.MeanChangeUntrained, difference.Difference), Is.EqualTo((2.33, 0.75, 1.58)).Using<(double, double, double)>((a, b) =>
            Math.Abs(a.Item1 - b.Item1) < 1e-9 && Math.Abs(a.Item2 - b.Item2) < 1e-9 && Math.Abs(a.Item3 - b.Item3) < 1e-9));
        Assert.That(difference.SmallGroups, Is.False, "10 pairs per group");
        Assert.That(difference.Summary, Is.EqualTo(
            "De getrainde groep veranderde gemiddeld 1,6 meer in gunstige richting dan de niet getrainde groep (verandering +2,3 tegen +0,8); dat verschil is niet statistisch significant (p = 0,079)."));
    }

    [Test]
    [Description("issue #18: one pair in a group cannot be tested, a group without pairs is refused")]
    public void TheDifferenceOfChangeNeedsTwoPairsPerGroupToTest()
    {
        var one = ChangeDifference.Of([1.0], [0.0, 1.0], Sidedness.Groter);

        Assert.That(one.Welch, Is.Null);
        Assert.That(one.SmallGroups, Is.True);
        Assert.That(one.Warnings[0], Is.EqualTo("Te weinig paren om het verschil in verandering te toetsen (getraind: 1, niet getraind: 2)."));
        Assert.Throws<ArgumentException>(() => ChangeDifference.Of([], [1.0], Sidedness.Groter));
    }

    [Test]
    [Description("issue #18: worked example: 5 trained pairs change 2,1,3,0,3 (mean 1.8, variance 1.7), 5 untrained 0,1,−1,1,0 (mean 0.2, variance 0.7): difference 1.6, t = 1.6/√0.48 = 2.3094, df = 0.2304/0.0338 = 6.8166; per condition the paired tests; management (5 pairs) sees it, a minimum of 6 hides the conditions")]
    public async Task PairsAreTestedPerConditionWithTheDifferenceOfChange()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var s = await SetupAsync(db);
        var before = (await RoundAsync(s, "Voormeting", Measurement.Voormeting, new DateOnly(2026, 11, 1)))!.Value;
        var middle = (await RoundAsync(s, "Tussenmeting", Measurement.Tussenmeting, new DateOnly(2026, 11, 2)))!.Value;
        var after = (await RoundAsync(s, "Nameting", Measurement.Nameting, new DateOnly(2026, 11, 3)))!.Value;
        for (var i = 1; i <= 10; i++)
        {
            await s.Register.AddAsync(s.ProjectId, $"Re-integratieprofessional {i}", "", i <= 5 ? new DateOnly(2026, 10, 1) : null, _researcher);
        }

        var pre = (await s.Linkage.CreateInvitationsAsync(s.ProjectId, before, _researcher))!;
        var post = (await s.Linkage.CreateInvitationsAsync(s.ProjectId, after, _researcher))!;
        int[] beforeAnswers = [2, 3, 2, 3, 1, 3, 2, 4, 3, 2];
        int[] afterAnswers = [4, 4, 5, 3, 4, 3, 3, 3, 4, 2];
        for (var i = 0; i < 10; i++)
        {
            await s.Linkage.SubmitInvitationAsync(pre[i].Token, Answer(s.Questionnaire, beforeAnswers[i]));
            await s.Linkage.SubmitInvitationAsync(post[i].Token, Answer(s.Questionnaire, afterAnswers[i]));
        }

        var team = (await s.Linkage.PairAsync(s.ProjectId, before, after, 1))!;
        var management = (await s.Linkage.PairAsync(s.ProjectId, before, after, SurveyAnalysis.ManagementMinimum))!;
        var stricter = (await s.Linkage.PairAsync(s.ProjectId, before, after, 6))!;

        Assert.That(team.PairsPerCondition, Is.EqualTo(new[] { new ConditionPairs(Condition.Getraind, 5), new ConditionPairs(Condition.Ongetraind, 5) }));
        var item = team.Items.Single();
        Assert.That(item.Pairs, Is.EqualTo(10));
        var trained = item.Conditions.Single(c => c.Condition == Condition.Getraind);
        var untrained = item.Conditions.Single(c => c.Condition == Condition.Ongetraind);
        Assert.That((trained.Pairs, trained.MeanBefore, trained.MeanAfter), Is.EqualTo((5, (double?)2.2, (double?)4.0)));
        Assert.That(trained.MeanChange!.Value, Is.EqualTo(1.8).Within(1e-9));
        Assert.That(untrained.MeanChange!.Value, Is.EqualTo(0.2).Within(1e-9));
        Assert.That(trained.PairedT!.P, Is.EqualTo(StatisticalTests.PairedT([4, 4, 5, 3, 4], [2, 3, 2, 3, 1], Sidedness.Groter).P).Within(1e-12));
        Assert.That(untrained.SignedRank!.P, Is.EqualTo(StatisticalTests.SignedRank([3, 3, 3, 4, 2], [3, 2, 4, 3, 2], Sidedness.Groter).P).Within(1e-12));
        Assert.That(trained.Warnings, Has.Some.StartsWith("Weinig gekoppelde paren"), "5 pairs: the small-n flag");
        var difference = item.ChangeDifference!;
        Assert.That((difference.PairsTrained, difference.PairsUntrained), Is.EqualTo((5, 5)));
        Assert.That(difference.Difference, Is.EqualTo(1.6).Within(1e-9));
        Assert.That(difference.Welch!.Statistic, Is.EqualTo(2.3094).Within(0.0001));
        Assert.That(difference.Welch.DegreesOfFreedom, Is.EqualTo(6.8166).Within(0.0001));
        Assert.That(difference.Welch.Sidedness, Is.EqualTo(Sidedness.Groter), "the sidedness of the later round");
        Assert.That(difference.SmallGroups, Is.True);
        Assert.That(management.Items.Single().ChangeDifference, Is.Not.Null, "5 pairs per condition: management sees it");
        Assert.That(stricter.Items.Single().Conditions.All(c => c.Suppressed), Is.True);
        Assert.That(stricter.Items.Single().ChangeDifference, Is.Null);
        var fromMiddle = (await s.Linkage.PairAsync(s.ProjectId, middle, after, 1))!;
        Assert.That(fromMiddle.Pairs, Is.Zero, "nobody answered the tussenmeting");
    }

    [Test]
    [Description("issue #18: a register entry's label, group and date can be changed and the entry removed, each audited; another project's entry, a label in use and a future date are refused")]
    public async Task TheRegisterCanBeEditedAndEntriesRemoved()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var s = await SetupAsync(db);
        var (otherProject, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "q");
        var first = (await s.Register.AddAsync(s.ProjectId, "Re-integratieprofessional 1", "Groep 1", new DateOnly(2026, 10, 1), _researcher))!.Value;
        var second = (await s.Register.AddAsync(s.ProjectId, "Re-integratieprofessional 2", "", null, _researcher))!.Value;
        var round = (await RoundAsync(s, "Voormeting", Measurement.Voormeting, new DateOnly(2026, 11, 1)))!.Value;
        var invitations = (await s.Linkage.CreateInvitationsAsync(s.ProjectId, round, _researcher))!;
        await s.Linkage.SubmitInvitationAsync(invitations.Single(i => i.Invitee.Id == second).Token, Answer(s.Questionnaire, 4));

        Assert.That(await s.Register.UpdateAsync(s.ProjectId, first, "Re-integratieprofessional 1", "Groep 2", new DateOnly(2026, 10, 8), _researcher), Is.True);
        Assert.That(await s.Register.UpdateAsync(otherProject, first, "X", "", null, _researcher), Is.False, "not the other project's entry");
        var taken = Assert.ThrowsAsync<ValidationException>(() => s.Register.UpdateAsync(s.ProjectId, first, "Re-integratieprofessional 2", "", null, _researcher));
        var future = Assert.ThrowsAsync<ValidationException>(() => s.Register.UpdateAsync(s.ProjectId, first, "Re-integratieprofessional 1", "", new DateOnly(2027, 1, 1), _researcher));
        Assert.That(await s.Register.DeleteAsync(otherProject, second, _researcher), Is.False);
        Assert.That(await s.Register.DeleteAsync(s.ProjectId, second, _researcher), Is.True);
        Assert.That(await s.Register.DeleteAsync(s.ProjectId, second, _researcher), Is.False, "gone");

        Assert.That(taken!.Errors.Single().Message, Is.EqualTo("'Re-integratieprofessional 2' staat al in het trainingsregister."));
        Assert.That(future!.Errors.Single().Field, Is.EqualTo("trainedOn"));
        var entries = await s.Register.ListAsync(s.ProjectId);
        Assert.That(entries, Is.EqualTo(new[] { new RegisterEntry(first, "Re-integratieprofessional 1", "Groep 2", new DateOnly(2026, 10, 8)) }));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM round_invitations"), Is.EqualTo(1), "the removed professional's invitation went with them");
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM survey_responses"), Is.EqualTo(1), "their answer stays, anonymous");
        Assert.That(await db.TextAsync("SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log WHERE entity = 'trainingRegister' ORDER BY id) AS a"),
            Is.EqualTo("create,create,update,delete"));
        Assert.That(await db.TextAsync("SELECT changes FROM audit_log WHERE entity = 'trainingRegister' AND action = 'update'"), Does.Contain("Groep 2").And.Contain("2026-10-08"));
    }

    [Test]
    [Description("issue #18: migration 40 rebuilds measurement_rounds for tussenmeting and follow-up and keeps its rows and everything that refers to them")]
    public async Task TheRoundsMigrationKeepsRoundsAndTheirReferences()
    {
        // a SQLite table rebuild: the migration exists on SQLite only (PostgreSQL starts from its generated baseline)
        using var db = new TempDatabase(engine: DatabaseEngine.Sqlite);
        await using (var connection = await db.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = string.Concat(db.Migrator.Migrations.Take(39).Select(m => m.Sql)) + """
                INSERT INTO projects (id, slug, name, organisation, innovation, start_date, current_phase, created_at) VALUES (1, 'p', 'P', 'O', 'I', '2026-01-01', 1, '2026-01-01');
                INSERT INTO questionnaires (id, project_id, title, target_group, created_at, created_by) VALUES (1, 1, 'V', 'professionals', 'x', 'x');
                INSERT INTO measurement_rounds (id, questionnaire_id, name, measurement, opens_on, closes_on, sidedness, created_at) VALUES (7, 1, 'Voor', 'voormeting', '2026-01-01', '2026-01-31', 'groter', 'x');
                INSERT INTO round_links (round_id, condition, token_hash, created_at) VALUES (7, 'getraind', 'h', 'x');
                INSERT INTO survey_responses (id, round_id, condition, source, created_at) VALUES (1, 7, 'getraind', 'web', '2026-01-02');
                INSERT INTO round_personal_code (round_id) VALUES (7);
                PRAGMA user_version = 39;
                """;
            await command.ExecuteNonQueryAsync();
        }

        await db.Migrator.MigrateAsync();

        Assert.That(await db.TextAsync("SELECT id || ':' || name || ':' || measurement || ':' || sidedness FROM measurement_rounds"), Is.EqualTo("7:Voor:voormeting:groter"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM pragma_foreign_key_check"), Is.Zero);
        Assert.That(await db.ScalarAsync("PRAGMA foreign_keys;"), Is.EqualTo(1));
        await db.ScalarAsync("INSERT INTO measurement_rounds (questionnaire_id, name, measurement, opens_on, closes_on, created_at) VALUES (1, 'Later', 'followup', '2026-06-01', '2026-06-30', 'x');");
        Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.ScalarAsync(
            "INSERT INTO measurement_rounds (questionnaire_id, name, measurement, opens_on, closes_on, created_at) VALUES (1, 'Fout', 'follow-up', '2026-06-01', '2026-06-30', 'x');"));
        await db.ScalarAsync("DELETE FROM measurement_rounds WHERE id = 7;");
        Assert.That(await db.ScalarAsync("SELECT (SELECT count(*) FROM round_links) + (SELECT count(*) FROM survey_responses) + (SELECT count(*) FROM round_personal_code)"), Is.Zero,
            "the references still cascade from the rebuilt table");
    }

    [Test]
    [Description("issue #18: the MIDI profile over rounds: a heatmap row per determinant answered, a column per round, the share negative per cell; the table gives the verdict with it")]
    public void TheMidiProfileOverRoundsHasARowPerDeterminantAndAColumnPerRound()
    {
        MidiDeterminantResult Result(int number, int n, double negative, double positive, MidiOutcome outcome) =>
            new(number, $"Determinant {number}", "Gebruiker", number * 10, new MidiVerdict(n, negative, positive, outcome));
        var spring = new MidiRoundProfile(1, "Voorjaar", new DateOnly(2022, 3, 14), 2, null, 30,
            [Result(1, 30, 0.35, 0.30, MidiOutcome.Belemmerend), Result(2, 30, 0.10, 0.60, MidiOutcome.Neutraal), Result(3, 0, 0, 0, MidiOutcome.GeenAntwoorden)]);
        var springTrained = spring with { Condition = Condition.Getraind, Responses = 12 };
        var autumn = new MidiRoundProfile(2, "Najaar 2022, alle professionals", new DateOnly(2022, 10, 3), 3, null, 27,
            [Result(1, 27, 0.15, 0.50, MidiOutcome.Neutraal), Result(2, 27, 0.0, 0.85, MidiOutcome.Bevorderend)]);
        var survey = new MidiSurveyTracking(5, "MIDI", new MidiThresholds(), 0, [spring, springTrained, autumn]);

        var chart = survey.OverRoundsChart("midi-rondes", "MIDI-profiel per ronde");
        var table = survey.OverRoundsTable();

        Assert.That(chart.Rows, Is.EqualTo(new[] { "1. Determinant 1", "2. Determinant 2" }), "determinant 3 was not answered");
        Assert.That(chart.Columns, Is.EqualTo(new[] { "Voorjaar", "Ronde 2 (okt 2022)" }), "the condition's profile is no column; a long name is shortened");
        Assert.That(chart.Cells.Select(c => (c.Row, c.Column, c.Label)), Is.EqualTo(new[] { (0, 0, "35 %"), (1, 0, "10 %"), (0, 1, "15 %"), (1, 1, "0 %") }));
        Assert.That(table.Headers, Is.EqualTo(new[] { "Determinant", "Voorjaar", "Najaar 2022, alle professionals" }));
        Assert.That(table.Rows[0], Is.EqualTo(new[] { "1. Determinant 1", "belemmerend (35 % negatief)", "neutraal (15 % negatief)" }));
        Assert.That(table.Rows[1], Is.EqualTo(new[] { "2. Determinant 2", "neutraal (10 % negatief)", "bevorderend (0 % negatief)" }));
    }
}
