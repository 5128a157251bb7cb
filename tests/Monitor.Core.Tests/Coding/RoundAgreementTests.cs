using Monitor.Core.Coding;
using Monitor.Core.Data;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Coding;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class RoundAgreementTests
{
    private readonly DatabaseEngine _engine;

    public RoundAgreementTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    [Test]
    public async Task TheAgreementOfAClosedRoundIsComputedFromTheRoundsCodingsAtCharacterAndParagraphLevel()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var text = string.Join("\n\n", Enumerable.Range(1, 4).Select(i => new string((char)('a' + i), 99)));
        var (projectId, _, document) = await CodingFixtures.ProjectWithMinutesAsync(db, minutes: text);
        var a = await CodingFixtures.ResearcherAsync(db, "Onderzoeker A", projectId);
        var b = await CodingFixtures.ResearcherAsync(db, "Onderzoeker B", projectId);
        var roundId = await db.Rounds.CreateRoundAsync(projectId, "Ronde", [a.UserId!.Value, b.UserId!.Value], [document.Id], a);
        var code = await CodingFixtures.CodeIdAsync(db, "midi-20");
        // paragraphs: 0–99, 101–200, 202–301, 303–402 (4 × 99 + 3 × 2 = 402 code points in all)
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 0, 99, Valence.Belemmerend, RoundId: roundId), a);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 0, 99, Valence.Belemmerend, RoundId: roundId), b);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 101, 200, Valence.Belemmerend, RoundId: roundId), a);
        await db.Rounds.CloseRoundAsync(projectId, roundId, a);

        var report = (await db.Agreement.AgreementAsync(projectId, roundId))!;

        var characters = report.Pooled.Characters.Single();
        Assert.That((characters.TotalUnits, characters.BothCoded, characters.OnlyA, characters.OnlyB, characters.Neither), Is.EqualTo((402L, 99L, 99L, 0L, 204L)));
        // Po = (99 + 204) / 402; Pe = (A·B + notA·notB) / N² = (198·99 + 204·303) / 402²
        var po = 303.0 / 402;
        var pe = (198.0 * 99 + 204.0 * 303) / (402.0 * 402);
        Assert.That(characters.Kappa, Is.EqualTo((po - pe) / (1 - pe)).Within(1e-9));
        var segments = report.PerCode.Single().Segments.Single();
        Assert.That((segments.TotalUnits, segments.BothCoded, segments.OnlyA, segments.Neither), Is.EqualTo((4L, 1L, 1L, 2L)));
        Assert.That(report.Coders, Is.EqualTo(new[] { "Onderzoeker A", "Onderzoeker B" }));
    }

    [Test]
    public async Task TheCodeNamesOfARoundAreKeyedAsTheReportNamesItsCodesAndStayHiddenWhileTheRoundIsOpen()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var round = await CodingFixtures.BlindRoundAsync(db);
        var (projectId, document, a, b, roundId, code) = (round.ProjectId, round.Document, round.A, round.B, round.RoundId, round.CodeId);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 0, 20, Valence.Belemmerend, RoundId: roundId), a);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 5, 25, Valence.Belemmerend, RoundId: roundId), b);

        Assert.That(await db.Agreement.RoundCodeNamesAsync(projectId, roundId), Is.Empty, "blind: nothing while the round is open");
        await db.Rounds.CloseRoundAsync(projectId, roundId, a);

        var names = await db.Agreement.RoundCodeNamesAsync(projectId, roundId);
        var report = (await db.Agreement.AgreementAsync(projectId, roundId))!;
        Assert.That(report.PerCode.Select(c => c.Code), Is.EqualTo(names.Keys));
        Assert.That(names[report.PerCode.Single().Code], Is.EqualTo((await db.Codebooks.ListCodebooksAsync(projectId)).SelectMany(book => book.Codes).Single(c => c.Id == code).NameNl));
        Assert.That(await db.Agreement.RoundCodeNamesAsync(projectId + 1, roundId), Is.Empty, "a round of another project has no names here");
    }

    [Test]
    [Description("issue #17: a closed round's figures changed when the minutes were edited afterwards")]
    public async Task TheFiguresOfAClosedRoundStayThoseOfTheVersionsItWasCodedOnWhenTheMinutesAreEditedAfterwards()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var round = await CodingFixtures.BlindRoundAsync(db);
        var (projectId, document, a, b, roundId, code) = (round.ProjectId, round.Document, round.A, round.B, round.RoundId, round.CodeId);
        var meetingId = round.MeetingId;
        // "De werkcoaches vinden de keuzehulp te ingewikkeld." is 11–61; A codes a part of it, B all of it
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 11, 40, Valence.Belemmerend, RoundId: roundId), a);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 11, 61, Valence.Belemmerend, RoundId: roundId), b);
        await db.Rounds.CloseRoundAsync(projectId, roundId, a);
        var before = (await db.Agreement.ResultAsync(projectId, roundId))!;

        await db.Meetings.SaveMinutesAsync(projectId, meetingId, CodingFixtures.Minutes.Replace("ingewikkeld", "moeilijk", StringComparison.Ordinal) + "\n\nNog een alinea.", Actor.System);
        var edited = (await db.CodingDocuments.ListDocumentsAsync(projectId)).Single(d => d.Id == document.Id);
        var after = (await db.Agreement.ResultAsync(projectId, roundId))!;

        Assert.That(edited.VersionNumber, Is.EqualTo(2), "the edit is a new version");
        Assert.That(after.Figures.Report.Pooled.Characters.Single().Kappa, Is.EqualTo(before.Figures.Report.Pooled.Characters.Single().Kappa));
        Assert.That(after.Figures.Report.Pooled.Segments.Single().Kappa, Is.EqualTo(before.Figures.Report.Pooled.Segments.Single().Kappa));
        Assert.That(after.Figures.Report.Pooled.Characters.Single().TotalUnits, Is.EqualTo(document.Length), "units of the coded version");
        var version = after.Versions.Single();
        Assert.That((version.DocumentId, version.VersionId, version.VersionNumber, version.CurrentVersionNumber, version.EditedSince, after.Late), Is.EqualTo((document.Id, document.VersionId, 1, 2, true, false)));
    }

    [Test]
    public async Task ARoundClosedBeforeFiguresWereFrozenGetsThemOnceWhenFirstReadAndSaysSo()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var round = await CodingFixtures.BlindRoundAsync(db);
        var (projectId, document, a, b, roundId, code) = (round.ProjectId, round.Document, round.A, round.B, round.RoundId, round.CodeId);
        var meetingId = round.MeetingId;
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, code, 11, 40, Valence.Belemmerend, RoundId: roundId), a);
        await db.Rounds.CloseRoundAsync(projectId, roundId, a);
        // as a round closed before migration 0020: no stored figures
        await db.ScalarAsync($"DELETE FROM coding_round_results WHERE round_id = {roundId}; DELETE FROM coding_round_versions WHERE round_id = {roundId}; SELECT 0;");

        var first = (await db.Agreement.ResultAsync(projectId, roundId))!;
        await db.Meetings.SaveMinutesAsync(projectId, meetingId, CodingFixtures.Minutes + "\n\nNog een alinea.", Actor.System);
        await db.CodingDocuments.ListDocumentsAsync(projectId);
        var second = (await db.Agreement.ResultAsync(projectId, roundId))!;

        Assert.That((first.Late, second.Late), Is.EqualTo((true, true)));
        Assert.That(second.Figures.Report.Pooled.Characters.Single().TotalUnits, Is.EqualTo(first.Figures.Report.Pooled.Characters.Single().TotalUnits), "fixed once, not recomputed");
        Assert.That(second.Versions.Single().VersionNumber, Is.EqualTo(1));
    }
}
