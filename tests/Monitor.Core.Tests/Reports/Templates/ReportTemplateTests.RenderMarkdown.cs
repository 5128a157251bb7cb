using Monitor.Core.Reports.Templates;

namespace Monitor.Core.Tests.Reports.Templates;

public sealed partial class ReportTemplateTests
{
    public sealed class RenderMarkdown
    {
        [TestCase("*x*", @"\*x\*")]
        [TestCase("<script>alert(1)</script>", @"\<script\>alert(1)\</script\>")]
        [TestCase("[a](b)", @"\[a\](b)")]
        [TestCase("# kop", @"\# kop")]
        [TestCase("a|b", @"a\|b")]
        [TestCase("regel 1\nregel 2\r\n", "regel 1 regel 2")]
        [TestCase("- punt", @"\- punt")]
        [TestCase("12. punt", @"12\. punt")]
        [TestCase("3.5 - 4", "3.5 - 4")]
        [TestCase("snake_case ~~weg~~ ==mark== &amp;", @"snake\_case \~\~weg\~\~ \=\=mark\=\= \&amp;")]
        [TestCase(@"c:\pad `code`", @"c:\\pad \`code\`")]
        public void EscapesValues(string value, string expected)
        {
            var data = new ReportData();
            data.Values["x"] = value;

            Assert.That(Render("Waarde: {{waarde x}}", data), Is.EqualTo($"Waarde: {expected}\n"));
        }

        [Test]
        public void WritesADashForAMissingOrBlankValue()
        {
            var data = new ReportData();
            data.Values["leeg"] = "  ";

            Assert.That(Render("{{waarde leeg}} / {{waarde ontbreekt}}", data), Is.EqualTo("– / –\n"));
        }

        [Test]
        public void WritesTablesAsPipeTablesWithEscapedCells()
        {
            var data = new ReportData();
            data.Tables["fasen"] = new ReportTable(
                ["Fase", "Status"],
                [["Start *nu*", "a|b"], ["<script>x</script>", "regel 1\nregel 2"], ["alleen"]],
                Caption: "Fasen [1]");

            var markdown = Render("Tekst erboven\n{{tabel fasen}}\nTekst eronder", data);

            Assert.That(markdown, Is.EqualTo("""
                Tekst erboven

                *Fasen \[1\]*

                | Fase | Status |
                | --- | --- |
                | Start \*nu\* | a\|b |
                | \<script\>x\</script\> | regel 1 regel 2 |
                | alleen |  |

                Tekst eronder

                """));
        }

        [Test]
        public void WritesTheEmptyTextOfATableWithoutRows()
        {
            var data = new ReportData();
            data.Tables["leeg"] = new ReportTable(["a"], [], EmptyText: "Nog geen *fasen* gepland.");
            data.Tables["kaal"] = new ReportTable(["a"], []);

            Assert.That(Render("{{tabel leeg}}\n{{tabel kaal}}\n{{tabel ontbreekt}}", data), Is.EqualTo("""
                _Nog geen \*fasen\* gepland._

                _Nog geen gegevens._

                _Nog geen gegevens._

                """));
        }

        [Test]
        public void InsertsTextsAsIsOnTheirOwnLines()
        {
            var data = new ReportData();
            data.Texts["notities"] = "- eerste **punt**  \r\n- tweede\n";
            data.Texts["leeg"] = " \n";

            Assert.That(Render("Notities:\n{{tekst notities}}\nDaarna.\n{{tekst leeg}}", data), Is.EqualTo(
                "Notities:\n\n- eerste **punt**  \n- tweede\n\nDaarna.\n\n_Nog geen gegevens._\n"));
        }

        [Test]
        public void WritesChartsAsTitleDescriptionAndNumbersWithoutSvg()
        {
            var data = new ReportData();
            data.Charts["voortgang"] = Chart("Voortgang *per* fase", "Aandeel afgerond.", ["Fase", "Waarde"], [["Start", "40%"]]);

            var markdown = Render("{{grafiek voortgang}}", data);

            Assert.That(markdown, Is.EqualTo("""
                **Voortgang \*per\* fase**

                Aandeel afgerond.

                | Fase | Waarde |
                | --- | --- |
                | Start | 40% |

                """));
        }

        [Test]
        public void WritesNoDataForAnEmptyOrMissingChart()
        {
            var data = new ReportData();
            data.Charts["leeg"] = Chart("Leeg", "Niets", ["a"], []);

            Assert.That(Render("{{grafiek leeg}}\n{{grafiek ontbreekt}}", data), Is.EqualTo("_Nog geen gegevens._\n\n_Nog geen gegevens._\n"));
        }

