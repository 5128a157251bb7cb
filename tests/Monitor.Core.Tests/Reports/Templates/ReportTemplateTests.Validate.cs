using Monitor.Core.Reports.Templates;

namespace Monitor.Core.Tests.Reports.Templates;

public sealed partial class ReportTemplateTests
{
    public sealed class Validate
    {
        private static readonly Dictionary<PlaceholderKind, IReadOnlySet<string>> _known = new()
        {
            [PlaceholderKind.Waarde] = new HashSet<string> { "project.naam" },
            [PlaceholderKind.Tabel] = new HashSet<string> { "fasen" },
            [PlaceholderKind.Grafiek] = new HashSet<string> { "voortgang" },
        };

        [Test]
        public void ListsUnknownKeysWithTheirLines()
        {
            var template = ReportTemplate.Parse("# {{waarde project.naam}}\n\n{{tabel fasen}}\n{{tabel fasen.x}}\n{{tekst notities}}\nDoor {{waarde project.eigenaar}}\n");

            var errors = template.Validate(_known);

            Assert.That(errors, Is.EqualTo(new[]
            {
                new TemplateError(4, "{{tabel fasen.x}}", "Onbekende plaatshouder 'tabel fasen.x'"),
                new TemplateError(5, "{{tekst notities}}", "Onbekende plaatshouder 'tekst notities'"),
                new TemplateError(6, "{{waarde project.eigenaar}}", "Onbekende plaatshouder 'waarde project.eigenaar'"),
            }));
            Assert.That(errors[0].ToString(), Is.EqualTo("regel 4: {{tabel fasen.x}}: Onbekende plaatshouder 'tabel fasen.x'"));
        }

        [Test]
        public void ChecksKeysPerKind()
        {
            var template = ReportTemplate.Parse("{{grafiek fasen}}\n{{tabel voortgang}}\n");

            Assert.That(template.Validate(_known).Select(error => error.Line), Is.EqualTo(new[] { 1, 2 }));
        }

        [Test]
        public void AlsAcceptsAKeyKnownForAnyKind()
        {
            var template = ReportTemplate.Parse("{{#als project.naam}}\n{{#als voortgang}}\n{{#als onbekend}}\nx\n{{/als}}\n{{/als}}\n{{/als}}\n");

            Assert.That(template.Validate(_known), Is.EqualTo(new[] { new TemplateError(3, "{{#als onbekend}}", "Onbekende plaatshouder '#als onbekend'") }));
        }

        [Test]
        public void EnsureValidThrowsWithTheSameErrors()
        {
            var template = ReportTemplate.Parse("a\n{{tabel fasen.x}}\n");

            var exception = Assert.Throws<TemplateException>(() => template.EnsureValid(_known));

            Assert.That(exception.Message, Is.EqualTo("Het rapportsjabloon bevat een fout:\nregel 2: {{tabel fasen.x}}: Onbekende plaatshouder 'tabel fasen.x'"));
        }

        [Test]
        public void KeysOfReportDataValidateTheTemplateTheyFill()
        {
            var data = new ReportData();
            data.Values["titel"] = "x";
            data.Texts["samenvatting"] = "y";
            var template = ReportTemplate.Parse("{{waarde titel}}\n{{tekst samenvatting}}\n{{tabel samenvatting}}\n");

            Assert.That(template.Validate(data.Keys()).Select(error => error.Placeholder), Is.EqualTo(new[] { "{{tabel samenvatting}}" }));
        }
    }
}
