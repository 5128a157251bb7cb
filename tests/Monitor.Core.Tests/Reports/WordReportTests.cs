using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Monitor.Core.Reports;

namespace Monitor.Core.Tests.Reports;

/// <summary>The Word document of a snapshot: valid Open XML, real headings, Word tables and every chart as a PNG image.</summary>
public sealed class WordReportTests
{
    [TestCase("keuzehulp-werkzaak", ReportKind.Procesevaluatie, "2019-03-01", "2021-03-01")]
    [TestCase("keuzehulp-werkzaak", ReportKind.Voortgang, "2020-10-01", "2020-12-31")]
    public async Task EverySnapshotKeepsAValidWordDocumentWithHeadingsTablesAndChartImages(string slug, ReportKind kind, string from, string to)
    {
        using var db = await DemoReportGoldenTests.DemoAsync();
        var snapshot = await DemoReportGoldenTests.GenerateAsync(db, slug, kind, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var projectId = await DemoReportGoldenTests.ProjectIdAsync(db, slug);

        var docx = (await db.Reports.FindDocxAsync(projectId, snapshot.Info.Id))!;

        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty);
        var body = document.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => p.InnerText).ToList();
        var chapters = snapshot.Markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Replace("\\", "", StringComparison.Ordinal)).ToList();
        Assert.That(headings, Is.SupersetOf(chapters), "every chapter is a Word heading");
        Assert.That(body.Elements<Table>().Count(), Is.GreaterThanOrEqualTo(3));
        var charts = System.Text.RegularExpressions.Regex.Count(snapshot.Html, "<svg");
        Assert.That(document.MainDocumentPart.ImageParts.Count(), Is.EqualTo(charts).And.GreaterThan(0), "each chart of the report as a PNG");
        Assert.That(document.MainDocumentPart.ImageParts.All(p => p.ContentType == "image/png"));
        Assert.That(body.InnerText, Does.Not.Contain("grafiek"), "no chart marker left behind");
    }
}
