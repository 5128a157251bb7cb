using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Effects;

/// <summary>Copying a questionnaire from another project, and "Nieuwe versie" within a project (issue #18).</summary>
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class QuestionnaireCopyTests
{
    private readonly DatabaseEngine _engine;

    public QuestionnaireCopyTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _researcher = new(null, "Onderzoeker");

    private static Task<long?> MakeAsync(TempDatabase db, long projectId, string title) =>
        db.Questionnaires.CreateAsync(projectId, title, TargetGroup.Clienten,
        [
            new ItemDraft("Ik mocht meebeslissen.", ItemKind.Smiley5, Section: "Het gesprek"),
            new ItemDraft("Het gesprek duurde te lang.", ItemKind.Likert5, ReverseScored: true, Section: "Het gesprek"),
            new ItemDraft("Wat kan beter?", ItemKind.Open),
        ], _researcher);

    [Test]
    [Description("issue #18: a copy from a readable project has the same sections, items, kinds and reverse scoring, no rounds and no responses, is titled '(kopie uit …)' and audited; an unreadable source looks like a missing one")]
    public async Task ACopyFromAReadableProjectHasTheItemsButNoRounds()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (from, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "a");
        var (to, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "b");
        var sourceId = (await MakeAsync(db, from, "Kaart cliënten"))!.Value;
        await db.SurveyRounds.CreateAsync(from, sourceId, new RoundDraft("Nameting", Measurement.Nameting, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31), 40, Sidedness.Groter), _researcher);

        var hidden = await db.Questionnaires.CopyAsync(to, sourceId, p => p == to, _researcher);
        var missing = await db.Questionnaires.CopyAsync(to, 9999, _ => true, _researcher);
        var copyId = await db.Questionnaires.CopyAsync(to, sourceId, p => p == from, _researcher);
        var again = Assert.ThrowsAsync<ValidationException>(() => db.Questionnaires.CopyAsync(to, sourceId, _ => true, _researcher));

        Assert.That((hidden, missing), Is.EqualTo(((long?)null, (long?)null)));
        var source = (await db.Questionnaires.ListAsync(from)).Single();
        var copy = (await db.Questionnaires.ListAsync(to)).Single();
        Assert.That((copy.Id, copy.Title, copy.TargetGroup, copy.Version), Is.EqualTo((copyId, "Kaart cliënten (kopie uit Project a)", TargetGroup.Clienten, 1)));
        Assert.That(copy.Items.Select(i => (i.Position, i.Section, i.Text, i.Kind, i.ReverseScored)), Is.EqualTo(source.Items.Select(i => (i.Position, i.Section, i.Text, i.Kind, i.ReverseScored))));
        Assert.That(copy.Items.Select(i => i.Id), Has.No.AnyOf(source.Items.Select(i => i.Id).ToArray()));
        Assert.That(await db.SurveyRounds.ListAsync(to), Is.Empty);
        Assert.That(again!.Errors.Single().Message, Is.EqualTo("Het project heeft al een vragenlijst 'Kaart cliënten (kopie uit Project a)'."));
        Assert.That(await db.ScalarAsync($"SELECT count(*) FROM audit_log WHERE entity = 'questionnaire' AND entity_id = {copyId} AND changes LIKE '%copiedFrom%'"), Is.EqualTo(1));
        Assert.That((await db.Questionnaires.CopySourcesAsync(to, _ => true)).Select(s => (s.Id, s.ProjectName)), Is.EqualTo(new[] { (sourceId, "Project a") }));
        Assert.That(await db.Questionnaires.CopySourcesAsync(to, p => p == to), Is.Empty);
    }

    [Test]
    [Description("issue #18: a MIDI survey copied stays a MIDI survey: its thresholds and each item's determinant come along")]
    public async Task ACopiedMidiSurveyKeepsItsDeterminants()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (from, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "a");
        var (to, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "b");
        var midi = (await db.MidiSurveys.CreateAsync(from, "MIDI", TargetGroup.Professionals, new MidiThresholds(0.25, 0.75), _researcher))!.Value;

        var copy = (await db.Questionnaires.CopyAsync(to, midi, _ => true, _researcher))!.Value;

        Assert.That(await db.ScalarAsync($"SELECT count(*) FROM midi_survey_items m JOIN questionnaire_items i ON i.id = m.item_id WHERE i.questionnaire_id = {copy}"), Is.EqualTo(29));
        Assert.That(await db.ScalarAsync($"SELECT count(*) FROM midi_surveys WHERE questionnaire_id = {copy} AND barrier_threshold = 0.25"), Is.EqualTo(1));
    }

    [Test]
    [Description("issue #18: 'Nieuwe versie' copies a questionnaire as version n + 1 linked to its predecessor; the earlier round keeps its version's items; only the latest version gets a successor")]
    public async Task ANewVersionLeavesEarlierRoundsOnTheirOwnVersion()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var first = (await MakeAsync(db, projectId, "Kaart cliënten"))!.Value;
        var round = (await db.SurveyRounds.CreateAsync(projectId, first, new RoundDraft("Voormeting", Measurement.Voormeting, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), 40, Sidedness.Tweezijdig), _researcher))!.Value;

        var second = (await db.Questionnaires.NewVersionAsync(projectId, first, _researcher))!.Value;
        var third = (await db.Questionnaires.NewVersionAsync(projectId, second, _researcher))!.Value;
        var branch = Assert.ThrowsAsync<ValidationException>(() => db.Questionnaires.NewVersionAsync(projectId, first, _researcher));
        var elsewhere = await db.Questionnaires.NewVersionAsync(projectId + 1, first, _researcher);
        var later = (await db.SurveyRounds.CreateAsync(projectId, third, new RoundDraft("Nameting", Measurement.Nameting, new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1), 40, Sidedness.Tweezijdig), _researcher))!.Value;

        var all = (await db.Questionnaires.ListAsync(projectId)).ToDictionary(q => q.Id);
        Assert.That((all[second].Title, all[second].Version, all[second].PreviousId), Is.EqualTo(("Kaart cliënten (versie 2)", 2, (long?)first)));
        Assert.That((all[third].Title, all[third].Version, all[third].PreviousId), Is.EqualTo(("Kaart cliënten (versie 3)", 3, (long?)second)));
        Assert.That(branch!.Errors.Single().Message, Does.Contain("bestaat al een nieuwere versie"));
        Assert.That(elsewhere, Is.Null);
        var rounds = (await db.SurveyRounds.ListAsync(projectId)).ToDictionary(r => r.Id);
        Assert.That((rounds[round].QuestionnaireId, rounds[later].QuestionnaireId), Is.EqualTo((first, third)));
        Assert.That(all[third].Items.Select(i => i.Text), Is.EqualTo(all[first].Items.Select(i => i.Text)));
    }
}
