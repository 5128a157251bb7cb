using Monitor.Core.Data;
using Monitor.Core.Coding;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Coding;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class FragmentQueriesTests
{
    private readonly DatabaseEngine _engine;

    public FragmentQueriesTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    [Test]
    public async Task TheMatrixCountsFacilitatorsAndBarriersPerDeterminantAndPhaseAndLinksToTheFilter()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, document) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var researcher = await CodingFixtures.ResearcherAsync(db);
        var midi4 = await CodingFixtures.CodeIdAsync(db, "midi-4");
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 0, 10, Valence.Belemmerend), researcher);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 20, 30, Valence.Belemmerend), researcher);
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, midi4, 40, 50, Valence.Bevorderend), researcher);

        var byPhase = await db.Fragments.MatrixAsync(projectId, byGroup: false);
        var byGroup = await db.Fragments.MatrixAsync(projectId, byGroup: true);

        var row = byPhase.Rows.Single(r => r.Code.Key == "midi-4");
        var phase = (await db.Projects.FindAsync(projectId))!.CurrentPhase;
        Assert.That(row.Cells[phase], Is.EqualTo(new MatrixCell(1, 2, 0, 0)));
        Assert.That(row.GroupName, Is.EqualTo("Kenmerken van de innovatie"));
        Assert.That(byPhase.Rows.Where(r => r.Code.Key != "midi-4").All(r => r.Sum.Total == 0), Is.True);
        Assert.That(byGroup.Rows.Single(r => r.Code.Key == "midi-4").Cells.Single(c => c.Total > 0), Is.EqualTo(new MatrixCell(1, 2, 0, 0)));
        Assert.That(await db.Fragments.ListFragmentsAsync(projectId, new FragmentFilter { CodeId = midi4, Phase = phase, Valence = Valence.Belemmerend }), Has.Count.EqualTo(2));
        Assert.That(await db.Fragments.ListFragmentsAsync(projectId, new FragmentFilter { CodeId = midi4, Phase = (phase + 1) % 6 }), Is.Empty);
        var frequency = (await db.Fragments.FrequenciesAsync(projectId)).Single();
        Assert.That((frequency.Codings, frequency.Facilitators, frequency.Barriers, frequency.Documents), Is.EqualTo((3, 1, 2, 1)));
    }
}
