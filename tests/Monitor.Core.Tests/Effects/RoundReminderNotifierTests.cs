using Monitor.Core.Accounts;
using Monitor.Core.Data;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Notifications;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Effects;

/// <summary>Reminders of open measurement rounds through the inbox (issue #18).</summary>
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class RoundReminderNotifierTests
{
    private readonly DatabaseEngine _engine;

    public RoundReminderNotifierTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _researcher = new(null, "Onderzoeker");

    [Test]
    [Description("issue #18: an open round closing within 3 days below its intended response tells the projectleider and onderzoeker once a day; not management, not a round far from closing, full or without an intended count")]
    public async Task RemindsTheTeamOfARoundClosingSoonBelowItsResponseOncePerDay()
    {
        // 18 December 2026, 09:00 in the Netherlands
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 18, 8, 0, 0, TimeSpan.Zero));
        using var db = new TempDatabase(clock, _engine);
        await db.Migrator.MigrateAsync();
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var people = new Dictionary<ProjectRole, long>();
        foreach (var role in new[] { ProjectRole.Projectleider, ProjectRole.Onderzoeker, ProjectRole.Management })
        {
            people[role] = await db.Accounts.CreateAsync(new NewAccount { Email = $"{role}@demo.example", DisplayName = role.ToString(), PasswordHash = "x" }, Actor.System);
            await db.Accounts.SetProjectRoleAsync(people[role], projectId, role, Actor.System);
        }

        var questionnaire = (await db.Questionnaires.CreateAsync(projectId, "Nameting", TargetGroup.Professionals, [new ItemDraft("Ik beslis samen.", ItemKind.Likert5)], _researcher))!.Value;
        async Task<long> RoundAsync(string name, DateOnly closes, int? intended) =>
            (await db.SurveyRounds.CreateAsync(projectId, questionnaire, new RoundDraft(name, Measurement.Nameting, new DateOnly(2026, 12, 1), closes, intended, Sidedness.Tweezijdig), _researcher))!.Value;
        var soon = await RoundAsync("Nameting december", new DateOnly(2026, 12, 21), 8);
        await RoundAsync("Nameting later", new DateOnly(2026, 12, 22), 8);
        await RoundAsync("Zonder beoogd aantal", new DateOnly(2026, 12, 20), null);
        var full = await RoundAsync("Al vol", new DateOnly(2026, 12, 20), 1);
        var item = (await db.Questionnaires.ListAsync(projectId)).Single().Items[0].Id;
        foreach (var round in new[] { soon, soon, soon, full })
        {
            await db.SurveyRounds.AddPaperAsync(projectId, round, Condition.Getraind, new Dictionary<long, string?> { [item] = "4" }, _researcher);
        }

        var store = new NotificationStore(db.Database, clock);
        var notifier = new RoundReminderNotifier(db.Projects, db.SurveyRounds, db.Accounts, store, clock);
        var first = await notifier.NotifyAsync();
        var again = await notifier.NotifyAsync();
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await notifier.NotifyAsync();
        clock.Advance(TimeSpan.FromDays(4));
        var afterClose = await notifier.NotifyAsync();

        Assert.That((first, again, nextDay, afterClose), Is.EqualTo((2, 0, 4, 0)), "day 1: one round for two people; day 2 also 'Nameting later'; closed rounds are quiet");
        var inbox = await store.ListAsync(people[ProjectRole.Onderzoeker]);
        Assert.That(inbox.Select(n => n.Title), Does.Contain("Ronde 'Nameting december' sluit op 21-12-2026; nu 3 van 8 antwoorden (38 %)."));
        Assert.That(inbox.Select(n => n.Link), Has.All.EqualTo($"/projecten/{projectId}/effectmeting"));
        Assert.That((await store.ListAsync(people[ProjectRole.Projectleider])).Count, Is.EqualTo(3));
        Assert.That(await store.CountUnreadAsync(people[ProjectRole.Management]), Is.Zero, "management is not reminded");
    }
}
