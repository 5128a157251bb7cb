using System.Text.RegularExpressions;
using Monitor.Core.Charts;
using Monitor.Core.Reports.Templates;

namespace Monitor.Core.Tests.Reports.Templates;

public sealed partial class ReportTemplateTests
{
    public sealed class RenderHtml
    {
        private static readonly HtmlReportOptions _options = new("Voortgangsrapport", Subtitle: "Buurtteams Noord", FooterText: "Vertrouwelijk");

        [Test]
        public void WritesAStandaloneDocumentWithPrintStyles()
        {
            var html = ReportTemplate.Parse("## Inleiding\n\nTekst.").RenderHtml(new ReportData(), _options);

            Assert.That(html, Does.StartWith("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">"));
            Assert.That(html, Does.EndWith("</body>\n</html>\n"));
            Assert.That(html, Does.Contain("<title>Voortgangsrapport</title>"));
            Assert.That(Count(html, "<style>"), Is.EqualTo(1));
            Assert.That(html, Does.Contain("@page { size: A4; margin: 20mm 18mm;"));
            Assert.That(html, Does.Contain("@media print"));
            Assert.That(html, Does.Not.Contain("<link").And.Not.Contain("src=").And.Not.Contain("@import"));
            Assert.That(html, Does.Contain("<h1 class=\"report-title\">Voortgangsrapport</h1>\n<p class=\"report-subtitle\">Buurtteams Noord</p>"));
            Assert.That(html, Does.Contain("<main>\n<h2>Inleiding</h2>\n<p>Tekst.</p>\n</main>"));
            Assert.That(html, Does.Contain("<footer class=\"report-footer\">\n<p>Vertrouwelijk</p>"));
        }

        [Test]
        public void LeavesOutSubtitleAndFooterWhenNotGiven()
        {
            var html = ReportTemplate.Parse("x").RenderHtml(new ReportData(), new HtmlReportOptions("T", Language: "en"));

            Assert.That(html, Does.Contain("<html lang=\"en\">"));
            Assert.That(html, Does.Not.Contain("report-subtitle\"").And.Not.Contain("<footer"));
        }

        [Test]
        public void InsertsEachChartSvgUnescapedOncePerPlaceholder()
        {
            var spec = new BarChartSpec
            {
                Id = "voortgang",
                Title = "Voortgang per fase",
                Description = "Aandeel afgerond per fase.",
                Items = [new BarChartItem("Verkenning", 1), new BarChartItem("Uitvoering", 0.25)],
                ValueFormat = "0%",
            };
            var svg = new ScottPlotChartRenderer().Render(spec);
            var other = "<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"ander\"><rect/></svg>";
            var data = new ReportData();
            data.Charts["voortgang"] = new ReportChart(spec.Title, spec.Description, svg, ReportTable.From(spec.ToTable()));
            data.Charts["ander"] = Chart("Ander", "", ["a", "b"], [["x", "1"]], other);
            data.Charts["leeg"] = Chart("Leeg", "", ["a"], [], "<svg data-chart=\"leeg\"></svg>");

            var html = ReportTemplate.Parse("## A\n{{grafiek voortgang}}\n## B\n{{grafiek voortgang}}\n{{grafiek ander}}\n{{grafiek leeg}}\n")
                .RenderHtml(data, _options);

            Assert.That(Count(html, svg), Is.EqualTo(2));
            Assert.That(Count(html, other), Is.EqualTo(1));
            Assert.That(html, Does.Not.Contain("data-chart=\"leeg\""));
            Assert.That(Count(html, "<figure class=\"chart\">"), Is.EqualTo(3));
            Assert.That(Count(html, "</figure>"), Is.EqualTo(3));
            Assert.That(html, Does.Contain("<p><em>Nog geen gegevens.</em></p>"));
            Assert.That(Regex.IsMatch(html, "grafiek[0-9a-f]{32}"), Is.False, "no marker left behind");
        }

        [Test]
        public void WritesAFigureWithCaptionAndNumbersTable()
        {
            var data = new ReportData();
            data.Charts["c"] = Chart("Titel <b>", "Uitleg & meer", ["Fase", "Waarde"], [["Start", "40%"], ["Eind"]]);

            var html = ReportTemplate.Parse("{{grafiek c}}").RenderHtml(data, _options);

            Assert.That(html, Does.Contain("""
                <figure class="chart">
                <figcaption><span class="chart-title">Titel &lt;b&gt;</span> <span class="chart-description">Uitleg &amp; meer</span></figcaption>
                <div class="chart-image">
                <svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>
                </div>
                <table class="chart-data">
                <thead>
                <tr><th>Fase</th><th>Waarde</th></tr>
                </thead>
                <tbody>
                <tr><td>Start</td><td>40%</td></tr>
                <tr><td>Eind</td><td></td></tr>
                </tbody>
                </table>
                </figure>
                """));
        }

        [Test]
        public void ShowsDataLiterallyAndRunsNoScriptFromIt()
        {
            const string script = "<script>alert(1)</script>";
            var data = new ReportData();
            data.Values["v"] = "*x* " + script + " [a](javascript:alert(1))";
            data.Tables["t"] = new ReportTable(["Kop " + script], [[script, "a|b", "regel 1\nregel 2"]], Caption: script);
            data.Texts["tekst"] = "Notitie " + script + " [klik](javascript:alert(1))";
            data.Charts["c"] = Chart(script, script, [script], [[script]]);

            var html = ReportTemplate.Parse("Waarde: {{waarde v}}\n{{tabel t}}\n{{tekst tekst}}\n{{grafiek c}}")
                .RenderHtml(data, new HtmlReportOptions(script, Subtitle: script, FooterText: script));

            Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("href=\"javascript"));
            Assert.That(html, Does.Contain("<p>Waarde: *x* &lt;script&gt;alert(1)&lt;/script&gt; [a](javascript:alert(1))</p>"));
            Assert.That(html, Does.Contain("<p>Notitie &lt;script&gt;alert(1)&lt;/script&gt; <a href=\"#\">klik</a></p>"));
            Assert.That(html, Does.Contain("<h1 class=\"report-title\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
            Assert.That(html, Does.Contain("<span class=\"chart-title\">&lt;script&gt;alert(1)&lt;/script&gt;</span>"));
        }

        [TestCase("*x* _y_", "*x* _y_")]
        [TestCase("# kop", "# kop")]
        [TestCase("- punt", "- punt")]
        [TestCase("+ punt", "+ punt")]
        [TestCase("1. punt", "1. punt")]
        [TestCase("2)", "2)")]
        [TestCase("> citaat", "&gt; citaat")]
        [TestCase("[a](b) ![c](d)", "[a](b) ![c](d)")]
        [TestCase("a\n===", "a ===")]
        [TestCase("---", "---")]
        [TestCase("&lt; &#60;", "&amp;lt; &amp;#60;")]
        [TestCase("<b>vet</b>", "&lt;b&gt;vet&lt;/b&gt;")]
        [TestCase("~~x~~ ^y^ ~z~ ++w++ ==v==", "~~x~~ ^y^ ~z~ ++w++ ==v==")]
        [TestCase("`code`", "`code`")]
        [TestCase(@"c:\pad\", @"c:\pad\")]
        [TestCase("    ingesprongen", "ingesprongen")]
        public void ShowsAValueLiterallyAtTheStartOfALine(string value, string expected)
        {
            var data = new ReportData();
            data.Values["x"] = value;

            var html = ReportTemplate.Parse("{{waarde x}}").RenderHtml(data, _options);

            Assert.That(html, Does.Contain($"<main>\n<p>{expected}</p>\n</main>"));
        }

        [Test]
        public void KeepsTableCellsInTheirColumns()
        {
            var data = new ReportData();
            data.Tables["t"] = new ReportTable(["Naam", "Opmerking"], [["a|b", "regel 1\nregel 2"], ["*c*", "<i>d</i>"]]);

            var html = ReportTemplate.Parse("{{tabel t}}").RenderHtml(data, _options);

            Assert.That(Regex.Matches(html, "<td>(.*?)</td>").Select(match => match.Groups[1].Value), Is.EqualTo(new[]
            {
                "a|b", "regel 1 regel 2", "*c*", "&lt;i&gt;d&lt;/i&gt;",
            }));
            Assert.That(Regex.Matches(html, "<th>(.*?)</th>").Select(match => match.Groups[1].Value), Is.EqualTo(new[] { "Naam", "Opmerking" }));
        }

        [Test]
        public void WritesNoDataForEmptyTablesTextsAndCharts()
        {
            var data = new ReportData();
            data.Tables["t"] = new ReportTable(["a"], []);
            data.Texts["x"] = "";
            data.Charts["c"] = Chart("Leeg", "", ["a"], []);

            var html = ReportTemplate.Parse("{{tabel t}}\n{{tekst x}}\n{{grafiek c}}").RenderHtml(data, _options);

            Assert.That(Count(html, "<p><em>Nog geen gegevens.</em></p>"), Is.EqualTo(3));
            Assert.That(html, Does.Not.Contain("<figure").And.Not.Contain("<table"));
        }
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
