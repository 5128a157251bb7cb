using Monitor.Core.Data;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Data;

public sealed class LeaseStoreTests
{
    private static readonly TimeSpan _minute = TimeSpan.FromMinutes(1);

    [Test]
    public async Task OnlyOneHolderHasTheLeaseUntilItExpires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        using var db = new TempDatabase(clock);
        await db.Migrator.MigrateAsync();
        var leases = new LeaseStore(db.Database, clock);

        var web = await leases.TryAcquireAsync("scheduler", "web", _minute);
        var worker = await leases.TryAcquireAsync("scheduler", "worker", _minute);
        clock.Advance(TimeSpan.FromSeconds(30));
        var webRenews = await leases.TryAcquireAsync("scheduler", "web", _minute);
        clock.Advance(TimeSpan.FromSeconds(61));
        var workerTakesOver = await leases.TryAcquireAsync("scheduler", "worker", _minute);
        var webLost = await leases.TryAcquireAsync("scheduler", "web", _minute);

        Assert.That((web, worker, webRenews, workerTakesOver, webLost), Is.EqualTo((true, false, true, true, false)));
    }

    [Test]
    public async Task AReleasedLeaseIsFreeAtOnce()
    {
        using var db = await TempDatabase.MigratedAsync();
        var leases = new LeaseStore(db.Database, db.Time);
        await leases.TryAcquireAsync("scheduler", "web", _minute);

        await leases.ReleaseAsync("scheduler", "worker", default);
        var stillHeld = await leases.TryAcquireAsync("scheduler", "worker", _minute);
        await leases.ReleaseAsync("scheduler", "web", default);
        var free = await leases.TryAcquireAsync("scheduler", "worker", _minute);

        Assert.That(stillHeld, Is.False, "only the holder can release");
        Assert.That(free, Is.True);
    }
}
