using System.Reflection;
using Monitor.Core.Data;
using Monitor.Core.Reports;
using Monitor.Core.Reports.Templates;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Reports;

/// <summary>The placeholder catalogue, the built-in templates and the data builder agree key for key.</summary>
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class ReportPlaceholdersTests
{
    private readonly DatabaseEngine _engine;

    public ReportPlaceholdersTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly ReportParameters _period = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 22));

    private static List<string> Constants() =>
        [.. typeof(ReportPlaceholders).GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.IsLiteral).Select(field => (string)field.GetRawConstantValue()!)];

    [Test]
    public void EveryKeyIsWrittenOnceAndOfferedByAReport()
    {
        var offered = new[] { ReportKind.Voortgang, ReportKind.Procesevaluatie }.Select(ReportPlaceholders.Catalog).Append(ReportPlaceholders.FactsheetCatalog)
            .SelectMany(catalog => catalog.Values.SelectMany(keys => keys)).ToHashSet(StringComparer.Ordinal);

        Assert.That(Constants(), Is.Unique);
        Assert.That(Constants(), Is.EquivalentTo(offered));
    }

    [TestCase(ReportKind.Voortgang)]
    [TestCase(ReportKind.Procesevaluatie)]
    public void TheBuiltInTemplateUsesOnlyOfferedKeys(ReportKind kind)
    {
        var template = ReportTemplate.Parse(ReportService.BuiltInTemplate(kind));

        Assert.That(template.Validate(ReportPlaceholders.Catalog(kind)), Is.Empty);
    }

    [TestCase(ReportKind.Voortgang)]
    [TestCase(ReportKind.Procesevaluatie)]
    public async Task TheBuilderFillsExactlyTheOfferedKeys(ReportKind kind)
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ReportFixtures.FixedProjectAsync(db);

        var data = kind == ReportKind.Voortgang ? await db.ReportData.ProgressAsync(projectId, _period) : await db.ReportData.EvaluationAsync(projectId, _period);

        var filled = data!.Keys();
        var offered = ReportPlaceholders.Catalog(kind);
        Assert.That(filled.Keys, Is.EquivalentTo(offered.Keys.Where(k => k != PlaceholderKind.Als)));
        foreach (var (placeholderKind, keys) in offered)
        {
            Assert.That(filled[placeholderKind], Is.EquivalentTo(keys), PlaceholderKeywords.Of(placeholderKind));
        }
    }

    [Test]
    public async Task TheFactsheetTemplateAndBuilderAgreeWithItsCatalog()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await ReportFixtures.FixedProjectAsync(db);

        var data = await db.ReportData.FactsheetAsync(projectId, _period);

        Assert.That(ReportTemplate.Parse(ReportService.FactsheetTemplate()).Validate(ReportPlaceholders.FactsheetCatalog), Is.Empty);
        foreach (var (placeholderKind, keys) in ReportPlaceholders.FactsheetCatalog)
        {
            Assert.That(data!.Keys()[placeholderKind], Is.EquivalentTo(keys), PlaceholderKeywords.Of(placeholderKind));
        }
    }

    [TestCase("waarde", PlaceholderKind.Waarde)]
    [TestCase("tabel", PlaceholderKind.Tabel)]
    [TestCase("tekst", PlaceholderKind.Tekst)]
    [TestCase("grafiek", PlaceholderKind.Grafiek)]
    [TestCase("#als", PlaceholderKind.Als)]
    public void EachKindHasOneKeywordBothWays(string keyword, PlaceholderKind kind)
    {
        Assert.That(PlaceholderKeywords.Of(kind), Is.EqualTo(keyword));
        Assert.That(PlaceholderKeywords.Find(keyword), Is.EqualTo(kind));
    }

    [TestCase("Waarde")]
    [TestCase("/als")]
    [TestCase("als")]
    public void OtherWordsAreNoKeyword(string word)
    {
        Assert.That(PlaceholderKeywords.Find(word), Is.Null);
    }
}
