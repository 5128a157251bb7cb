using Monitor.Core.Data;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Coding;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class RoundStoreTests
{
    private readonly DatabaseEngine _engine;

    public RoundStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    [Test]
    public async Task ABlindRoundShowsEachCoderOnlyTheirOwnCodingsUntilItIsClosed()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, document) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var a = await CodingFixtures.ResearcherAsync(db, "Onderzoeker A", projectId);
        var b = await CodingFixtures.ResearcherAsync(db, "Onderzoeker B", projectId);
        var roundId = await db.Rounds.CreateRoundAsync(projectId, "Ronde 1", [a.UserId!.Value, b.UserId!.Value], [document.Id], a);
        var midi4 = await CodingFixtures.CodeIdAsync(db, "midi-4");
        var midi5 = await CodingFixtures.CodeIdAsync(db, "midi-5");

        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 0, 20, Valence.Belemmerend, RoundId: roundId), a);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 0, 20, Valence.Belemmerend, RoundId: roundId), b);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi5, 40, 60, Valence.Bevorderend, RoundId: roundId), b);

        Assert.That(await db.Coding.ListCodingsAsync(projectId, document.Id, a.UserId!.Value, roundId), Has.Count.EqualTo(1), "A sees only A's codings");
        Assert.That(await db.Coding.ListCodingsAsync(projectId, document.Id, b.UserId.Value, roundId), Has.Count.EqualTo(2));
        Assert.That(await db.Coding.ListCodingsAsync(projectId, document.Id, a.UserId!.Value, null), Is.Empty, "round codings are kept apart from the regular ones");
        Assert.That(await db.Agreement.AgreementAsync(projectId, roundId), Is.Null, "no figures while the round is blind");
        Assert.That(await db.Rounds.DifferencesAsync(projectId, roundId), Is.Empty);
        var outsider = await CodingFixtures.ResearcherAsync(db, "Onderzoeker C", projectId);
        Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 70, 80, Valence.Neutraal, RoundId: roundId), outsider));

        Assert.That(await db.Rounds.CloseRoundAsync(projectId, roundId, a), Is.True);

        Assert.That(await db.Coding.ListCodingsAsync(projectId, document.Id, a.UserId!.Value, roundId), Has.Count.EqualTo(4), "after closing: both coders' codings and the consensus");
        var consensus = (await db.Coding.ListCodingsAsync(projectId, document.Id, a.UserId!.Value, null)).Single();
        Assert.That((consensus.Start, consensus.End, consensus.IsConsensus, consensus.CodeId, consensus.Valence), Is.EqualTo((0, 20, true, midi4, Valence.Belemmerend)));
        var difference = (await db.Rounds.DifferencesAsync(projectId, roundId)).Single();
        Assert.That((difference.CodeId, difference.Kind, difference.Start, difference.End, difference.Decision), Is.EqualTo((midi5, DifferenceKind.Overlap, 40, 60, (string?)null)));
        Assert.That((difference.CodedBy.Single().Coding.CoderName, difference.NotCodedBy.Single()), Is.EqualTo(("Onderzoeker B", "Onderzoeker A")));
        Assert.That(difference.OtherCodes, Is.Empty, "A coded nothing at that place");
        Assert.ThrowsAsync<ValidationException>(async () => await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 70, 80, Valence.Neutraal, RoundId: roundId), a));

        Assert.That(await db.Rounds.SettleAsync(projectId, roundId, difference.Id, accept: true, null, a), Is.True);
        Assert.ThrowsAsync<ValidationException>(async () => await db.Rounds.SettleAsync(projectId, roundId, difference.Id, accept: false, null, a));
        Assert.That((await db.Rounds.DifferencesAsync(projectId, roundId)).Single().Decision, Is.EqualTo("overgenomen"));
        Assert.That((await db.Fragments.ListFragmentsAsync(projectId, new FragmentFilter())).Select(f => f.CodeKey), Is.EquivalentTo(new[] { "midi-4", "midi-5" }),
            "retrieval counts the consensus, not the individual round codings");
    }

    [Test]
    [Description("issue #17: partly overlapping spans were merged into a consensus union and listed as no difference")]
    public async Task PartlyOverlappingSpansAreDifferencesAtCharacterLevelAndTheConsensusHoldsOnlyWhatWasAgreedOrSettled()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var round = await CodingFixtures.BlindRoundAsync(db);
        var (projectId, document, a, b, roundId, code) = (round.ProjectId, round.Document, round.A, round.B, round.RoundId, round.CodeId);
        // A: 0–30, B: 10–45 → agreed 10–30; only A 0–10; only B 30–45
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 0, 30, Valence.Belemmerend, RoundId: roundId), a);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 10, 45, Valence.Belemmerend, RoundId: roundId), b);

        await db.Rounds.CloseRoundAsync(projectId, roundId, a);

        var consensus = (await db.Coding.ListCodingsAsync(projectId, document.Id, a.UserId!.Value, null)).Where(c => c.IsConsensus).ToList();
        Assert.That(consensus.Select(c => (c.Start, c.End)), Is.EqualTo(new[] { (10, 30) }), "only the agreed characters, not the union 0–45");
        var differences = await db.Rounds.DifferencesAsync(projectId, roundId);
        Assert.That(differences.Select(d => (d.Start, d.End, d.Kind, d.CodedBy.Single().Coding.CoderName, d.NotCodedBy.Single())),
            Is.EqualTo(new[] { (0, 10, DifferenceKind.Overlap, "Onderzoeker A", "Onderzoeker B"), (30, 45, DifferenceKind.Overlap, "Onderzoeker B", "Onderzoeker A") }));
        Assert.That(differences[0].Text, Is.EqualTo(CodingFixtures.Minutes[..10]));

        await db.Rounds.SettleAsync(projectId, roundId, differences[0].Id, accept: false, null, b);
        await db.Rounds.SettleAsync(projectId, roundId, differences[1].Id, accept: true, null, b);

        var settled = (await db.Coding.ListCodingsAsync(projectId, document.Id, a.UserId!.Value, null)).Where(c => c.IsConsensus).OrderBy(c => c.Start).ToList();
        Assert.That(settled.Select(c => (c.Start, c.End, c.Valence)), Is.EqualTo(new[] { (10, 45, Valence.Belemmerend) }), "agreed plus accepted in one coding, not the rejected 0–10");
        Assert.That((await db.Rounds.DifferencesAsync(projectId, roundId)).Select(d => d.Decision), Is.EqualTo(new[] { "afgewezen", "overgenomen" }));
        var kappa = (await db.Agreement.AgreementAsync(projectId, roundId))!.Pooled.Characters.Single();
        Assert.That((kappa.BothCoded, kappa.OnlyA, kappa.OnlyB), Is.EqualTo((20L, 10L, 15L)), "the figures count the same differences");
    }

    [Test]
    [Description("issue #17: opposite valences silently became 'gemengd'")]
    public async Task OppositeValencesOnAgreedTextAreAConflictToSettleWithAChosenValence()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var round = await CodingFixtures.BlindRoundAsync(db);
        var (projectId, document, a, b, roundId, code) = (round.ProjectId, round.Document, round.A, round.B, round.RoundId, round.CodeId);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 0, 30, Valence.Bevorderend, RoundId: roundId), a);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 0, 30, Valence.Belemmerend, RoundId: roundId), b);

        await db.Rounds.CloseRoundAsync(projectId, roundId, a);

        Assert.That((await db.Coding.ListCodingsAsync(projectId, document.Id, a.UserId!.Value, null)).Where(c => c.IsConsensus), Is.Empty, "no silent 'gemengd' consensus");
        var conflict = (await db.Rounds.DifferencesAsync(projectId, roundId)).Single();
        Assert.That((conflict.Kind, conflict.Start, conflict.End, conflict.NotCodedBy.Count), Is.EqualTo((DifferenceKind.Valentie, 0, 30, 0)));
        Assert.That(conflict.Valences, Is.EqualTo(new[] { Valence.Bevorderend, Valence.Belemmerend }));
        var noChoice = Assert.ThrowsAsync<ValidationException>(async () => await db.Rounds.SettleAsync(projectId, roundId, conflict.Id, accept: true, null, a));
        Assert.That(noChoice!.Errors.Single().Field, Is.EqualTo("valence"));

        await db.Rounds.SettleAsync(projectId, roundId, conflict.Id, accept: true, Valence.Belemmerend, a);

        var consensus = (await db.Coding.ListCodingsAsync(projectId, document.Id, a.UserId!.Value, null)).Single(c => c.IsConsensus);
        Assert.That((consensus.Start, consensus.End, consensus.Valence), Is.EqualTo((0, 30, Valence.Belemmerend)));
        Assert.That((await db.Rounds.DifferencesAsync(projectId, roundId)).Single().Valence, Is.EqualTo(Valence.Belemmerend));
    }
}
