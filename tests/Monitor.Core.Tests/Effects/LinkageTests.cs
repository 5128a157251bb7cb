using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Linkage;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Effects;

/// <summary>Pre/post linkage (issue #18): the personal code, its salted key, personal invitations from the training register, pairing and the linkage rate.</summary>
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class LinkageTests
{
    private readonly DatabaseEngine _engine;

    public LinkageTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _researcher = new(null, "Onderzoeker");

    private sealed record Setup(long ProjectId, Questionnaire Questionnaire, long Before, long After, SurveyRoundStore Rounds, SurveyLinkageStore Linkage, TrainingRegisterStore Register);

    private static async Task<Setup> SetupAsync(TempDatabase db, string slug = "p")
    {
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, slug);
        var questionnaires = new QuestionnaireStore(db.Database, db.Audit, db.Time);
        var rounds = new SurveyRoundStore(db.Database, db.Audit, db.Time);
        var id = (await questionnaires.CreateAsync(projectId, "Professionals", TargetGroup.Professionals,
        [
            new ItemDraft("Ik vertel de cliënt dat hij of zij meebeslist.", ItemKind.Likert5),
            new ItemDraft("Samen beslissen kost mij te veel tijd.", ItemKind.Likert5, ReverseScored: true),
            new ItemDraft("Wat zou u anders doen?", ItemKind.Open),
        ], _researcher))!.Value;
        var questionnaire = (await questionnaires.ListAsync(projectId)).Single(q => q.Id == id);
        var before = (await rounds.CreateAsync(projectId, id, new RoundDraft("Voormeting", Measurement.Voormeting, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31), 10, Sidedness.Groter), _researcher))!.Value;
        var after = (await rounds.CreateAsync(projectId, id, new RoundDraft("Nameting", Measurement.Nameting, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31), 10, Sidedness.Groter), _researcher))!.Value;
        return new Setup(projectId, questionnaire, before, after, rounds, new SurveyLinkageStore(db.Database, db.Audit, db.Time, rounds, questionnaires),
            new TrainingRegisterStore(db.Database, db.Audit, db.Time));
    }

    private static async Task<string> TextAsync(TempDatabase db, string sql)
    {
        await using var connection = await db.Database.OpenAsync();
        return (string)(await connection.ScalarAsync(null, sql, CancellationToken.None))!;
    }

    private static Dictionary<long, string?> Answers(Questionnaire questionnaire, int first, int? second = null) => new()
    {
        [questionnaire.Items[0].Id] = first.ToString(CultureInfo.InvariantCulture),
        [questionnaire.Items[1].Id] = second?.ToString(CultureInfo.InvariantCulture),
    };

    [Test]
    [Description("issue #18: the personal code from three stable questions: accents dropped and upper case, Dutch messages for each wrong answer, the written form read back")]
    public void ThePersonalCodeIsMadeFromThreeStableAnswers()
    {
        var errors = new List<ValidationError>();
        var code = PersonalCode.From(" ét", "7", "3", errors);
        var bad = new List<ValidationError>();
        var none = PersonalCode.From("M", "32", "12", bad);

        Assert.That(errors, Is.Empty);
        Assert.That(code!.Text, Is.EqualTo("ET073"));
        Assert.That(none, Is.Null);
        Assert.That(bad.Select(e => e.Message), Is.EqualTo(new[]
        {
            "Vul de eerste twee letters van de voornaam van uw moeder in (twee letters).",
            "Vul de dag van uw geboortedatum in: een getal van 1 tot en met 31.",
            "Vul het laatste cijfer van uw huisnummer in: één cijfer van 0 tot en met 9.",
        }));
        Assert.That(PersonalCode.Parse("ma-07-3"), Is.EqualTo(new PersonalCode("MA", 7, 3)));
        Assert.That(PersonalCode.Parse("Ma 7 3"), Is.EqualTo(new PersonalCode("MA", 7, 3)));
        Assert.That(PersonalCode.Parse("MA323"), Is.Null, "day 32");
        Assert.That(PersonalCode.Parse("M1073"), Is.Null);
        Assert.That(PersonalCode.Parse(""), Is.Null);
    }

    [Test]
    [Description("issue #18: the respondent key is an HMAC of the code with a secret per project: the same code gives the same key in one project, another key in another, and never shows the code")]
    public void TheKeyIsASaltedHashPerProject()
    {
        var code = new PersonalCode("MA", 7, 3);
        var secretA = new string('a', 64);
        var secretB = new string('b', 64);

        Assert.That(RespondentKeys.ForCode(secretA, code), Is.EqualTo(RespondentKeys.ForCode(secretA, new PersonalCode("MA", 7, 3))));
        Assert.That(RespondentKeys.ForCode(secretA, code), Is.Not.EqualTo(RespondentKeys.ForCode(secretB, code)));
        Assert.That(RespondentKeys.ForCode(secretA, code), Is.Not.EqualTo(RespondentKeys.ForCode(secretA, new PersonalCode("MA", 7, 4))));
        Assert.That(RespondentKeys.ForCode(secretA, code), Has.Length.EqualTo(64).And.Not.Contain("MA073"));
        Assert.That(RespondentKeys.ForInvitee(secretA, 1), Is.Not.EqualTo(RespondentKeys.ForInvitee(secretA, 2)));
    }

    [Test]
    [Description("issue #18: a round that asks for the code refuses an answer without it; with it only the key is stored; the same code twice in a round is refused and nothing is written")]
    public async Task ARoundAskingTheCodeKeepsOnlyItsKey()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var s = await SetupAsync(db);
        var token = (await s.Rounds.CreateLinkAsync(s.ProjectId, s.Before, Condition.Getraind, _researcher))!;
        Assert.That(await s.Linkage.SetPersonalCodeAsync(s.ProjectId, s.Before, true, _researcher), Is.True);
        Assert.That(await s.Linkage.SetPersonalCodeAsync(s.ProjectId + 99, s.Before, true, _researcher), Is.False, "not the project's round");

        var missing = Assert.ThrowsAsync<ValidationException>(() => s.Rounds.SubmitAsync(token, Answers(s.Questionnaire, 4)));
        var id = await s.Rounds.SubmitAsync(token, Answers(s.Questionnaire, 4), new PersonalCode("MA", 7, 3));
        var twice = Assert.ThrowsAsync<ValidationException>(() => s.Rounds.SubmitAsync(token, Answers(s.Questionnaire, 2), new PersonalCode("MA", 7, 3)));

        Assert.That(missing!.Errors.Single().Message, Does.StartWith("Vul uw persoonlijke code in"));
        Assert.That(twice!.Errors.Single().Message, Is.EqualTo("Met deze persoonlijke code is in deze ronde al geantwoord."));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM survey_responses"), Is.EqualTo(1));
        var secret = await TextAsync(db, "SELECT secret FROM respondent_key_secrets");
        Assert.That(await TextAsync(db, $"SELECT respondent_key FROM survey_responses WHERE id = {id}"), Is.EqualTo(RespondentKeys.ForCode(secret, new PersonalCode("MA", 7, 3))));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM survey_responses WHERE respondent_key LIKE '%MA%'"), Is.EqualTo(0));
        Assert.That(await s.Linkage.AsksPersonalCodeAsync(s.Before), Is.True);
        Assert.That(await s.Linkage.AsksPersonalCodeAsync(s.After), Is.False);
    }

    [Test]
    [Description("issue #18: personal invitations per register entry take the condition from the register, answer once, and link the voormeting to the nameting; paired t and Wilcoxon over the pairs; the linkage rate per round; management sees no item under 5 pairs")]
    public async Task InvitationsLinkPreAndPostAndThePairsAreTested()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var s = await SetupAsync(db);
        Assert.ThrowsAsync<ValidationException>(() => s.Linkage.CreateInvitationsAsync(s.ProjectId, s.Before, _researcher), "empty register");
        for (var i = 1; i <= 6; i++)
        {
            await s.Register.AddAsync(s.ProjectId, $"Re-integratieprofessional {i}", "Groep 1", i <= 5 ? new DateOnly(2026, 10, 1) : null, _researcher);
        }

        Assert.ThrowsAsync<ValidationException>(() => s.Register.AddAsync(s.ProjectId, "Re-integratieprofessional 1", "", null, _researcher));
        Assert.ThrowsAsync<ValidationException>(() => s.Register.AddAsync(s.ProjectId, "Re-integratieprofessional 7", "", new DateOnly(2027, 1, 1), _researcher));
        var pre = (await s.Linkage.CreateInvitationsAsync(s.ProjectId, s.Before, _researcher))!;
        var post = (await s.Linkage.CreateInvitationsAsync(s.ProjectId, s.After, _researcher))!;
        int[] before = [2, 3, 3, 2, 4, 3];
        int[] after = [4, 4, 5, 3, 4, 5];
        for (var i = 0; i < 6; i++)
        {
            await s.Linkage.SubmitInvitationAsync(pre[i].Token, Answers(s.Questionnaire, before[i], 6 - before[i]));
            await s.Linkage.SubmitInvitationAsync(post[i].Token, Answers(s.Questionnaire, after[i], i < 4 ? 6 - after[i] : null));
        }

        // two respondents of the nameting through the anonymous link: not linkable
        var link = (await s.Rounds.CreateLinkAsync(s.ProjectId, s.After, Condition.Ongetraind, _researcher))!;
        await s.Rounds.SubmitAsync(link, Answers(s.Questionnaire, 1));
        await s.Rounds.SubmitAsync(link, Answers(s.Questionnaire, 2));
        var usedAgain = Assert.ThrowsAsync<ValidationException>(() => s.Linkage.SubmitInvitationAsync(pre[0].Token, Answers(s.Questionnaire, 5)));
        var nobodyLeft = Assert.ThrowsAsync<ValidationException>(() => s.Linkage.CreateInvitationsAsync(s.ProjectId, s.Before, _researcher));

        var team = (await s.Linkage.PairAsync(s.ProjectId, s.Before, s.After, 1))!;
        var management = (await s.Linkage.PairAsync(s.ProjectId, s.Before, s.After, SurveyAnalysis.ManagementMinimum))!;

        Assert.That(pre.Select(p => p.Invitee.Condition), Is.EqualTo(Enumerable.Repeat(Condition.Getraind, 5).Append(Condition.Ongetraind)));
        var responses = await s.Rounds.ResponsesAsync(s.ProjectId, s.Before);
        Assert.That(responses.Count(r => r.Condition == Condition.Getraind), Is.EqualTo(5), "the condition comes from the register");
        Assert.That(usedAgain!.Errors.Single().Message, Is.EqualTo("Deze vragenlijst is met deze persoonlijke link al ingevuld."));
        Assert.That(nobodyLeft!.Errors.Single().Message, Does.Contain("iedereen heeft deze ronde al beantwoord"), "all six answered the voormeting");
        Assert.That((await s.Linkage.OpenInvitationAsync(pre[0].Token))!.Answered, Is.True);
        Assert.That((team.Pairs, team.BeforeRespondents, team.AfterRespondents), Is.EqualTo((6, 6, 8)));
        Assert.That(team.LinkedShareBefore, Is.EqualTo(1.0));
        Assert.That(team.LinkedShareAfter, Is.EqualTo(0.75));
        var first = team.Items[0];
        Assert.That(first.PairedT!.Statistic, Is.EqualTo(4.0).Within(1e-9), "differences 2,1,2,1,0,2: mean 4/3, sd 0.8165, t = 4.000 on 5 df");
        Assert.That(first.PairedT.DegreesOfFreedom, Is.EqualTo(5));
        Assert.That(first.PairedT.P, Is.EqualTo(StatisticalTests.PairedT([.. after.Select(a => (double)a)], [.. before.Select(b => (double)b)], Sidedness.Groter).P).Within(1e-12));
        Assert.That(first.SignedRank!.P, Is.EqualTo(StatisticalTests.SignedRank([.. after.Select(a => (double)a)], [.. before.Select(b => (double)b)], Sidedness.Groter).P).Within(1e-12));
        Assert.That((first.MeanBefore, first.MeanAfter), Is.EqualTo(((double?)17 / 6.0, (double?)25 / 6.0)));
        Assert.That(team.Items[1].Pairs, Is.EqualTo(4), "the reverse-scored item was left open twice at the nameting");
        Assert.That(team.Items[1].MeanAfter, Is.EqualTo(4.0), "turned around: 6 - (6 - a)");
        Assert.That(management.Items[0].Suppressed, Is.False);
        Assert.That(management.Items[1].Suppressed, Is.True, "4 pairs: management sees nothing");
        Assert.That(team.Items, Has.Count.EqualTo(2), "the open item is not tested");
    }

    [Test]
    [Description("issue #18: pairing needs two different rounds of the same questionnaire; a round of another project is not found")]
    public async Task PairingRefusesRoundsThatDoNotBelongTogether()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var s = await SetupAsync(db);
        var other = await SetupAsync(db, "q");

        var same = Assert.ThrowsAsync<ValidationException>(() => s.Linkage.PairAsync(s.ProjectId, s.Before, s.Before, 1));
        Assert.That(same!.Errors.Single().Message, Is.EqualTo("Kies twee verschillende rondes van dezelfde vragenlijst om te koppelen."));
        Assert.That(await s.Linkage.PairAsync(s.ProjectId, s.Before, other.After, 1), Is.Null);
    }
}
