using Monitor.Core.Accounts;
using Monitor.Core.Data;
using Monitor.Core.Notifications;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Notifications;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class OverdueActivityNotifierTests
{
    private readonly DatabaseEngine _engine;

    public OverdueActivityNotifierTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    [Test]
    public async Task TellsTheProjectleidersAboutOverdueActivitiesOncePerDay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 6, 15, 7, 0, 0, TimeSpan.Zero));
        using var db = new TempDatabase(clock, _engine);
        await db.Migrator.MigrateAsync();
        await db.Demo.LoadIfEmptyAsync();
        var keuzehulp = (await db.Projects.ListAsync()).Single(p => p.Slug == "keuzehulp-werkzaak").Id;
        var leader = await db.Accounts.CreateAsync(new NewAccount { Email = "pl@werkzaak.example", DisplayName = "Projectleider", PasswordHash = "x" }, Actor.System);
        var researcher = await db.Accounts.CreateAsync(new NewAccount { Email = "o@tno.example", DisplayName = "Onderzoeker", PasswordHash = "x" }, Actor.System);
        await db.Accounts.SetProjectRoleAsync(leader, keuzehulp, ProjectRole.Projectleider, Actor.System);
        await db.Accounts.SetProjectRoleAsync(researcher, keuzehulp, ProjectRole.Onderzoeker, Actor.System);
        var store = new Monitor.Core.Notifications.NotificationStore(db.Database, clock);
        var notifier = new OverdueActivityNotifier(db.Projects, db.PlanStore, db.Accounts, store, clock);

        var first = await notifier.NotifyAsync();
        var again = await notifier.NotifyAsync();
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await notifier.NotifyAsync();

        Assert.That((first, again, nextDay), Is.EqualTo((2, 0, 2)));
        var inbox = await store.ListAsync(leader);
        Assert.That(inbox.Select(n => n.Title), Has.All.StartWith("Over tijd: "));
        Assert.That(inbox.Select(n => n.Link), Has.All.StartWith($"/projecten/{keuzehulp}/plan/activiteit/"));
        Assert.That(await store.CountUnreadAsync(researcher), Is.Zero, "only projectleiders are told");
        await store.MarkAllReadAsync(leader);
        Assert.That(await store.CountUnreadAsync(leader), Is.Zero);
    }
}
