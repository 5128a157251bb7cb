using Monitor.Core.Accounts;
using Monitor.Core.Coding;
using Monitor.Core.Data;
using Monitor.Core.Demo;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Demo;

public sealed class DemoCodingLoaderTests
{
    private static async Task<TempDatabase> DemoWithCodersAsync()
    {
        var db = await TempDatabase.MigratedAsync();
        await db.Demo.LoadIfEmptyAsync();
        foreach (var coder in DemoCodingLoader.Read().Coders)
        {
            await db.Accounts.CreateAsync(new NewAccount { Email = coder.Email, DisplayName = coder.Label, PasswordHash = "x" }, Actor.System);
        }

        return db;
    }

    [Test]
    public async Task TheDemoCodingsLoadOnceWithAClosedKeuzehulpRoundAndEvidenceForEveryArnhemFinding()
    {
        using var db = await DemoWithCodersAsync();

        var written = await db.DemoCodings.LoadIfNeededAsync();

        Assert.That(written, Is.GreaterThan(400));
        Assert.That(await db.DemoCodings.LoadIfNeededAsync(), Is.Zero, "a project that has codings is left alone");
        var keuzehulp = await db.ScalarAsync("SELECT id FROM projects WHERE slug = 'keuzehulp-werkzaak'");
        var round = (await db.Rounds.ListRoundsAsync(keuzehulp)).Single();
        Assert.That(round.Status, Is.EqualTo(RoundStatus.Gesloten));
        Assert.That(round.Coders, Has.Count.EqualTo(2));
        var report = (await db.Agreement.AgreementAsync(keuzehulp, round.Id))!;
        var kappa = report.Pooled.Characters.Single().Kappa!.Value;
        Assert.That(kappa, Is.InRange(0.5, 0.9), "realistic, not perfect agreement");
        var disagreements = await db.Rounds.DifferencesAsync(keuzehulp, round.Id);
        Assert.That(disagreements.Count(d => d.Decision is not null), Is.GreaterThan(0), "some disagreements settled");
        Assert.That(disagreements.Count(d => d.Decision is null), Is.GreaterThan(0), "some left to settle in the demo");

        var arnhem = await db.ScalarAsync("SELECT id FROM projects WHERE slug = 'samen-beslissen-arnhem'");
        var fragments = await db.Fragments.ListFragmentsAsync(arnhem, new FragmentFilter { Limit = int.MaxValue });
        var findings = fragments.Where(f => f.Coding.Memo.StartsWith("Succesfactor:", StringComparison.Ordinal) || f.Coding.Memo.StartsWith("Les:", StringComparison.Ordinal))
            .GroupBy(f => f.Coding.Memo).ToList();
        Assert.That(findings, Has.Count.EqualTo(19), "12 success factors and 7 lessons of seed 000");
        Assert.That(findings.All(g => g.Count() >= 2), Is.True);
        Assert.That((await db.Fragments.MatrixAsync(arnhem, byGroup: false)).Rows.Sum(r => r.Sum.Total), Is.GreaterThan(50));
    }

    [Test]
    public async Task WithoutTheCoderAccountsNothingIsLoaded()
    {
        using var db = await TempDatabase.MigratedAsync();
        await db.Demo.LoadIfEmptyAsync();

        Assert.That(await db.DemoCodings.LoadIfNeededAsync(), Is.Zero);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM codings"), Is.Zero);
    }
}
