using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Findings;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Findings;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class FindingStoreTests
{
    private readonly DatabaseEngine _engine;

    public FindingStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    [Test]
    public async Task AFindingGoesFromConceptViaADiscussedSessionToFinalWithHistory()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, meetingId, _) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var researcher = await CodingFixtures.ResearcherAsync(db, "Onderzoeker A", projectId);
        var id = await db.Findings.CreateAsync(projectId, new FindingDraft { Kind = FindingKind.Succesfactor, Title = "Draagvlak bij teamleiders", Determinants = [19] },
            [(EvidenceKind.Bijeenkomst, meetingId)], researcher);

        Assert.ThrowsAsync<ValidationException>(async () => await db.Findings.SetStatusAsync(projectId, id, FindingStatus.Vastgesteld, null, researcher));
        Assert.ThrowsAsync<ValidationException>(async () => await db.Findings.SetStatusAsync(projectId, id, FindingStatus.Besproken, null, researcher));
        await db.Findings.SetStatusAsync(projectId, id, FindingStatus.Besproken, new FindingSession(new DateOnly(2026, 11, 3), "kernteam", "titel aangescherpt"), researcher);
        await db.Findings.SetStatusAsync(projectId, id, FindingStatus.Vastgesteld, null, researcher);

        var finding = (await db.Findings.FindAsync(projectId, id))!;
        Assert.That(finding.Status, Is.EqualTo(FindingStatus.Vastgesteld));
        Assert.That(finding.Sessions.Single(), Is.EqualTo(new FindingSession(new DateOnly(2026, 11, 3), "kernteam", "titel aangescherpt")));
        Assert.That(finding.Evidence.Single().Kind, Is.EqualTo(EvidenceKind.Bijeenkomst));
        var history = (await db.Findings.HistoryAsync(projectId, id))!;
        Assert.That(history.Select(h => h.Action), Is.EqualTo(new[] { "aangemaakt", "status besproken", "status vastgesteld" }));
        Assert.That(history[^1].Snapshot, Does.Contain("\"status\":\"vastgesteld\""));
    }

    [Test]
    public async Task EvidenceFromAnotherProjectOrABlindRoundIsRefusedAndBadFieldsGiveDutchMessages()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, document) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var (other, otherMeeting, _) = await CodingFixtures.ProjectWithMinutesAsync(db, "q");
        var a = await CodingFixtures.ResearcherAsync(db, "Onderzoeker A", projectId);
        var b = await CodingFixtures.ResearcherAsync(db, "Onderzoeker B", projectId);
        var round = await db.Rounds.CreateRoundAsync(projectId, "R", [a.UserId!.Value, b.UserId!.Value], [document.Id], a);
        var blind = (await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodingFixtures.CodeIdAsync(db, "midi-4"), 0, 5, Valence.Neutraal, RoundId: round), a))!.Value;
        var id = await db.Findings.CreateAsync(projectId, new FindingDraft { Kind = FindingKind.Les, Title = "Les" }, [], a);

        Assert.ThrowsAsync<ValidationException>(async () => await db.Findings.AddEvidenceAsync(projectId, id, EvidenceKind.Bijeenkomst, otherMeeting, "", a));
        Assert.ThrowsAsync<ValidationException>(async () => await db.Findings.AddEvidenceAsync(projectId, id, EvidenceKind.Codering, blind, "", a));
        var bad = Assert.ThrowsAsync<ValidationException>(async () => await db.Findings.CreateAsync(projectId, new FindingDraft { Kind = FindingKind.Les, Title = "", Determinants = [30], Phase = 9 }, [], a));
        Assert.That(bad!.Errors.Select(e => e.Field), Is.EquivalentTo(new[] { "title", "determinants", "phase" }));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM finding_evidence"), Is.Zero);
        Assert.That(await db.ScalarAsync($"SELECT count(*) FROM findings WHERE project_id = {other}"), Is.Zero);
    }

    [Test]
    public async Task SuggestionsComeFromRepeatedFacilitatorsAndBarriersWithTheirEvidenceAndCanBeAcceptedOrDismissed()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var text = string.Join("\n\n", Enumerable.Range(1, 6).Select(i => $"Alinea {i}: de teamleider steunt het werken met de keuzehulp en maakt er tijd voor vrij."));
        var (projectId, _, first) = await CodingFixtures.ProjectWithMinutesAsync(db, minutes: text);
        var researcher = await CodingFixtures.ResearcherAsync(db, "Onderzoeker A", projectId);
        var second = await db.CodingDocuments.AddUploadAsync(projectId, "Interview teamleider", "interview", "i.txt", text, null, researcher);
        var support = await CodingFixtures.CodeIdAsync(db, "midi-19");
        foreach (var (document, start) in new[] { (first.Id, 0), (first.Id, 90), (second, 0) })
        {
            await db.Coding.AddCodingAsync(projectId, new CodingInput(document, support, start, start + 40, Valence.Bevorderend), researcher);
        }

        await db.Coding.AddCodingAsync(projectId, new CodingInput(first.Id, await CodingFixtures.CodeIdAsync(db, "midi-23"), 200, 240, Valence.Belemmerend), researcher);

        var suggestions = await db.Suggester.SuggestAsync(projectId);

        var factor = suggestions.Single();
        Assert.That((factor.Key, factor.Kind, factor.Facilitators, factor.Barriers, factor.Fragments.Count), Is.EqualTo(("succesfactor:midi-19", FindingKind.Succesfactor, 3, 0, 3)));
        var findingId = (await db.Suggester.AcceptAsync(projectId, factor.Key, researcher))!.Value;
        var finding = (await db.Findings.FindAsync(projectId, findingId))!;
        Assert.That(finding.Evidence, Has.Count.EqualTo(3));
        Assert.That(finding.Fields.Determinants, Is.EqualTo(new[] { 19 }));
        Assert.That((await db.Suggester.SuggestAsync(projectId)).Single().RelatedFindings.Single().Id, Is.EqualTo(findingId), "still offered, now pointing at its finding");
        await db.Suggester.DismissAsync(projectId, factor.Key, researcher);
        Assert.That(await db.Suggester.SuggestAsync(projectId), Is.Empty);
    }

    [Test]
    public async Task TheDemoFindingsLoadWithTheSeedCountsAndEvidence()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        await db.Demo.LoadIfEmptyAsync();
        foreach (var coder in Monitor.Core.Demo.DemoCodingLoader.Read().Coders)
        {
            await db.Accounts.CreateAsync(new Monitor.Core.Accounts.NewAccount { Email = coder.Email, DisplayName = coder.Label, PasswordHash = "x" }, Actor.System);
        }

        await db.DemoCodings.LoadIfNeededAsync();
        Assert.That(await db.DemoFindings.LoadIfNeededAsync(), Is.EqualTo(38));
        Assert.That(await db.DemoFindings.LoadIfNeededAsync(), Is.Zero);

        var arnhem = await db.ScalarAsync("SELECT id FROM projects WHERE slug = 'samen-beslissen-arnhem'");
        var keuzehulp = await db.ScalarAsync("SELECT id FROM projects WHERE slug = 'keuzehulp-werkzaak'");
        var a = await db.Findings.ListAsync(arnhem);
        var k = await db.Findings.ListAsync(keuzehulp);
        Assert.That(a.Count(f => f.Fields.Kind == FindingKind.Succesfactor), Is.EqualTo(12));
        Assert.That(a.Where(f => f.Fields.Kind == FindingKind.Succesfactor).Select(f => f.Fields.Heading).Distinct().Count(), Is.EqualTo(3));
        Assert.That(a.Count(f => f.Fields.Kind == FindingKind.Les), Is.EqualTo(7));
        Assert.That((k.Count(f => f.Fields.Kind == FindingKind.Succesfactor), k.Count(f => f.Fields.Kind == FindingKind.Les), k.Count(f => f.Fields.Kind == FindingKind.Advies)), Is.EqualTo((9, 7, 3)));
        Assert.That(a.Concat(k).All(f => f.Evidence.Count >= 2 && f.Evidence.Any(e => e.Kind == EvidenceKind.Codering)), Is.True);
        Assert.That(k.Select(f => f.Status).Distinct(), Is.SupersetOf(new[] { FindingStatus.Concept, FindingStatus.Besproken, FindingStatus.Vastgesteld }));
    }
}
