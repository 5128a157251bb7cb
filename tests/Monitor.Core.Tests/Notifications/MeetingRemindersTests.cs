using Monitor.Core.Accounts;
using Monitor.Core.Data;
using Monitor.Core.Meetings;
using Monitor.Core.Notifications;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Notifications;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class MeetingRemindersTests
{
    private readonly DatabaseEngine _engine;

    public MeetingRemindersTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    [Test]
    public async Task TheChairIsRemindedBeforeAndAfterMeetingsAndOfTheRhythmOnceEach()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var leader = await db.Accounts.CreateAsync(new NewAccount { Email = "pl@test.example", DisplayName = "Projectleider", PasswordHash = "x" }, Actor.System);
        await db.Accounts.SetProjectRoleAsync(leader, projectId, ProjectRole.Projectleider, Actor.System);
        var today = new DateOnly(2026, 11, 22);
        // held 40 days ago: with a cadence of 21 days (the test group's) that is an open gap
        var earlier = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, today.AddDays(-40));
        var reflection = (await db.Reflections.SaveAsync(projectId, earlier, new ReflectionInput { MemberId = members[1], WentLess = "Te veel sheets" }, "secretaris", Actor.System))!.Value;
        await db.ActionItems.AddActionItemAsync(projectId, earlier, "Handleiding rondsturen", null, null, Actor.System);
        var planned = (await db.Meetings.ScheduleMeetingAsync(projectId, groupId, new MeetingPlan { HeldOn = today.AddDays(2), Title = "Volgende" }, Actor.System))!.Value;
        var notifications = new NotificationStore(db.Database, db.Time);
        var reminders = new MeetingReminders(db.Database, db.Accounts, notifications);

        var first = await reminders.RunAsync(today);
        var again = await reminders.RunAsync(today);

        var inbox = await notifications.ListAsync(leader);
        Assert.That((first, again), Is.EqualTo((2, 0)), "before-meeting reminder and rhythm, each once");
        var before = inbox.Single(n => n.Link.EndsWith($"/bijeenkomsten/{planned}", StringComparison.Ordinal));
        Assert.That(before.Body, Does.Contain("1 open actiepunten").And.Contain("Handleiding rondsturen").And.Contain("Te veel sheets"));
        Assert.That(inbox.Single(n => n.Title.StartsWith("Ritme", StringComparison.Ordinal)).Title, Does.Contain("40 dagen"));

        // the next day: a meeting held yesterday where a present member did not answer the closing question
        var yesterday = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, today);
        await db.Meetings.SetAttendanceAsync(projectId, yesterday, new Dictionary<long, AttendanceStatus> { [members[0]] = AttendanceStatus.Aanwezig, [members[1]] = AttendanceStatus.Aanwezig }, Actor.System);
        await db.Reflections.SaveAsync(projectId, yesterday, new ReflectionInput { MemberId = members[1], WentWell = "Helder" }, "secretaris", Actor.System);
        await db.Reflections.RecordFollowUpAsync(projectId, reflection, yesterday, "Minder sheets", Actor.System);

        var next = await reminders.RunAsync(today.AddDays(1));

        Assert.That(next, Is.EqualTo(1));
        var unanswered = (await notifications.ListAsync(leader)).Single(n => n.Title.StartsWith("Slotvraag", StringComparison.Ordinal));
        Assert.That(unanswered.Title, Does.Contain("1 nog niet beantwoord"));
        Assert.That(await reminders.RunAsync(today.AddDays(2)), Is.Zero, "the unanswered reminder is sent once");
    }
}
