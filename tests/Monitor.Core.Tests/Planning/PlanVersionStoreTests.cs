using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Planning;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Planning;

/// <summary>The rules of plan versions (#23): frozen copies, one baseline at a time, checked status steps, a readable difference.</summary>
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class PlanVersionStoreTests
{
    private readonly DatabaseEngine _engine;

    public PlanVersionStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _leader = new(7, "Projectleider");
    private static readonly DateOnly _today = new(2026, 11, 22);

    private static PlanActivityDraft Activity(string title, int month) => new() { Phase = 1, Title = title, Owner = "Kernteam", PlannedMonth = new YearMonth(2027, month) };

    private static PlanVersionStepDraft Adopt(DateOnly? on = null) => new() { Status = PlanVersionStatus.Vastgesteld, HappenedOn = on ?? _today, Who = "Veranderteam" };

    [Test]
    public async Task AVersionFreezesThePlanAsItStoodWhenSaved()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var activityId = await db.PlanStore.CreateActivityAsync(projectId, Activity("Communicatieplan", 3), _leader);
        await db.PlanStore.SetGoalAsync(projectId, 1, "Iedereen kent de keuzehulp", _leader);

        var versionId = (await db.PlanVersions.CreateAsync(projectId, "Concept 1", "Van TNO", _leader))!.Value;
        await db.PlanStore.UpdateActivityAsync(projectId, activityId, Activity("Communicatieplan uitvoeren", 6), _leader);

        var version = (await db.PlanVersions.FindAsync(projectId, versionId))!;
        Assert.That(version.Status, Is.EqualTo(PlanVersionStatus.Concept));
        Assert.That(version.Number, Is.EqualTo(1));
        Assert.That(version.Snapshot.Activities.Single().Fields.Title, Is.EqualTo("Communicatieplan"), "a later edit of the plan does not reach the version");
        Assert.That(version.Snapshot.Activities.Single().Fields.PlannedMonth, Is.EqualTo(new YearMonth(2027, 3)));
        Assert.That(version.Snapshot.Goals.Single().Goal, Is.EqualTo("Iedereen kent de keuzehulp"));
        Assert.That(version.Steps.Single().Status, Is.EqualTo(PlanVersionStatus.Concept));
    }

    [Test]
    public async Task VaststellenANewVersionMarksTheEarlierBaselineVervangenSoThereIsOnlyOne()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var first = (await db.PlanVersions.CreateAsync(projectId, "Definitief", null, _leader))!.Value;
        await db.PlanVersions.ChangeStatusAsync(projectId, first, Adopt(new DateOnly(2026, 11, 22)), _leader);
        var second = (await db.PlanVersions.CreateAsync(projectId, "Bijstelling 2027", null, _leader))!.Value;

        await db.PlanVersions.ChangeStatusAsync(projectId, second, Adopt(), _leader);

        var versions = (await db.PlanVersions.ListAsync(projectId))!;
        Assert.That(versions.Count(v => v.Status == PlanVersionStatus.Vastgesteld), Is.EqualTo(1));
        Assert.That(versions.Single(v => v.Id == first).Status, Is.EqualTo(PlanVersionStatus.Vervangen));
        Assert.That(versions.Single(v => v.Id == first).Steps[^1].Note, Does.Contain("Bijstelling 2027"));
        Assert.That((await db.PlanVersions.FindBaselineAsync(projectId))!.Id, Is.EqualTo(second));
        Assert.That((await db.PlanVersions.FindBaselineOnAsync(projectId, _today.AddDays(-1)))?.Id, Is.Null, "no baseline before the first was vastgesteld");
    }

    [Test]
    public async Task TheDatabaseRefusesASecondBaselineAndAnEditedSnapshotEvenPastTheStore()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var first = (await db.PlanVersions.CreateAsync(projectId, "A", null, _leader))!.Value;
        var second = (await db.PlanVersions.CreateAsync(projectId, "B", null, _leader))!.Value;
        await db.PlanVersions.ChangeStatusAsync(projectId, first, Adopt(), _leader);

        Assert.That(async () => await db.ScalarAsync($"UPDATE plan_versions SET status = 'vastgesteld' WHERE id = {second}; SELECT 1;"),
            Throws.InstanceOf<System.Data.Common.DbException>());
        Assert.That(async () => await db.ScalarAsync($"UPDATE plan_versions SET snapshot = '{{}}' WHERE id = {first}; SELECT 1;"),
            Throws.InstanceOf<System.Data.Common.DbException>().With.Message.Contains("verandert niet meer"));
    }

    [Test]
    public async Task AVastgesteldeVersionIsNeverChangedAndTheReasonIsDutch()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var id = (await db.PlanVersions.CreateAsync(projectId, "Definitief", null, _leader))!.Value;
        await db.PlanVersions.ChangeStatusAsync(projectId, id, Adopt(), _leader);

        var ex = Assert.ThrowsAsync<ValidationException>(async () => await db.PlanVersions.ChangeStatusAsync(projectId, id,
            new PlanVersionStepDraft { Status = PlanVersionStatus.TerBespreking, HappenedOn = _today, GroupId = groupId }, _leader));

        Assert.That(ex!.Message, Does.Contain("is vastgesteld en verandert niet meer").And.Contain("nieuwe versie"));
        Assert.That((await db.PlanVersions.FindAsync(projectId, id))!.Steps, Has.Count.EqualTo(2), "nothing was written");
    }

    [TestCase(PlanVersionStatus.Concept, "niet terug concept")]
    [TestCase(PlanVersionStatus.Vervangen, "niet met de hand")]
    public async Task StepsThatCannotBeTakenByHandAreRefused(PlanVersionStatus status, string reason)
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var id = (await db.PlanVersions.CreateAsync(projectId, "Concept 1", null, _leader))!.Value;

        var ex = Assert.ThrowsAsync<ValidationException>(async () => await db.PlanVersions.ChangeStatusAsync(projectId, id,
            new PlanVersionStepDraft { Status = status, HappenedOn = _today, Who = "Kernteam" }, _leader));

        Assert.That(ex!.Message, Does.Contain(reason));
    }

    [Test]
    public async Task ADiscussionNamesAGroupOrRoleAndAMeetingMustBeOfTheProject()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var (otherProject, otherGroup, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "q");
        var foreignMeeting = await MeetingFixtures.HeldMeetingAsync(db, otherProject, otherGroup, _today);
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, _today);
        var id = (await db.PlanVersions.CreateAsync(projectId, "Concept 2", null, _leader))!.Value;

        var nobody = Assert.ThrowsAsync<ValidationException>(async () => await db.PlanVersions.ChangeStatusAsync(projectId, id,
            new PlanVersionStepDraft { Status = PlanVersionStatus.TerBespreking, HappenedOn = _today }, _leader));
        var foreign = Assert.ThrowsAsync<ValidationException>(async () => await db.PlanVersions.ChangeStatusAsync(projectId, id,
            new PlanVersionStepDraft { Status = PlanVersionStatus.TerBespreking, HappenedOn = _today, MeetingId = foreignMeeting }, _leader));
        var early = Assert.ThrowsAsync<ValidationException>(async () => await db.PlanVersions.ChangeStatusAsync(projectId, id,
            new PlanVersionStepDraft { Status = PlanVersionStatus.TerBespreking, HappenedOn = _today.AddDays(-3), Who = "lid MT" }, _leader));
        Assert.That(nobody!.Message, Does.Contain("bij welke groep of met wie"));
        Assert.That(foreign!.Message, Does.Contain("hoort niet bij dit project"));
        Assert.That(early!.Message, Does.Contain("de dag waarop de versie is opgeslagen"));

        Assert.That(await db.PlanVersions.ChangeStatusAsync(projectId, id,
            new PlanVersionStepDraft { Status = PlanVersionStatus.TerBespreking, HappenedOn = _today, MeetingId = meeting, Who = "Ontwikkelgroep" }, _leader), Is.True);
        var step = (await db.PlanVersions.FindAsync(projectId, id))!.Steps[^1];
        Assert.That((step.Status, step.GroupId, step.GroupName, step.MeetingOn), Is.EqualTo((PlanVersionStatus.TerBespreking, (long?)groupId, "Ontwikkelgroep", (DateOnly?)_today)));
    }

    [Test]
    public async Task AnOlderVersionCannotBecomeTheBaselineAfterANewerOne()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var older = (await db.PlanVersions.CreateAsync(projectId, "Concept 3", null, _leader))!.Value;
        var newer = (await db.PlanVersions.CreateAsync(projectId, "Definitief", null, _leader))!.Value;
        await db.PlanVersions.ChangeStatusAsync(projectId, newer, Adopt(), _leader);

        var ex = Assert.ThrowsAsync<ValidationException>(async () => await db.PlanVersions.ChangeStatusAsync(projectId, older, Adopt(), _leader));

        Assert.That(ex!.Message, Does.Contain("ouder dan de vastgestelde versie ‘Definitief’"));
    }

    [Test]
    public async Task TheDifferenceNamesAddedRemovedAndChangedActivitiesWithTheirFields()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var kept = await db.PlanStore.CreateActivityAsync(projectId, Activity("Teammanagers informeren", 2), _leader);
        var moved = await db.PlanStore.CreateActivityAsync(projectId, Activity("Training", 4), _leader);
        var removed = await db.PlanStore.CreateActivityAsync(projectId, Activity("Uitvraag leveranciers", 5), _leader);
        var first = (await db.PlanVersions.CreateAsync(projectId, "Concept 1", null, _leader))!.Value;
        await db.PlanStore.UpdateActivityAsync(projectId, moved, Activity("Training", 9) with { Owner = "HR" }, _leader);
        await db.PlanStore.DeleteActivityAsync(projectId, removed, _leader);
        await db.PlanStore.CreateActivityAsync(projectId, Activity("Brochure cliënten", 3), _leader);
        await db.PlanStore.SetActivityStatusAsync(projectId, kept, ActivityStatus.Gereed, _today, _leader);
        await db.PlanStore.SetGoalAsync(projectId, 1, "Iedereen weet ervan", _leader);
        var second = (await db.PlanVersions.CreateAsync(projectId, "Concept 2", null, _leader))!.Value;

        var (_, _, diff) = (await db.PlanVersions.DiffAsync(projectId, first, second))!.Value;

        Assert.That(diff.Activities.Select(a => (a.Kind, a.Title)), Is.EquivalentTo(new[]
        {
            (ActivityChangeKind.Toegevoegd, "Brochure cliënten"),
            (ActivityChangeKind.Verwijderd, "Uitvraag leveranciers"),
            (ActivityChangeKind.Gewijzigd, "Training"),
        }), "a status change is progress, not a change of the plan");
        var training = diff.Activities.Single(a => a.Kind == ActivityChangeKind.Gewijzigd);
        Assert.That(training.Fields.Select(f => (f.Label, f.Before, f.After)), Is.EqualTo(new[] { ("maand van realisatie", "2027-04", "2027-09"), ("uitvoerder/eigenaar", "Kernteam", "HR") }));
        Assert.That(diff.Goals.Single(), Is.EqualTo(new GoalChange(1, "", "Iedereen weet ervan")));
        Assert.That(await db.PlanVersions.DiffAsync(projectId, first, 9999), Is.Null);
    }

    [Test]
    public async Task ANameIsRequiredAndUniqueInTheProject()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        await db.PlanVersions.CreateAsync(projectId, "Concept 1", null, _leader);

        Assert.That(async () => await db.PlanVersions.CreateAsync(projectId, " ", null, _leader), Throws.InstanceOf<ValidationException>().With.Message.Contains("Vul de naam van de versie in"));
        Assert.That(async () => await db.PlanVersions.CreateAsync(projectId, "Concept 1", null, _leader), Throws.InstanceOf<ValidationException>().With.Message.Contains("Er is al een versie ‘Concept 1’"));
        Assert.That(async () => await db.PlanVersions.CreateAsync(projectId, new string('x', 201), null, _leader), Throws.InstanceOf<ValidationException>().With.Message.Contains("te lang"));
        Assert.That(await db.PlanVersions.CreateAsync(424242, "X", null, _leader), Is.Null);
    }
}
