using Monitor.Core.Coding;
using Monitor.Core.Coding.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Interop.Refi;
using Monitor.Core.Tests.Interop.Refi;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Coding;

/// <summary>Files as QualCoder, ATLAS.ti, NVivo, MAXQDA and Taguette write them: every coding on the text the other tool coded (issue #17).</summary>
[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class ToolImportTests
{
    private readonly DatabaseEngine _engine;

    public ToolImportTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private sealed record Imported(string Text, string Coder, string Code, string Memo, long CoderId);

    private async Task<(TempDatabase Db, long ProjectId, Actor Importer)> ProjectAsync()
    {
        var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "tools");
        var importer = await CodingFixtures.ResearcherAsync(db, "Importeur", projectId);
        return (db, projectId, importer);
    }

    private static async Task<List<Imported>> CodingsAsync(TempDatabase db, long projectId)
    {
        await using var connection = await db.Database.OpenAsync();
        return await connection.QueryAsync(null, """
            SELECT v.text, c.start_pos, c.end_pos, coalesce(c.external_coder_name, u.display_name), k.name_nl, c.memo, coalesce(c.coder_id, -c.file_coder_id)
            FROM codings c JOIN document_versions v ON v.id = c.version_id JOIN codes k ON k.id = c.code_id LEFT JOIN users u ON u.id = c.coder_id
            WHERE c.project_id = @project ORDER BY c.id;
            """, reader => new Imported(CodePoints.Slice(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt64(6)),
            CancellationToken.None, ("@project", projectId));
    }

    private static IEnumerable<string> Expected(bool withMemos = true) =>
        ToolFiles.Codings.Select(c => $"{TextNormalizer.Normalize(c.Fragment)}|{c.Coder}|{c.Code}|{(withMemos ? c.Memo ?? "" : "")}");

    public static IEnumerable<TestCaseData> ToolProjects()
    {
        yield return new TestCaseData("QualCoder", ToolFiles.QualCoder(maxqdaLineEndings: false), RefiOffsetConvention.CodePoints).SetName("QualCoderExport");
        yield return new TestCaseData("QualCoder (MAXQDA line endings)", ToolFiles.QualCoder(maxqdaLineEndings: true), RefiOffsetConvention.CodePointsCrLfAsOne).SetName("QualCoderMaxqdaLineEndingsExport");
        yield return new TestCaseData("ATLAS.ti", ToolFiles.AtlasTi(), RefiOffsetConvention.CodePointsCrLfAsOne).SetName("AtlasTiExport");
        yield return new TestCaseData("NVivo", ToolFiles.NVivo(), RefiOffsetConvention.CodePoints).SetName("NVivoExport");
        yield return new TestCaseData("MAXQDA", ToolFiles.Maxqda(), RefiOffsetConvention.CodePoints).SetName("MaxqdaExport");
    }

    [TestCaseSource(nameof(ToolProjects))]
    [Description("issue #17: CRLF sources, coders by GUID, memos, cases and variables from each tool")]
    public async Task EveryCodingLandsOnTheTextTheOtherToolCodedWithItsOwnCoderAndMemo(string tool, byte[] file, RefiOffsetConvention convention)
    {
        var (db, projectId, importer) = await ProjectAsync();
        using var _ = db;
        var read = QdpxReader.Read(new MemoryStream(file), ProjectExchange.MaxQdpxBytes);
        Assert.That(RefiPositions.Detect(read.Project.Sources.Single(), read.Project.Origin).Convention, Is.EqualTo(convention), tool);

        var result = await db.Exchange.ImportQdpxAsync(projectId, new MemoryStream(file), importer);

        Assert.That(result.Codings, Is.EqualTo(ToolFiles.Codings.Length), tool);
        var codings = await CodingsAsync(db, projectId);
        Assert.That(codings.Select(c => $"{c.Text}|{c.Coder}|{c.Code}|{c.Memo}"), Is.EqualTo(Expected()), tool);
        Assert.That(codings.Select(c => c.CoderId).Distinct().Count(), Is.EqualTo(2), "Anna and Bram stay two coders, neither is the importer");
        Assert.That(codings.Select(c => c.CoderId), Has.All.LessThan(0));
        var attributes = await db.TextAsync("SELECT group_concat(name || '=' || value, ', ') FROM (SELECT name, value FROM document_attributes ORDER BY name) AS a");
        Assert.That(attributes, Does.Contain("Training=getraind").And.Contain("Team=Noord"), tool);
        var coding = result.Lines.Single(l => l.ElementType == "Coding");
        Assert.That((coding.Kept, coding.Dropped), Is.EqualTo((ToolFiles.Codings.Length, 0)), coding.Reason);
        Assert.That(result.Lines.Select(l => l.ElementType), Is.Unique);
    }

    [Test]
    [Description("issue #17: imported cases and variables filter the fragments")]
    public async Task ImportedVariablesFilterTheFragments()
    {
        var (db, projectId, importer) = await ProjectAsync();
        using var _ = db;
        await db.Exchange.ImportQdpxAsync(projectId, new MemoryStream(ToolFiles.QualCoder(maxqdaLineEndings: false)), importer);

        var offered = await db.Fragments.ListAttributesAsync(projectId);
        var trained = await db.Fragments.ListFragmentsAsync(projectId, new FragmentFilter { Attribute = new DocumentVariable("Training", "getraind") });
        var other = await db.Fragments.ListFragmentsAsync(projectId, new FragmentFilter { Attribute = new DocumentVariable("Training", "niet getraind") });

        Assert.That(offered, Does.Contain(new DocumentVariable("Training", "getraind")));
        Assert.That(trained, Has.Count.EqualTo(ToolFiles.Codings.Length));
        Assert.That(other, Is.Empty);
        Assert.That(DocumentVariable.Parse("Training = getraind"), Is.EqualTo(new DocumentVariable("Training", "getraind")));
        Assert.That(DocumentVariable.Parse("getraind"), Is.Null);
    }

    [Test]
    [Description("issue #17: ATLAS.ti code groups are reported, not dropped silently")]
    public async Task AtlasCodeGroupsAreReported()
    {
        var (db, projectId, importer) = await ProjectAsync();
        using var _ = db;

        var result = await db.Exchange.ImportQdpxAsync(projectId, new MemoryStream(ToolFiles.AtlasTi()), importer);

        var set = result.Lines.Single(l => l.ElementType == "Set");
        Assert.That((set.Kept, set.Dropped), Is.EqualTo((0, 1)));
        Assert.That(set.Reason, Does.Contain("Codegroep: implementatie").And.Contain("2 codes"));
        Assert.That(result.Lines.Single(l => l.ElementType == "TextSource").Reason, Does.Contain("CRLF").And.Contain("als één teken"));
    }

    [Test]
    [Description("issue #17: a MAXQDA memo without a code is reported; the counts add up")]
    public async Task AMemoOnlySelectionIsReportedAndCountsAddUp()
    {
        var (db, projectId, importer) = await ProjectAsync();
        using var _ = db;

        var result = await db.Exchange.ImportQdpxAsync(projectId, new MemoryStream(ToolFiles.Maxqda()), importer);

        var selections = result.Lines.Single(l => l.ElementType == "PlainTextSelection");
        Assert.That((selections.Kept, selections.Dropped), Is.EqualTo((ToolFiles.Codings.Length, 1)));
        Assert.That(selections.Reason, Does.Contain("annotatie").And.Contain("Let op: verslag is ingekort"));
        var users = result.Lines.Single(l => l.ElementType == "User");
        Assert.That((users.Kept, users.Dropped), Is.EqualTo((2, 0)));
    }

    [Test]
    [Description("issue #17: a second coder's identical coding does not collide; mapping to an account needs a confirmation")]
    public async Task FileCodersAreMappedToAnAccountOnlyWhenConfirmed()
    {
        var (db, projectId, importer) = await ProjectAsync();
        using var _ = db;
        var anna = await CodingFixtures.ResearcherAsync(db, "Anna", projectId);
        await db.Exchange.ImportQdpxAsync(projectId, new MemoryStream(ToolFiles.QualCoder(false)), importer);
        Assert.That(await db.ScalarAsync($"SELECT count(*) FROM codings WHERE coder_id = {anna.UserId}"), Is.Zero, "never matched by name");
        var coders = await db.FileCoders.ListAsync(projectId);
        Assert.That(coders.Select(c => (c.Name, c.Codings, c.UserId)), Is.EqualTo(new[] { ("Anna", 3, (long?)null), ("Bram", 3, null) }));

        Assert.That(await db.FileCoders.MapAsync(projectId, coders[0].Id, anna.UserId!.Value, importer), Is.True);

        Assert.That(await db.ScalarAsync($"SELECT count(*) FROM codings WHERE coder_id = {anna.UserId}"), Is.EqualTo(3));
        Assert.That((await CodingsAsync(db, projectId)).Where(c => c.Coder == "Anna").Select(c => c.CoderId), Has.All.EqualTo(anna.UserId));
        var again = Assert.ThrowsAsync<ValidationException>(async () => await db.FileCoders.MapAsync(projectId, coders[0].Id, anna.UserId!.Value, importer));
        Assert.That(again!.Message, Does.Contain("al gekoppeld"));
        var outsider = await CodingFixtures.ResearcherAsync(db, "Buiten", null);
        Assert.ThrowsAsync<ValidationException>(async () => await db.FileCoders.MapAsync(projectId, coders[1].Id, outsider.UserId!.Value, importer));
    }

    [Test]
    [Description("issue #17: Taguette writes an empty <Sets/> in every codebook")]
    public async Task TaguettesCodebookWithAnEmptySetsIsAccepted()
    {
        var (db, projectId, importer) = await ProjectAsync();
        using var _ = db;

        var (_, count, _) = await db.CodebookExchange.ImportCodebookAsync(projectId, "Taguette", new MemoryStream(ToolFiles.TaguetteCodebook()), importer);

        Assert.That(count, Is.EqualTo(2));
    }
}
