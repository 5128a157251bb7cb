using Monitor.Core.Reports.Templates;

namespace Monitor.Core.Tests.Reports.Templates;

public sealed partial class ReportTemplateTests
{
    public sealed class Parse
    {
        [Test]
        public void ListsPlaceholdersWithKindKeyLineAndColumn()
        {
            var template = ReportTemplate.Parse("# {{waarde project.naam}}\n\n{{#als fasen}}\n  {{tabel fasen}}\n{{/als}}\nZie {{waarde a}} en {{! niet}} {{waarde b2.c}}.\n{{tekst notities}}\n{{grafiek voortgang}}\n");

            Assert.That(template.Placeholders, Is.EqualTo(new[]
            {
                new Placeholder(PlaceholderKind.Waarde, "project.naam", 1, 3),
                new Placeholder(PlaceholderKind.Als, "fasen", 3, 1),
                new Placeholder(PlaceholderKind.Tabel, "fasen", 4, 3),
                new Placeholder(PlaceholderKind.Waarde, "a", 6, 5),
                new Placeholder(PlaceholderKind.Waarde, "b2.c", 6, 32),
                new Placeholder(PlaceholderKind.Tekst, "notities", 7, 1),
                new Placeholder(PlaceholderKind.Grafiek, "voortgang", 8, 1),
            }));
        }

        [TestCase("a")]
        [TestCase("fasen.voortgang")]
        [TestCase("a1.2b.c")]
        public void AcceptsDottedLowerCaseKeys(string key)
        {
            Assert.That(ReportTemplate.Parse($"{{{{waarde {key}}}}}").Placeholders.Single().Key, Is.EqualTo(key));
        }

        [Test]
        public void AcceptsSpacesInsideTheBraces()
        {
            var template = ReportTemplate.Parse("{{ tabel  fasen }}");

            Assert.That(template.Placeholders.Single(), Is.EqualTo(new Placeholder(PlaceholderKind.Tabel, "fasen", 1, 1)));
        }

        [TestCase("{{foo x}}", "Ongeldige plaatshouder: onbekende soort 'foo'")]
        [TestCase("{{Tabel x}}", "Ongeldige plaatshouder: onbekende soort 'Tabel'")]
        [TestCase("{{tabel Fasen}}", "Ongeldige sleutel 'Fasen'")]
        [TestCase("{{tabel fasen.}}", "Ongeldige sleutel 'fasen.'")]
        [TestCase("{{tabel 1fase}}", "Ongeldige sleutel '1fase'")]
        [TestCase("{{tabel fase_1}}", "Ongeldige sleutel 'fase_1'")]
        [TestCase("{{tabel fasen..x}}", "Ongeldige sleutel 'fasen..x'")]
        [TestCase("{{waarde}}", "Ongeldige plaatshouder: schrijf {{waarde sleutel}}")]
        [TestCase("{{tabel a b}}", "Ongeldige plaatshouder: schrijf {{tabel sleutel}}")]
        [TestCase("{{/als x}}", "Ongeldige plaatshouder: {{/als}} heeft geen sleutel")]
        [TestCase("{{}}", "Ongeldige plaatshouder: leeg")]
        [TestCase("tekst {{waarde x", "Ongeldige plaatshouder: '}}' ontbreekt")]
        [TestCase("Zie {{tabel fasen}}", "Deze plaatshouder moet alleen op een eigen regel staan")]
        [TestCase("{{tabel a}} {{tabel b}}", "Deze plaatshouder moet alleen op een eigen regel staan")]
        [TestCase("{{#als a}} tekst {{/als}}", "Deze plaatshouder moet alleen op een eigen regel staan")]
        public void RefusesAnInvalidPlaceholderWithItsLine(string line, string message)
        {
            var exception = Assert.Throws<TemplateException>(() => ReportTemplate.Parse($"# Kop\n\n{line}\n"));

            Assert.That(exception.Errors.Select(error => error.Line).Distinct(), Is.EqualTo(new[] { 3 }));
            Assert.That(exception.Errors[0].Message, Does.StartWith(message));
        }

        [Test]
        public void RefusesAnAlsThatIsNotClosed()
        {
            var exception = Assert.Throws<TemplateException>(() => ReportTemplate.Parse("a\n{{#als fase}}\nb\n{{#als x}}\n{{/als}}\n"));

            Assert.That(exception.Errors, Is.EqualTo(new[] { new TemplateError(2, "{{#als fase}}", "{{#als fase}} wordt niet afgesloten") }));
        }

        [Test]
        public void RefusesAnEndWithoutAls()
        {
            var exception = Assert.Throws<TemplateException>(() => ReportTemplate.Parse("{{#als a}}\n{{/als}}\n{{/als}}\n"));

            Assert.That(exception.Errors, Is.EqualTo(new[] { new TemplateError(3, "{{/als}}", "{{/als}} zonder {{#als}}") }));
        }

        [Test]
        public void ReportsAllErrorsInLineOrderInOneException()
        {
            var template = "{{#als open}}\r\nregel 2\r\n{{foo x}}\r\n{{waarde Goed}}\r\n{{/als}}\r\n{{/als}}\r\n{{#als nooit.dicht}}\r\n";

            var exception = Assert.Throws<TemplateException>(() => ReportTemplate.Parse(template));

            Assert.That(exception.Errors.Select(error => (error.Line, error.Placeholder)), Is.EqualTo(new[]
            {
                (3, "{{foo x}}"),
                (4, "{{waarde Goed}}"),
                (6, "{{/als}}"),
                (7, "{{#als nooit.dicht}}"),
            }));
            Assert.That(exception.Message, Does.StartWith("Het rapportsjabloon bevat 4 fouten:\nregel 3: {{foo x}}: Ongeldige plaatshouder: onbekende soort 'foo'"));
            Assert.That(exception.Message, Does.Contain("\nregel 7: {{#als nooit.dicht}}: {{#als nooit.dicht}} wordt niet afgesloten"));
        }

        [Test]
        public void RefusesATemplateLongerThanTheLimit()
        {
            var text = new string('x', ReportTemplate.MaxLength + 1);

            var exception = Assert.Throws<TemplateException>(() => ReportTemplate.Parse(text));

            Assert.That(exception.Errors.Single().Message, Does.StartWith("Het sjabloon is te lang"));
        }

        [Test]
        public void AcceptsATemplateAtTheLengthLimit()
        {
            var template = ReportTemplate.Parse(new string('x', ReportTemplate.MaxLength));

            Assert.That(template.RenderMarkdown(new ReportData()), Has.Length.EqualTo(ReportTemplate.MaxLength + 1));
        }

        [Test]
        public void RefusesMoreThanTheMaximumNumberOfPlaceholders()
        {
            var atLimit = string.Concat(Enumerable.Repeat("{{waarde a}}\n", ReportTemplate.MaxPlaceholders));

            Assert.That(ReportTemplate.Parse(atLimit).Placeholders, Has.Count.EqualTo(ReportTemplate.MaxPlaceholders));
            var exception = Assert.Throws<TemplateException>(() => ReportTemplate.Parse(atLimit + "{{! een te veel }}"));
            Assert.That(exception.Errors.Single().Message, Is.EqualTo("Het sjabloon bevat 2001 plaatshouders, hoogstens 2000."));
        }
    }
}
