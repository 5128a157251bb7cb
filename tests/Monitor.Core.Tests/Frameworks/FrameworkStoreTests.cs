using Monitor.Core.Data;
using Monitor.Core.Frameworks;
using Monitor.Core.Planning;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Frameworks;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class FrameworkStoreTests
{
    private readonly DatabaseEngine _engine;

    public FrameworkStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    [Test]
    public async Task PhaseOneAdviceIsOneMainPointWithItsTwoSubPointsAsInSeed003()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        var weten = (await db.Frameworks.ListPhasesAsync()).Single(p => p.Number == 1);

        Assert.That(weten.RecommendedActivities, Has.Count.EqualTo(1));
        Assert.That(weten.RecommendedActivities[0].Title, Is.EqualTo("Maak een verspreidingsplan"));
        Assert.That(weten.RecommendedActivities[0].SubPoints, Is.EqualTo(new[]
        {
            "Via diverse kanalen en communicatiemiddelen informatie verspreiden, benaderen sleutelfiguren en netwerken",
            "Informatie afstemmen op gebruiker; wervende brochure, bijeenkomsten, persoonlijke benadering en uitleg",
        }));
        Assert.That(weten.RecommendedActivities[0].Description, Does.StartWith("- Via diverse kanalen").And.Contains("\n- Informatie afstemmen"));
    }

    [Test]
    public async Task HasTheSixMovisiePhasesWithActivities()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        var phases = await db.Frameworks.ListPhasesAsync();

        Assert.That(phases.Select(p => p.Number), Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(phases.Select(p => p.NameNl), Is.EqualTo(new[] { "Ontwikkelen", "Weten", "Begrijpen", "Willen", "Doen", "Blijven doen" }));
        Assert.That(phases, Has.All.Matches<MovisiePhase>(p => p.RecommendedActivities.Count >= 1));
        Assert.That(phases[4].RecommendedActivities.Select(a => a.Title), Has.Some.Contains("training"));
        Assert.That(phases.SelectMany(p => p.RecommendedActivities).Select(a => a.Title.Length), Has.All.LessThanOrEqualTo(PlanActivityDraft.MaxTitleLength),
            "every advice can be adopted as an activity without cutting its title");
    }

    [Test]
    public async Task HasTheTwentyNineMidiDeterminantsInTheirFourGroups()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        var groups = await db.Frameworks.ListMidiGroupsAsync();

        Assert.That(groups.Select(g => g.Code), Is.EqualTo(new[] { "innovation", "user", "organisation", "context" }));
        Assert.That(groups.Select(g => g.Determinants.Count), Is.EqualTo(new[] { 7, 11, 10, 1 }));
        var numbers = groups.SelectMany(g => g.Determinants).Select(d => d.Number);
        Assert.That(numbers, Is.EqualTo(Enumerable.Range(1, 29)));
    }

    [Test]
    public async Task MarksOnlyTheDutchNamesOfTheFirstTwoDeterminantsAsVerifiedAndNoQuestion()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        var determinants = (await db.Frameworks.ListMidiGroupsAsync()).SelectMany(g => g.Determinants).ToList();

        Assert.That(determinants.Where(d => d.NameVerified).Select(d => d.Number), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(determinants.Where(d => d.QuestionVerified), Is.Empty, "every guiding question is a paraphrase (domain.md §1.3)");
        Assert.That(determinants[0].NameNl, Is.EqualTo("Procedurele helderheid"));
        Assert.That(determinants[1].NameNl, Is.EqualTo("Juistheid"));
    }

    [TestCase(4, true)]
    [TestCase(26, true)]
    [TestCase(5, false)]
    public async Task ReverseScoresOnlyTheNegativelyPhrasedItems(int number, bool reversed)
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        var determinant = (await db.Frameworks.ListMidiGroupsAsync()).SelectMany(g => g.Determinants).Single(d => d.Number == number);

        Assert.That(determinant.ReverseScored, Is.EqualTo(reversed));
    }

    [TestCase(14, "percentage")]
    [TestCase(19, "yes_no_unknown")]
    [TestCase(25, "yes_no_unknown")]
    [TestCase(1, "likert5")]
    public async Task UsesTheAnswerScaleOfEachDeterminant(int number, string scale)
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        var determinant = (await db.Frameworks.ListMidiGroupsAsync()).SelectMany(g => g.Determinants).Single(d => d.Number == number);

        Assert.That(determinant.AnswerScale, Is.EqualTo(scale));
    }

    [Test]
    public async Task HasTheEightBowenAreasWithTheFourDefaultsOfSeed000()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        var areas = await db.Frameworks.ListBowenAreasAsync();

        Assert.That(areas, Has.Count.EqualTo(8));
        Assert.That(areas.Where(a => a.IsDefault).Select(a => a.NameNl),
            Is.EqualTo(new[] { "Aanvaardbaarheid", "Implementatie", "Uitvoerbaarheid", "Integratie" }));
        Assert.That(areas.Where(a => a.IsDefault).Select(a => a.KeyQuestionNl), Has.All.Contains("de innovatie"));
    }

    [Test]
    public async Task ListsTheThreeFrameworksWithAVersion()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        var frameworks = await db.Frameworks.ListFrameworksAsync();

        Assert.That(frameworks.Select(f => f.Code), Is.EqualTo(new[] { "movisie", "midi", "bowen" }));
        Assert.That(frameworks, Has.All.Matches<ReferenceFramework>(f => f.Version.Length > 0 && f.Citation.Length > 0));
    }

    [Test]
    public async Task RefusesAThirtiethDeterminant()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        await using var connection = await db.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO midi_determinants (number, group_code, name_nl, name_en, guiding_question_nl, answer_scale) VALUES (30, 'user', 'x', 'x', 'x', 'likert5');";

        Assert.ThrowsAsync(Is.InstanceOf<System.Data.Common.DbException>(), () => command.ExecuteNonQueryAsync());
    }
}
