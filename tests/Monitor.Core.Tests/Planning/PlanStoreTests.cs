using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Planning;
using Monitor.Core.Projects;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Planning;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class PlanStoreTests
{
    private readonly DatabaseEngine _engine;

    public PlanStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _leader = new(7, "Projectleider");

    private static async Task<long> ProjectAsync(TempDatabase db, string slug = "p") => await db.Projects.CreateAsync(
        new ProjectDraft { Slug = slug, Name = "P", Organisation = "O", Innovation = "I", StartDate = new DateOnly(2021, 1, 1), CurrentPhase = 1 }, Actor.System);

    private static PlanActivityDraft Communicatieplan => new()
    {
        Phase = 1,
        Title = "Communicatieplan uitvoeren",
        Description = "Teammanagers, professionals en cliënten herhaald informeren",
        TargetGroup = TargetGroup.Professionals,
        Actors = "Kernteam; afdeling Communicatie",
        Barriers = "Werkdruk door Tozo",
        Facilitators = "Kennismakelaars als ambassadeurs",
        Preconditions = "Tijd in teamoverleg",
        Owner = "Projectleider",
        PlannedMonth = new YearMonth(2021, 4),
        Status = ActivityStatus.Bezig,
        StartedOn = new DateOnly(2021, 3, 15),
        Determinants = [17, 27],
    };

    [Test]
    public async Task StoresEveryFieldOfAnActivityAndReadsItBack()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ProjectAsync(db);

        var id = await db.PlanStore.CreateActivityAsync(projectId, Communicatieplan, _leader);
        var stored = await db.PlanStore.FindActivityAsync(projectId, id);

        Assert.That(stored, Is.Not.Null);
        Assert.That(stored!.Fields with { Determinants = [] }, Is.EqualTo(Communicatieplan with { Determinants = [] }));
        Assert.That(stored.Fields.Determinants, Is.EqualTo(new[] { 17, 27 }));
        Assert.That((await db.Audit.ListAsync(entity: "activiteit", entityId: id)).Single().ActorName, Is.EqualTo("Projectleider"));
    }

    [Test]
    public async Task UpdatesAnActivityAndAuditsOnlyTheChangedFields()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ProjectAsync(db);
        var id = await db.PlanStore.CreateActivityAsync(projectId, Communicatieplan, _leader);

        var updated = await db.PlanStore.UpdateActivityAsync(projectId, id, Communicatieplan with { Status = ActivityStatus.Gereed, CompletedOn = new DateOnly(2021, 5, 28), Determinants = [17] }, _leader);

        Assert.That(updated, Is.True);
        var change = (await db.Audit.ListAsync(entity: "activiteit", entityId: id))[0];
        Assert.That(change.Changes.Keys, Is.EquivalentTo(new[] { "status", "completedOn", "determinants" }));
        Assert.That(change.Changes["status"], Is.EqualTo(new FieldChange("bezig", "gereed")));
        Assert.That((await db.PlanStore.FindActivityAsync(projectId, id))!.Fields.Determinants, Is.EqualTo(new[] { 17 }));
    }

    [Test]
    public async Task DoesNotTouchAnActivityOfAnotherProject()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var mine = await ProjectAsync(db, "mine");
        var other = await ProjectAsync(db, "other");
        var id = await db.PlanStore.CreateActivityAsync(other, Communicatieplan, _leader);

        Assert.That(await db.PlanStore.UpdateActivityAsync(mine, id, Communicatieplan with { Title = "Gekaapt" }, _leader), Is.False);
        Assert.That(await db.PlanStore.DeleteActivityAsync(mine, id, _leader), Is.False);
        Assert.That((await db.PlanStore.FindActivityAsync(other, id))!.Fields.Title, Is.EqualTo("Communicatieplan uitvoeren"));
    }

    [TestCase(6, "phase")]
    [TestCase(-1, "phase")]
    public async Task RefusesAnUnknownPhase(int phase, string field)
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ProjectAsync(db);

        var error = Assert.ThrowsAsync<ValidationException>(() => db.PlanStore.CreateActivityAsync(projectId, Communicatieplan with { Phase = phase }, _leader));

        Assert.That(error!.Errors.Select(e => e.Field), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task RefusesDeterminantThirtyAndAnEndBeforeTheStartAndSavesNothing()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ProjectAsync(db);

        var error = Assert.ThrowsAsync<ValidationException>(() => db.PlanStore.CreateActivityAsync(projectId,
            Communicatieplan with { Determinants = [5, 30], CompletedOn = new DateOnly(2021, 3, 1) }, _leader));

        Assert.That(error!.Errors.Select(e => e.Message), Has.Some.Contains("Determinant 30 bestaat niet").And.Some.Contains("vóór de startdatum"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM plan_activities;"), Is.Zero);
    }

    [Test]
    public async Task AnImportWithOneBadRowSavesNothing()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ProjectAsync(db);

        Assert.ThrowsAsync<ValidationException>(() => db.PlanStore.ImportAsync(projectId,
            [Communicatieplan, Communicatieplan with { Title = "" }], [new PhaseGoal(1, "Iedereen kent de keuzehulp")], _leader));

        Assert.That(await db.ScalarAsync("SELECT count(*) FROM plan_activities;"), Is.Zero);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM phase_goals;"), Is.Zero);
    }

    [Test]
    public async Task SetsAndClearsAPhaseGoal()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ProjectAsync(db);

        await db.PlanStore.SetGoalAsync(projectId, 3, "Professionals willen de keuzehulp gebruiken", _leader);
        var withGoal = await db.PlanStore.FindPlanAsync(projectId);
        await db.PlanStore.SetGoalAsync(projectId, 3, "  ", _leader);
        var without = await db.PlanStore.FindPlanAsync(projectId);

        Assert.That(withGoal!.Goals, Is.EqualTo(new[] { new PhaseGoal(3, "Professionals willen de keuzehulp gebruiken") }));
        Assert.That(without!.Goals, Is.Empty);
    }

    [Test]
    public async Task RecordsAPhaseTransitionAsADecisionAndMovesTheProject()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ProjectAsync(db);

        await db.PlanStore.RecordTransitionAsync(projectId, 2, new DateOnly(2021, 6, 1), "Communicatieplan uitgevoerd", _leader);
        var plan = await db.PlanStore.FindPlanAsync(projectId);

        Assert.That(plan!.CurrentPhase, Is.EqualTo(2));
        Assert.That(plan.Transitions.Single(), Is.EqualTo(new PhaseTransition(plan.Transitions[0].Id, 1, 2, new DateOnly(2021, 6, 1), "Communicatieplan uitgevoerd", "Projectleider")));
        Assert.ThrowsAsync<ValidationException>(() => db.PlanStore.RecordTransitionAsync(projectId, 2, new DateOnly(2021, 6, 2), null, _leader), "already in phase 2");
    }

    [Test]
    public async Task LinksAnActivityToMeetingsOfItsOwnProjectOnly()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var mine = await db.Projects.CreateAsync(new ProjectDraft
        {
            Slug = "mine", Name = "P", Organisation = "O", Innovation = "I", StartDate = new DateOnly(2021, 1, 1), CurrentPhase = 1,
            Groups = [new GroupDraft { Kind = GroupKind.Ontwikkelteam, Name = "OT", Meetings = [new MeetingDraft { HeldOn = new DateOnly(2021, 2, 1) }, new MeetingDraft { HeldOn = new DateOnly(2021, 3, 1) }] }],
        }, Actor.System);
        var other = await db.Projects.CreateAsync(new ProjectDraft
        {
            Slug = "other", Name = "Q", Organisation = "O", Innovation = "I", StartDate = new DateOnly(2021, 1, 1), CurrentPhase = 1,
            Groups = [new GroupDraft { Kind = GroupKind.Kernteam, Name = "KT", Meetings = [new MeetingDraft { HeldOn = new DateOnly(2021, 2, 2) }] }],
        }, Actor.System);
        var myMeetings = (await db.Projects.FindAsync(mine))!.Groups[0].Meetings.Select(m => m.Id).ToList();
        var foreign = (await db.Projects.FindAsync(other))!.Groups[0].Meetings[0].Id;
        var id = await db.PlanStore.CreateActivityAsync(mine, Communicatieplan, _leader);

        var linked = await db.PlanStore.SetActivityMeetingsAsync(mine, id, myMeetings, _leader);
        var error = Assert.ThrowsAsync<ValidationException>(() => db.PlanStore.SetActivityMeetingsAsync(mine, id, [myMeetings[0], foreign], _leader));

        Assert.That(linked, Is.True);
        Assert.That(error!.Errors.Single().Message, Does.Contain($"{foreign}").And.Contain("hoort niet bij dit project"));
        Assert.That((await db.PlanStore.FindActivityAsync(mine, id))!.MeetingIds, Is.EqualTo(myMeetings), "the refused change left the links as they were");
    }

    [Test]
    public async Task FindPlanReturnsNullForAnUnknownProject()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        Assert.That(await db.PlanStore.FindPlanAsync(999), Is.Null);
    }
}
