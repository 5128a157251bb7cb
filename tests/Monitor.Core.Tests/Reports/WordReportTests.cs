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

    [Test]
    [Description("issue #14: the Markdown deliverable carries the charts as images — a zip of rapport.md with an image link per chart and the PNG files")]
    public async Task TheMarkdownPackageCarriesEveryChartAsAnImage()
    {
        using var db = await DemoReportGoldenTests.DemoAsync();
        var snapshot = await DemoReportGoldenTests.GenerateAsync(db, "keuzehulp-werkzaak", ReportKind.Procesevaluatie, new DateOnly(2019, 3, 1), new DateOnly(2021, 3, 1));
        var projectId = await DemoReportGoldenTests.ProjectIdAsync(db, "keuzehulp-werkzaak");

        var package = (await db.Reports.FindMarkdownPackageAsync(projectId, snapshot.Info.Id))!;

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(package));
        using var reader = new StreamReader(zip.GetEntry("rapport.md")!.Open());
        var markdown = await reader.ReadToEndAsync();
        var images = System.Text.RegularExpressions.Regex.Matches(markdown, @"!\[[^\]]*\]\((grafieken/grafiek-\d\d\.png)\)").Select(m => m.Groups[1].Value).ToList();
        var charts = System.Text.RegularExpressions.Regex.Count(snapshot.Html, "<svg");
        Assert.That(images, Has.Count.EqualTo(charts).And.Count.GreaterThan(0), "an image link for every drawn chart");
        foreach (var image in images)
        {
            var bytes = new MemoryStream();
            await zip.GetEntry(image)!.Open().CopyToAsync(bytes);
            Assert.That(bytes.ToArray()[..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"{image} is a PNG");
        }

        Assert.That(markdown, Does.StartWith("# Procesevaluatie"));
        Assert.That(markdown, Does.Not.Contain("grafiek" + "0").And.Not.Match("grafiek[0-9a-f]{32}"), "no chart marker left behind");
    }
}
