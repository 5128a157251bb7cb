using System.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Import;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Effects;

/// <summary>The item kinds getal, enkelekeuze and meerderekeuzes, and own answer labels (issue #18, migration 0039).</summary>
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class ItemKindsTests
{
    private readonly DatabaseEngine _engine;

    public ItemKindsTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _researcher = new(null, "Onderzoeker");

    private static IReadOnlyList<ItemDraft> Drafts() =>
    [
        new ItemDraft("Hoeveel gesprekken voerde u deze week?", ItemKind.Getal, Section: "Werk") { Minimum = 0, Maximum = 40 },
        new ItemDraft("Wat is uw functie?", ItemKind.EnkeleKeuze) { Options = ["Klantmanager", "Jobcoach", "Anders"] },
        new ItemDraft("Welke hulpmiddelen gebruikt u?", ItemKind.MeerdereKeuzes) { Options = ["waaier", "keuzehulp", "folder"] },
        new ItemDraft("Hoe vaak vraagt u wat de cliënt belangrijk vindt?", ItemKind.Likert5) { Labels = LabelSets.Find("frequentie")!.Labels },
        new ItemDraft("Ik beslis samen met de cliënt.", ItemKind.Likert5),
    ];

    private static async Task<(long ProjectId, Questionnaire Questionnaire, long RoundId, QuestionnaireStore Questionnaires, SurveyRoundStore Rounds)> RoundAsync(TempDatabase db)
    {
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var questionnaires = new QuestionnaireStore(db.Database, db.Audit, db.Time);
        var rounds = new SurveyRoundStore(db.Database, db.Audit, db.Time);
        var id = (await questionnaires.CreateAsync(projectId, "Nameting", TargetGroup.Professionals, Drafts(), _researcher))!.Value;
        var questionnaire = (await questionnaires.ListAsync(projectId)).Single(q => q.Id == id);
        var roundId = (await rounds.CreateAsync(projectId, id, new RoundDraft("Nameting", Measurement.Nameting, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31), null, Sidedness.Tweezijdig), _researcher))!.Value;
        return (projectId, questionnaire, roundId, questionnaires, rounds);
    }

    [Test]
    [Description("issue #18: options, own labels and number bounds are stored with their item, and a copy and a new version carry them")]
    public async Task OptionsLabelsAndBoundsSurviveTheStoreACopyAndANewVersion()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var s = await RoundAsync(db);
        var version = (await s.Questionnaires.NewVersionAsync(s.ProjectId, s.Questionnaire.Id, _researcher))!.Value;
        var (other, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "ander");
        var copy = (await s.Questionnaires.CopyAsync(other, s.Questionnaire.Id, _ => true, _researcher))!.Value;

        var items = s.Questionnaire.Items;
        Assert.That(items.Select(i => i.Kind), Is.EqualTo(new[] { ItemKind.Getal, ItemKind.EnkeleKeuze, ItemKind.MeerdereKeuzes, ItemKind.Likert5, ItemKind.Likert5 }));
        Assert.That((items[0].Minimum, items[0].Maximum, items[0].Section, items[0].IsNumeric, items[0].Scale), Is.EqualTo(((double?)0, (double?)40, "Werk", true, ((double, double)?)null)));
        Assert.That(items[1].Options, Is.EqualTo(new[] { "Klantmanager", "Jobcoach", "Anders" }));
        Assert.That((items[2].Options.Count, items[2].IsChoice, items[2].IsNumeric), Is.EqualTo((3, true, false)));
        Assert.That(items[3].AnswerLabels, Is.EqualTo(new[] { "nooit", "zelden", "soms", "vaak", "altijd" }));
        Assert.That((items[4].Labels.Count, items[4].AnswerLabels[0]), Is.EqualTo((0, "helemaal oneens")), "no own labels: the default agreement set");
        Assert.That(await db.TextAsync($"SELECT options FROM questionnaire_items WHERE id = {items[1].Id}"), Is.EqualTo("""["Klantmanager","Jobcoach","Anders"]"""));
        Assert.That(await db.TextAsync("SELECT kind FROM questionnaire_items WHERE id = " + items[2].Id), Is.EqualTo("meerderekeuzes"));
        foreach (var (project, id) in new[] { (s.ProjectId, version), (other, copy) })
        {
            var carried = (await s.Questionnaires.ListAsync(project)).Single(q => q.Id == id).Items;
            Assert.That(carried.Select(i => (i.Kind, string.Join("|", i.Options), string.Join("|", i.Labels), i.Minimum, i.Maximum)),
                Is.EqualTo(items.Select(i => (i.Kind, string.Join("|", i.Options), string.Join("|", i.Labels), i.Minimum, i.Maximum))));
        }
    }

    [Test]
    [Description("issue #18: migration 0039 rebuilds questionnaire_items: answers and MIDI items still point at their items, deleting a questionnaire still cascades")]
    public async Task TheRebuiltTableKeepsItsReferencesAndCascades()
    {
        // a SQLite table rebuild: the migration exists on SQLite only (PostgreSQL starts from its generated baseline)
        using var db = await TempDatabase.MigratedAsync(DatabaseEngine.Sqlite);
        var s = await RoundAsync(db);
        await s.Rounds.AddPaperAsync(s.ProjectId, s.RoundId, Condition.Getraind, new Dictionary<long, string?> { [s.Questionnaire.Items[0].Id] = "3" }, _researcher);

        Assert.That(await db.ScalarAsync("SELECT count(*) FROM pragma_foreign_key_check"), Is.EqualTo(0));
        Assert.That(await db.TextAsync("SELECT group_concat(\"table\") FROM pragma_foreign_key_list('survey_answers')"), Does.Contain("questionnaire_items"));
        Assert.That(await db.TextAsync("SELECT group_concat(\"table\") FROM pragma_foreign_key_list('midi_survey_items')"), Does.Contain("questionnaire_items"));
        await using (var connection = await db.Database.OpenAsync())
        {
            await connection.ExecuteAsync(null, $"DELETE FROM questionnaires WHERE id = {s.Questionnaire.Id};", CancellationToken.None);
        }

        Assert.That(await db.ScalarAsync("SELECT count(*) FROM questionnaire_items"), Is.EqualTo(0));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM survey_answers"), Is.EqualTo(0), "ON DELETE CASCADE still reaches the answers through the rebuilt table");
    }

    [TestCase(ItemKind.EnkeleKeuze, new[] { "alleen" }, null, "Vraag 1 is een keuzevraag en heeft 2 tot 20 keuzes nodig; nu 1.")]
    [TestCase(ItemKind.MeerdereKeuzes, new[] { "a;b", "c" }, null, "Keuze 1 van vraag 1 bevat een puntkomma; die scheidt de aangekruiste keuzes.")]
    [TestCase(ItemKind.EnkeleKeuze, new[] { "Ja", "ja" }, null, "Vraag 1 heeft de keuze 'Ja' twee keer.")]
    [TestCase(ItemKind.Likert5, new[] { "a", "b" }, null, "Vraag 1 kan geen keuzes hebben: alleen enkelekeuze- en meerderekeuzesvragen.")]
    [TestCase(ItemKind.Getal, null, new[] { "1", "2", "3", "4", "5" }, "Vraag 1 kan geen eigen antwoordlabels hebben: alleen 5-puntsvragen (likert5, smiley5).")]
    [TestCase(ItemKind.Smiley5, null, new[] { "laag", "hoog" }, "Vraag 1 heeft 5 antwoordlabels nodig (van laag naar hoog); nu 2.")]
    public void ItemsWithWrongOptionsOrLabelsAreRefused(ItemKind kind, string[]? options, string[]? labels, string message)
    {
        var errors = new List<ValidationError>();
        QuestionnaireStore.CheckItem(errors, new ItemDraft("Vraag", kind) { Options = options ?? [], Labels = labels ?? [] }, 1);

        Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[] { message }));
    }

    [Test]
    public void TooLongOptionsAndBoundsOutOfOrderAreRefused()
    {
        var errors = new List<ValidationError>();
        QuestionnaireStore.CheckItem(errors, new ItemDraft("Functie", ItemKind.EnkeleKeuze) { Options = ["a", new string('x', 201)] }, 2);
        QuestionnaireStore.CheckItem(errors, new ItemDraft("Aantal", ItemKind.Getal) { Minimum = 10, Maximum = 5 }, 3);
        QuestionnaireStore.CheckItem(errors, new ItemDraft("Eens?", ItemKind.Likert5) { Maximum = 5 }, 4);
        QuestionnaireStore.CheckItem(errors, new ItemDraft("Aantal", ItemKind.Getal, ReverseScored: true), 5);

        Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[]
        {
            "Keuze 2 van vraag 2 is te lang: 201 tekens, hooguit 200 toegestaan.",
            "Bij vraag 3 ligt de ondergrens (10) niet onder de bovengrens (5).",
            "Vraag 4 kan geen onder- of bovengrens hebben: alleen getalvragen.",
            "Vraag 5 kan niet omgescoord worden: alleen schaalvragen (likert5, smiley5, cijfer10).",
        }));
    }

    [TestCase("3,5", true, 3.5)]
    [TestCase("3.5", true, 3.5)]
    [TestCase("-2", true, -2.0)]
    [TestCase("1.250,5", true, 1250.5)]
    [TestCase("1,250.5", true, 1250.5)]
    [TestCase(" 12 ", true, 12.0)]
    [TestCase("1,2,3", false, 0.0)]
    [TestCase("1e5", false, 0.0)]
    [TestCase("twaalf", false, 0.0)]
    [TestCase("", false, 0.0)]
    public void NumbersAreReadTheDutchAndTheEnglishWay(string text, bool ok, double expected)
    {
        Assert.That((Checks.TryParseNumber(text, out var value), ok ? value : 0), Is.EqualTo((ok, expected)));
    }

    [Test]
    [Description("issue #18: a number within its bounds, an option by number or text, ticked options as '1;3' by numbers, texts or a form's '1,3'")]
    public async Task AnswersOfEachNewKindAreCheckedAndStored()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var s = await RoundAsync(db);
        var items = s.Questionnaire.Items;
        var token = (await s.Rounds.CreateLinkAsync(s.ProjectId, s.RoundId, Condition.Ongetraind, _researcher))!;

        await s.Rounds.SubmitAsync(token, new Dictionary<long, string?> { [items[0].Id] = "12,5", [items[1].Id] = "2", [items[2].Id] = "1,3", [items[3].Id] = "4" });
        await s.Rounds.AddPaperAsync(s.ProjectId, s.RoundId, Condition.Getraind, new Dictionary<long, string?> { [items[1].Id] = "anders", [items[2].Id] = "folder; waaier" }, _researcher);
        var refused = Assert.ThrowsAsync<ValidationException>(() => s.Rounds.SubmitAsync(token,
            new Dictionary<long, string?> { [items[0].Id] = "41", [items[1].Id] = "4", [items[2].Id] = "1;9" }));
        var notANumber = Assert.ThrowsAsync<ValidationException>(() => s.Rounds.SubmitAsync(token, new Dictionary<long, string?> { [items[0].Id] = "veel" }));

        var responses = await s.Rounds.ResponsesAsync(s.ProjectId, s.RoundId);
        Assert.That(responses[0].Values[items[0].Id], Is.EqualTo(12.5));
        Assert.That(responses[0].Values[items[1].Id], Is.EqualTo(2));
        Assert.That((responses[0].Values[items[2].Id], responses[0].Texts[items[2].Id]), Is.EqualTo(((double?)null, "1;3")));
        Assert.That((responses[1].Values[items[1].Id], responses[1].Texts[items[2].Id]), Is.EqualTo(((double?)3, "1;3")), "texts, in any order and case");
        Assert.That(refused!.Errors.Select(e => e.Message), Is.EqualTo(new[]
        {
            "Het antwoord op vraag 1 moet tussen 0 en 40 liggen.",
            "Kies bij vraag 2 één van de 3 keuzes ('4' is er geen).",
            "Bij vraag 3 is '9' geen van de 3 keuzes.",
        }));
        Assert.That(notANumber!.Errors.Single().Message, Is.EqualTo("Het antwoord op vraag 1 is geen getal ('veel')."));
        Assert.That(responses, Has.Count.EqualTo(2), "the refused answers left nothing behind");
    }

    [Test]
    [Description("issue #18: a worked example: a number item compared like a grade (Welch t = 4/√2), choice items as counts and % per group")]
    public async Task NumberAndChoiceItemsAreAnalysedOnAWorkedExample()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var s = await RoundAsync(db);
        var items = s.Questionnaire.Items;
        // trained: 10, 12, 14, 16 (mean 13, SD √(20/3)); untrained: 8, 9, 10 (mean 9, SD 1)
        (Condition, string?, string?, string?)[] cards =
        [
            (Condition.Getraind, "10", "1", "1;3"), (Condition.Getraind, "12", "1", "1"), (Condition.Getraind, "14", "2", "1;2;3"), (Condition.Getraind, "16", "3", null),
            (Condition.Ongetraind, "8", "2", "2"), (Condition.Ongetraind, "9", "2", "2;3"), (Condition.Ongetraind, "10", null, "3"),
        ];
        foreach (var (condition, amount, option, ticks) in cards)
        {
            await s.Rounds.AddPaperAsync(s.ProjectId, s.RoundId, condition, new Dictionary<long, string?> { [items[0].Id] = amount, [items[1].Id] = option, [items[2].Id] = ticks }, _researcher);
        }

        var round = (await s.Rounds.ListAsync(s.ProjectId)).Single();
        var analysis = SurveyAnalysis.Analyse(s.Questionnaire, round, await s.Rounds.ResponsesAsync(s.ProjectId, s.RoundId), minimumGroup: 1);
        var management = SurveyAnalysis.Analyse(s.Questionnaire, round, await s.Rounds.ResponsesAsync(s.ProjectId, s.RoundId), SurveyAnalysis.ManagementMinimum);

        Assert.That(analysis.Items.Select(i => i.Item.Position), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }), "in the questionnaire's order");
        var number = analysis.Items[0].Comparison!;
        Assert.That((number.A.N, number.A.Mean, number.A.Median, number.B.Mean, number.B.StandardDeviation), Is.EqualTo((4, (double?)13, (double?)13, (double?)9, (double?)1)));
        Assert.That(number.A.StandardDeviation!.Value, Is.EqualTo(2.582).Within(0.0005));
        Assert.That(number.Welch!.Statistic, Is.EqualTo(2.828).Within(0.0005), "t = 4 / √(20/3/4 + 1/3) = 4/√2");
        Assert.That(number.Welch.DegreesOfFreedom!.Value, Is.EqualTo(4.075).Within(0.0005), "Welch–Satterthwaite: 4 / (25/27 + 1/18)");
        Assert.That(number.MannWhitney, Is.Not.Null);
        Assert.That(number.Warnings, Has.None.Contains("Plafondeffect"), "bounds 0–40: nobody at the top");

        var single = analysis.Items[1].Choices!;
        Assert.That(analysis.Items[1].Comparison, Is.Null, "no mean of options");
        Assert.That(single.A.Options.Select(o => (o.Option, o.Count, o.Share)), Is.EqualTo(new[] { ("Klantmanager", 2, (double?)0.5), ("Jobcoach", 1, 0.25), ("Anders", 1, 0.25) }));
        Assert.That((single.B.Respondents, single.B.Missing), Is.EqualTo((2, 1)));
        Assert.That(single.B.Options.Select(o => o.Share), Is.EqualTo(new double?[] { 0, 1, 0 }));

        var multiple = analysis.Items[2].Choices!;
        Assert.That((multiple.A.Respondents, multiple.A.Missing), Is.EqualTo((3, 1)));
        Assert.That(multiple.A.Options.Select(o => o.Count), Is.EqualTo(new[] { 3, 1, 2 }), "% of respondents ticking: 100, 33, 67");
        Assert.That(multiple.B.Options.Select(o => o.Share!.Value), Is.EqualTo(new[] { 0, 2 / 3.0, 2 / 3.0 }).Within(1e-12));
        Assert.That(management.Items.Take(3).Select(i => (i.Suppressed, i.Choices)), Is.All.EqualTo((true, (ChoiceComparison?)null)), "fewer than 5 in a group: no breakdown for management");
    }

    private const string Export = """
        Groep;Aantal;Functie;Hulpmiddelen
        geel;3,5;Jobcoach;"waaier;folder"
        wit;7.25;1;2
        geel;veel;Jobcoach;waaier
        wit;2;Directeur;waaier
        geel;4;Neutraal;"waaier;brochure"
        wit;50;3;"1;3"
        geel;1,5;Neutraal;keuzehulp

        """;

    [Test]
    [Description("issue #18: import: numbers in Dutch or English, an option by text or number (the option 'Neutraal' is not the Likert label's 3), ticked options as 'a;b' texts or numbers; rows not taken with their reason")]
    public async Task EachNewKindIsImportedAndBadRowsAreReported()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var questionnaires = new QuestionnaireStore(db.Database, db.Audit, db.Time);
        var id = (await questionnaires.CreateAsync(projectId, "Import", TargetGroup.Professionals,
        [
            new ItemDraft("Aantal", ItemKind.Getal) { Maximum = 40 },
            new ItemDraft("Functie", ItemKind.EnkeleKeuze) { Options = ["Klantmanager", "Neutraal", "Jobcoach"] },
            new ItemDraft("Hulpmiddelen", ItemKind.MeerdereKeuzes) { Options = ["waaier", "keuzehulp", "folder"] },
        ], _researcher))!.Value;
        var q = (await questionnaires.ListAsync(projectId)).Single(x => x.Id == id);
        var table = ResponseTable.Read("export.csv", Encoding.UTF8.GetBytes(Export));

        var plan = ResponseImport.Prepare(q, table, new ImportMapping(new Dictionary<long, int> { [q.Items[0].Id] = 1, [q.Items[1].Id] = 2, [q.Items[2].Id] = 3 }, 0, null, null,
            new Dictionary<string, string>()));

        Assert.That(plan.Taken.Select(t => t.Row), Is.EqualTo(new[] { 2, 3, 8 }));
        Assert.That(plan.Taken.Select(t => t.Parsed.Select(p => p.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? p.Text)), Is.EqualTo(new[]
        {
            new[] { "3.5", "3", "1;3" },
            new[] { "7.25", "1", "2" },
            new[] { "1.5", "2", "2" },
        }));
        Assert.That(plan.Refused.Select(r => r.Reason), Is.EqualTo(new[]
        {
            "Rij 4: het antwoord op vraag 1 is geen getal ('veel').",
            "Rij 5: kies bij vraag 2 één van de 3 keuzes ('Directeur' is er geen).",
            "Rij 6: bij vraag 3 is 'brochure' geen van de 3 keuzes.",
            "Rij 7: het antwoord op vraag 1 moet op of onder 40 liggen.",
        }));
    }

    [Test]
    [Description("issue #18: the editor's lines: options after a bar, bounds as min/max, labels by set, own or 'eigen'; the chosen default set for plain Likert items")]
    public void TheEditorLinesCarryOptionsBoundsAndLabels()
    {
        var errors = new List<ValidationError>();
        var drafts = ItemLines.Parse("""
            likert5 | Ik beslis samen.
            likert5 | Hoe vaak? | labels: frequentie
            smiley5 | Hoe was het? | labels: eigen
            likert5 | Tevreden? | omgescoord | labels: a; b; c; d; e
            getal | Hoeveel gesprekken? | min 0 | max 12,5
            enkelekeuze | Functie? | klantmanager; jobcoach
            meerderekeuzes | Hulpmiddelen? | waaier;keuzehulp;folder
            getal | Leeftijd? | ongeveer
            """, "kwaliteit", "heel slecht\nslecht\nmatig\ngoed\nheel goed", errors);

        Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[] { "Regel 8: 'ongeveer' is niet te begrijpen bij een vraag van soort getal." }));
        Assert.That(drafts.Select(d => d.Labels.Count > 0 ? d.Labels[0] : ""), Is.EqualTo(new[] { "zeer slecht", "nooit", "heel slecht", "a", "", "", "", "" }));
        Assert.That((drafts[3].ReverseScored, drafts[4].Minimum, drafts[4].Maximum), Is.EqualTo((true, (double?)0, (double?)12.5)));
        Assert.That(drafts[5].Options, Is.EqualTo(new[] { "klantmanager", "jobcoach" }));
        Assert.That(drafts[6].Options, Has.Count.EqualTo(3));
    }
}