        [Test]
        public void KeepsAlsSectionsOnlyWhenTheKeyHasData()
        {
            var data = new ReportData();
            data.Values["waarde"] = "ja";
            data.Values["blanco"] = " ";
            data.Tables["tabel"] = new ReportTable(["a"], [["1"]]);
            data.Tables["legetabel"] = new ReportTable(["a"], []);
            data.Texts["tekst"] = "t";
            data.Charts["grafiek"] = Chart("g", "", ["a"], [["1"]]);
            data.Charts["legegrafiek"] = Chart("g", "", ["a"], []);
            var template = string.Join('\n', new[] { "waarde", "blanco", "tabel", "legetabel", "tekst", "grafiek", "legegrafiek", "ontbreekt" }
                .Select(key => $"{{{{#als {key}}}}}\n{key}\n{{{{/als}}}}"));

            Assert.That(Render(template, data), Is.EqualTo("waarde\ntabel\ntekst\ngrafiek\n"));
        }

        [Test]
        public void NestsAlsSections()
        {
            var data = new ReportData();
            data.Values["a"] = "1";
            data.Values["c"] = "3";
            const string template = """
                begin
                {{#als a}}
                a
                {{#als b}}
                b
                {{#als c}}
                c binnen b
                {{/als}}
                {{/als}}
                {{#als c}}
                c binnen a
                {{/als}}
                {{/als}}
                eind
                """;

            Assert.That(Render(template, data), Is.EqualTo("begin\na\nc binnen a\neind\n"));
        }

        [Test]
        public void RemovesComments()
        {
            var data = new ReportData();
            data.Values["x"] = "X";

            var markdown = Render("{{! heel de regel }}\nvoor {{!midden}}{{waarde x}} na{{! eind }}\n  {{! ingesprongen }}  \nlaatste", data);

            Assert.That(markdown, Is.EqualTo("voor X na\nlaatste\n"));
        }

        [Test]
        public void TreatsPlaceholdersInCodeBlocksAsPlaceholders()
        {
            var data = new ReportData();
            data.Values["x"] = "*X*";

            Assert.That(Render("```\n{{waarde x}}\n```", data), Is.EqualTo("```\n\\*X\\*\n```\n"));
        }

        [Test]
        public void MatchesTheGoldenReport()
        {
            const string template = """
                {{! Voortgangsrapport, klein voorbeeld }}
                # Voortgang {{waarde project.naam}}

                Peildatum: {{waarde peildatum}}. Eigenaar: {{waarde project.eigenaar}}.

                ## Fasen
                {{tabel fasen}}

                {{#als voortgang}}
                ## Voortgang in beeld

                {{grafiek voortgang}}
                {{/als}}
                {{#als risicos}}
                ## Risico's
                {{tabel risicos}}
                {{/als}}

                ## Notities

                {{tekst notities}}
                """;
            const string expected = """
                # Voortgang Buurtteams \*Noord\*

                Peildatum: 1 mrt 2026. Eigenaar: –.

                ## Fasen

                *Fasen van het project*

                | Fase | Start | Status |
                | --- | --- | --- |
                | Verkenning | jan 2026 | afgerond |
                | Uitvoering \| pilot | mrt 2026 | bezig |

                ## Voortgang in beeld

                **Voortgang per fase**

                Aandeel afgeronde mijlpalen per fase.

                | Fase | Afgerond |
                | --- | --- |
                | Verkenning | 100% |
                | Uitvoering | 25% |

                ## Notities

                _Nog geen gegevens._

                """;
            var data = new ReportData();
            data.Values["project.naam"] = "Buurtteams *Noord*";
            data.Values["peildatum"] = "1 mrt 2026";
            data.Tables["fasen"] = new ReportTable(
                ["Fase", "Start", "Status"],
                [["Verkenning", "jan 2026", "afgerond"], ["Uitvoering | pilot", "mrt 2026", "bezig"]],
                Caption: "Fasen van het project");
            data.Tables["risicos"] = new ReportTable(["Risico"], []);
            data.Charts["voortgang"] = Chart(
                "Voortgang per fase", "Aandeel afgeronde mijlpalen per fase.", ["Fase", "Afgerond"], [["Verkenning", "100%"], ["Uitvoering", "25%"]]);

            Assert.That(ReportTemplate.Parse(template).RenderMarkdown(data), Is.EqualTo(expected));
        }
    }

    private static string Render(string template, ReportData data) => ReportTemplate.Parse(template).RenderMarkdown(data);

    private static ReportChart Chart(string title, string description, string[] headers, string[][] rows, string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>") =>
        new(title, description, svg, new ReportTable(headers, rows));
}
