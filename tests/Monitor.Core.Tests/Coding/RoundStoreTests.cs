using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Coding;

public sealed class RoundStoreTests
{
    [Test]
    public async Task ABlindRoundShowsEachCoderOnlyTheirOwnCodingsUntilItIsClosed()
    {
        using var db = await TempDatabase.MigratedAsync();
        var (projectId, _, document) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var a = await CodingFixtures.ResearcherAsync(db, "Onderzoeker A", projectId);
        var b = await CodingFixtures.ResearcherAsync(db, "Onderzoeker B", projectId);
        var roundId = await db.Rounds.CreateRoundAsync(projectId, "Ronde 1", [a.UserId!.Value, b.UserId!.Value], [document.Id], a);
        var midi4 = await CodingFixtures.CodeIdAsync(db, "midi-4");
        var midi5 = await CodingFixtures.CodeIdAsync(db, "midi-5");

        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 0, 20, Valence.Belemmerend, RoundId: roundId), a);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 5, 25, Valence.Belemmerend, RoundId: roundId), b);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi5, 40, 60, Valence.Bevorderend, RoundId: roundId), b);

        Assert.That(await db.Coding.ListCodingsAsync(projectId, document.Id, a.UserId.Value, roundId), Has.Count.EqualTo(1), "A sees only A's codings");
        Assert.That(await db.Coding.ListCodingsAsync(projectId, document.Id, b.UserId.Value, roundId), Has.Count.EqualTo(2));
        Assert.That(await db.Coding.ListCodingsAsync(projectId, document.Id, a.UserId.Value, null), Is.Empty, "round codings are kept apart from the regular ones");
        Assert.That(await db.Agreement.AgreementAsync(projectId, roundId), Is.Null, "no figures while the round is blind");
        Assert.That(await db.Rounds.DisagreementsAsync(projectId, roundId), Is.Empty);
        var outsider = await CodingFixtures.ResearcherAsync(db, "Onderzoeker C", projectId);
        Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 70, 80, Valence.Neutraal, RoundId: roundId), outsider));

        Assert.That(await db.Rounds.CloseRoundAsync(projectId, roundId, a), Is.True);

        Assert.That(await db.Coding.ListCodingsAsync(projectId, document.Id, a.UserId.Value, roundId), Has.Count.EqualTo(4), "after closing: both coders' codings and the consensus");
        var consensus = (await db.Coding.ListCodingsAsync(projectId, document.Id, a.UserId.Value, null)).Single();
        Assert.That((consensus.Start, consensus.End, consensus.IsConsensus, consensus.CodeId), Is.EqualTo((0, 25, true, midi4)), "the agreed fragment becomes consensus: union of both spans");
        var disagreement = (await db.Rounds.DisagreementsAsync(projectId, roundId)).Single();
        Assert.That((disagreement.Coding.CodeId, disagreement.Coding.CoderName, disagreement.Decision), Is.EqualTo((midi5, "Onderzoeker B", (string?)null)));
        Assert.That(disagreement.OtherCoders, Is.Empty, "A coded nothing at that place");
        Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 70, 80, Valence.Neutraal, RoundId: roundId), a));

        Assert.That(await db.Rounds.SettleAsync(projectId, roundId, disagreement.Coding.Id, accept: true, a), Is.True);
        Assert.ThrowsAsync<ValidationException>(async () => await db.Rounds.SettleAsync(projectId, roundId, disagreement.Coding.Id, accept: false, a));
        Assert.That((await db.Rounds.DisagreementsAsync(projectId, roundId)).Single().Decision, Is.EqualTo("overgenomen"));
        Assert.That((await db.Fragments.ListFragmentsAsync(projectId, new FragmentFilter())).Select(f => f.CodeKey), Is.EquivalentTo(new[] { "midi-4", "midi-5" }),
            "retrieval counts the consensus, not the individual round codings");
    }
}
