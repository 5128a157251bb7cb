using Monitor.Core.Backups;

namespace Monitor.Core.Tests.Backups;

public sealed class BackupRetentionTests
{
    private static readonly DateTimeOffset _start = new(2026, 1, 1, 2, 30, 0, TimeSpan.Zero);

    [Test]
    public void KeepsFourteenDailiesAndEightWeekliesOfAHundredNightlyBackups()
    {
        var nightly = Enumerable.Range(0, 100).Select(i => _start.AddDays(i)).ToList();

        var keep = BackupRetention.Keep(nightly, keepDaily: 14, keepWeekly: 8);

        var newest = nightly[^1];
        Assert.That(keep, Does.Contain(newest));
        Assert.That(keep.Count(k => k > newest.AddDays(-14)), Is.EqualTo(14), "the last 14 days");
        // Newest is Fri 10 Apr; the dailies (28 Mar–10 Apr) already hold the newest of ISO weeks 15, 14 and 13
        // (10 Apr, 5 Apr, 29 Mar), so the weeklies add 22, 15, 8, 1 Mar and 22 Feb.
        Assert.That(keep, Has.Count.EqualTo(14 + 5));
        Assert.That(keep.Min(), Is.EqualTo(new DateTimeOffset(2026, 2, 22, 2, 30, 0, TimeSpan.Zero)));
        Assert.That(keep.Min(), Is.GreaterThan(newest.AddDays(-8 * 7)));
    }

    [Test]
    public void KeepsOnlyTheNewestOfSeveralBackupsOnOneDay()
    {
        var sameDay = new[] { _start, _start.AddHours(3), _start.AddHours(9) };

        var keep = BackupRetention.Keep(sameDay, keepDaily: 14, keepWeekly: 0);

        Assert.That(keep, Is.EquivalentTo(new[] { _start.AddHours(9) }));
    }

    [TestCase(0, 0, 1)]
    [TestCase(1, 0, 1)]
    [TestCase(3, 0, 3)]
    public void AlwaysKeepsTheNewest(int daily, int weekly, int expected)
    {
        var nightly = Enumerable.Range(0, 10).Select(i => _start.AddDays(i));

        Assert.That(BackupRetention.Keep(nightly, daily, weekly), Has.Count.EqualTo(expected));
    }

    [Test]
    public void AnEmptyFolderKeepsNothing() => Assert.That(BackupRetention.Keep([], 14, 8), Is.Empty);
}
