using System.Text;
using Monitor.Core.Common;
using Monitor.Core.Planning;

namespace Monitor.Core.Tests.Planning;

public sealed class PlanCsvTests
{
    private static PlanImportResult Import(string text, bool byteOrderMark = true) =>
        Import(byteOrderMark ? [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));

    private static PlanImportResult Import(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return PlanCsv.Import(stream);
    }

    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    public sealed class RoundTrip
    {
        [TestCase(';')]
        [TestCase(',')]
        public void ImportsExactlyWhatWasExported(char separator)
        {
            var result = Import(PlanCsv.Export(PlanSamples.Activities, separator));

            Assert.That(result.Errors, Is.Empty);
            PlanSamples.AssertSameActivities(result.Activities, PlanSamples.Activities);
        }

        [Test]
        public void KeepsFormulaLikeTextAsTheSameText()
        {
            var activity = new PlanActivityDraft { Phase = 1, Title = "=SUM(A1)", Description = "+1", Actors = "@iedereen", Owner = "-" };

            var result = Import(PlanCsv.Export([activity]));

            PlanSamples.AssertSameActivities(result.Activities, [activity]);
        }

        [Test]
        public void DefusesFormulasInTheExportedFile()
        {
            var text = Encoding.UTF8.GetString(PlanCsv.Export([new PlanActivityDraft { Phase = 1, Title = "=SUM(A1)" }]));

            // CsvHelper's injection guard: an apostrophe (Excel shows the cell as text), and quotes around the cell.
            Assert.That(text, Does.Contain(";\"'=SUM(A1)\";"));
        }

        [Test]
        public void WritesDutchHeadingsDutchValuesAndAByteOrderMark()
        {
            var bytes = PlanCsv.Export([PlanSamples.Activities[0] with { Description = "", Barriers = "", Facilitators = "", Preconditions = "", Actors = "" }]);

            Assert.That(bytes.Take(3), Is.EqualTo(Encoding.UTF8.Preamble.ToArray()));
            Assert.That(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), Is.EqualTo(Lines(
                PlanSamples.Headings,
                "1;Keuzehulp voorstellen aan cliënten;;cliënten;;;;;Projectleider Zoë Ünal;2021-03;gereed;2021-02-15;2021-03-31;13, 16, 17")));
        }

        [Test]
        public void QuotesDeterminantsWhenTheSeparatorIsAComma()
        {
            var text = Encoding.UTF8.GetString(PlanCsv.Export([PlanSamples.Activities[0]], ','));

            Assert.That(text, Does.EndWith(",\"13, 16, 17\"\r\n"));
        }
    }

    public sealed class Reading
    {
        [TestCase(true)]
        [TestCase(false)]
        public void ReadsUtf8WithOrWithoutByteOrderMark(bool byteOrderMark)
        {
            var result = Import(Lines(PlanSamples.Headings, "1;Gesprek met cliënten;;cliënten;;;;;;;;;;"), byteOrderMark);

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities.Single().Title, Is.EqualTo("Gesprek met cliënten"));
        }

        [Test]
        public void ReadsCommaSeparatedFiles()
        {
            var text = Lines(
                PlanSamples.Headings.Replace(';', ','),
                "2,\"Training, deel 1\",,professionals,,,,,,2021-3,bezig,2021-03-01,,\"13, 16\"");

            var result = Import(text);

            Assert.That(result.Errors, Is.Empty);
            PlanSamples.AssertSameActivities(result.Activities, [new PlanActivityDraft
            {
                Phase = 2,
                Title = "Training, deel 1",
                PlannedMonth = new YearMonth(2021, 3),
                Status = ActivityStatus.Bezig,
                StartedOn = new DateOnly(2021, 3, 1),
                Determinants = [13, 16],
            }]);
        }

        [Test]
        public void RefusesLatin1WithTheAdviceToSaveAsCsvUtf8()
        {
            var result = Import(Encoding.Latin1.GetBytes(Lines(PlanSamples.Headings, "1;Gesprek met cliënten;;cliënten;;;;;;;;;;")));

            Assert.That(result.Errors, Is.EqualTo(new[]
            {
                new ValidationError("bestand", "Het bestand is geen UTF-8. Sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)'."),
            }));
            Assert.That(result.Activities, Is.Empty);
        }

        [Test]
        public void RefusesUtf16AsNotUtf8()
        {
            var result = Import(Encoding.Unicode.GetBytes(Lines(PlanSamples.Headings, PlanSamples.Row())));

            Assert.That(result.Errors.Single().Message, Does.StartWith("Het bestand is geen UTF-8."));
        }

        [Test]
        public void MatchesHeadingsCaseInsensitivelyTrimmedAndInAnyOrder()
        {
            var headings = PlanSamples.Headings.Split(';').Select(h => "  " + h.ToUpperInvariant() + " ").Reverse();
            var cells = PlanSamples.Row().Split(';').Reverse();

            var result = Import(Lines(string.Join(';', headings), string.Join(';', cells)));

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities.Single().Title, Is.EqualTo("Training"));
        }

        [Test]
        public void IgnoresColumnsItDoesNotKnow()
        {
            var result = Import(Lines(PlanSamples.Headings + ";opmerking", PlanSamples.Row() + ";zelf toegevoegd"));

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities, Has.Count.EqualTo(1));
        }

        [Test]
        public void NamesAMissingColumn()
        {
            var headings = PlanSamples.Headings.Replace(";status", "", StringComparison.Ordinal);

            var result = Import(Lines(headings, PlanSamples.Row()));

            Assert.That(result.Errors.Single().Field, Is.EqualTo("rij 1, status"));
            Assert.That(result.Errors.Single().Message, Does.StartWith("De kolom 'status' ontbreekt."));
        }

        [Test]
        public void SaysOnceWhichHeadingsAreExpectedWhenTheFirstRowHasNone()
        {
            var result = Import(Lines("Implementatieplan Keuzehulp;;", PlanSamples.Headings, PlanSamples.Row()));

            Assert.That(result.Errors, Is.EqualTo(new[]
            {
                new ValidationError("rij 1", $"Rij 1 heeft geen kolomkoppen van het implementatieplan. De eerste rij moet deze kolomkoppen hebben: {PlanSamples.Headings.Replace(";", "; ", StringComparison.Ordinal)}."),
            }));
        }

        [Test]
        public void ReadsAHeadingRowAloneAsAnEmptyPlan()
        {
            var result = Import(Lines(PlanSamples.Headings));

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities, Is.Empty);
        }

        [Test]
        public void AcceptsClientenWithoutDiaeresisAndInCapitals()
        {
            var result = Import(Lines(PlanSamples.Headings, PlanSamples.Row("doelgroep", "Clienten"), PlanSamples.Row("doelgroep", "CLIËNTEN")));

            Assert.That(result.Activities.Select(a => a.TargetGroup), Is.EqualTo(new[] { TargetGroup.Clienten, TargetGroup.Clienten }));
        }

        [Test]
        public void ReadsAnEmptyStatusAsGepland()
        {
            var result = Import(Lines(PlanSamples.Headings, PlanSamples.Row("status", "")));

            Assert.That(result.Activities.Single().Status, Is.EqualTo(ActivityStatus.Gepland));
        }

        [Test]
        public void AcceptsStatusGereedWithoutACompletionDate()
        {
            var result = Import(Lines(PlanSamples.Headings, PlanSamples.Row("status", "gereed")));

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities.Single().CompletedOn, Is.Null);
        }

        [TestCase("13, 16, 17", new[] { 13, 16, 17 })]
        [TestCase("17,13,16", new[] { 13, 16, 17 })]
        [TestCase(" 1 ; 29 ", new[] { 1, 29 })]
        [TestCase("13, 16,", new[] { 13, 16 })]
        [TestCase("", new int[0])]
        public void ReadsDeterminantsAsAscendingNumbers(string cell, int[] expected)
        {
            var result = Import(Lines(PlanSamples.Headings, PlanSamples.Row("determinanten", $"\"{cell}\"")));

            Assert.That(result.Activities.Single().Determinants, Is.EqualTo(expected));
        }

        [Test]
        public void IgnoresEmptyRowsAtTheEnd()
        {
            var result = Import(Lines(PlanSamples.Headings, PlanSamples.Row(), ";;;;;;;;;;;;;", "", " ; "));

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities, Has.Count.EqualTo(1));
        }

        [Test]
        public void CountsRowsAsExcelShowsThemWhenACellHoldsLineBreaks()
        {
            var text = Lines(PlanSamples.Headings, PlanSamples.Row("omschrijving", "\"regel 1\r\nregel 2\nregel 3\""), PlanSamples.Row("fase", "9"));

            var result = Import(text);

            Assert.That(result.Errors.Single().Field, Is.EqualTo("rij 3, fase"));
        }

        [Test]
        public void RefusesAnEmptyFile()
        {
            var result = Import("\r\n");

            Assert.That(result.Errors.Single().Message, Does.StartWith("Het bestand is leeg"));
        }

        [Test]
        public void RefusesAQuoteThatIsNeverClosed()
        {
            var result = Import(Lines(PlanSamples.Headings, PlanSamples.Row("omschrijving", "\"nooit dicht")));

            Assert.That(result.Errors.Single(), Is.EqualTo(new ValidationError(
                "bestand", "Rij 2, regel 2: een cel begint met een aanhalingsteken (\") dat nergens wordt afgesloten.")));
        }

        [Test]
        public void AcceptsTwoThousandRows()
        {
            var result = Import(Lines([PlanSamples.Headings, .. Enumerable.Repeat(PlanSamples.Row(), 2000)]));

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities, Has.Count.EqualTo(2000));
        }

        [Test]
        public void RefusesTwoThousandAndOneRows()
        {
            var result = Import(Lines([PlanSamples.Headings, .. Enumerable.Repeat(PlanSamples.Row(), 2001)]));

            Assert.That(result.Errors.Single().Field, Is.EqualTo("bestand"));
            Assert.That(result.Errors.Single().Message, Does.StartWith("Het bestand heeft 2001 rijen; er kunnen er maximaal 2000"));
            Assert.That(result.Activities, Is.Empty);
        }

        [Test]
        public void RefusesMoreThanFiveMegabytes()
        {
            var result = Import(Lines(PlanSamples.Headings, PlanSamples.Row("omschrijving", new string('x', 5 * 1024 * 1024))));

            Assert.That(result.Errors.Single(), Is.EqualTo(new ValidationError(
                "bestand", "Het bestand is groter dan 5 MB. Splits het plan over meerdere bestanden.")));
        }
    }

    public sealed class Validation
    {
        private const string Phases = "vul een Movisie-fase in van 0 (ontwikkelen) tot en met 5 (blijven doen).";
        private const string TargetGroups = "professionals, cliënten, management, afdelingen of overig.";
        private const string Determinants = "gebruik nummers van 1 tot en met 29, gescheiden door komma's (bijvoorbeeld 13, 16, 17).";

        [TestCase("fase", "6", "'6' is geen fase: " + Phases)]
        [TestCase("fase", "-1", "'-1' is geen fase: " + Phases)]
        [TestCase("fase", "2.5", "'2.5' is geen fase: " + Phases)]
        [TestCase("fase", "twee", "'twee' is geen fase: " + Phases)]
        [TestCase("fase", "", "De fase is verplicht: " + Phases)]
        [TestCase("activiteit", "", "De kolom 'activiteit' is verplicht.")]
        [TestCase("activiteit", "   ", "De kolom 'activiteit' is verplicht.")]
        [TestCase("doelgroep", "burgers", "'burgers' is geen doelgroep: kies " + TargetGroups)]
        [TestCase("doelgroep", "", "Kies een doelgroep: " + TargetGroups)]
        [TestCase("status", "klaar", "'klaar' is geen status: kies gepland, bezig, gereed of vervallen.")]
        [TestCase("planning (maand)", "2021-13", "'2021-13' is geen maand in de vorm jjjj-mm (bijvoorbeeld 2021-03).")]
        [TestCase("planning (maand)", "maart", "'maart' is geen maand in de vorm jjjj-mm (bijvoorbeeld 2021-03).")]
        [TestCase("planning (maand)", "2021/03", "'2021/03' is geen maand in de vorm jjjj-mm (bijvoorbeeld 2021-03).")]
        [TestCase("gestart op", "15-03-2021", "'15-03-2021' is geen datum in de vorm jjjj-mm-dd (bijvoorbeeld 2021-03-15).")]
        [TestCase("gestart op", "2021-02-30", "'2021-02-30' is geen datum in de vorm jjjj-mm-dd (bijvoorbeeld 2021-03-15).")]
        [TestCase("gereed op", "2021-3-31", "'2021-3-31' is geen datum in de vorm jjjj-mm-dd (bijvoorbeeld 2021-03-15).")]
        [TestCase("gereed op", "2021-02-28", "De datum gereed op (2021-02-28) ligt vóór de datum gestart op (2021-03-01).")]
        [TestCase("determinanten", "30", "'30' is geen MIDI-determinant: " + Determinants)]
        [TestCase("determinanten", "0", "'0' is geen MIDI-determinant: " + Determinants)]
        [TestCase("determinanten", "\"13, x\"", "'x' is geen MIDI-determinant: " + Determinants)]
        [TestCase("determinanten", "\"13, 16, 13\"", "Determinant 13 staat er twee keer in.")]
        public void RefusesABadCellNamingRowAndColumnAndImportsNothing(string column, string value, string message)
        {
            var result = Import(Lines(PlanSamples.Headings, PlanSamples.Row(), PlanSamples.Row(column, value)));

            Assert.That(result.Errors, Is.EqualTo(new[] { new ValidationError($"rij 3, {column}", message) }));
            Assert.That(result.Activities, Is.Empty);
        }

        [TestCase("activiteit", 200)]
        [TestCase("omschrijving", 4000)]
        [TestCase("actoren", 4000)]
        [TestCase("belemmerende factoren", 4000)]
        [TestCase("bevorderende factoren", 4000)]
        [TestCase("randvoorwaarden", 4000)]
        [TestCase("uitvoerder/eigenaar", 4000)]
        public void RefusesTextLongerThanItsColumnAllows(string column, int maxLength)
        {
            var fits = Import(Lines(PlanSamples.Headings, PlanSamples.Row(column, new string('x', maxLength))));
            var tooLong = Import(Lines(PlanSamples.Headings, PlanSamples.Row(column, new string('x', maxLength + 1))));

            Assert.That(fits.Errors, Is.Empty);
            Assert.That(tooLong.Errors, Is.EqualTo(new[]
            {
                new ValidationError($"rij 2, {column}", $"De tekst in '{column}' is te lang: {maxLength + 1} tekens, maximaal {maxLength}."),
            }));
        }

        [Test]
        public void ListsEveryInvalidRowAndEveryBadCell()
        {
            var text = Lines(
                PlanSamples.Headings,
                PlanSamples.Row("status", "klaar"),
                PlanSamples.Row(),
                "",
                "7;;;burgers;;;;;;2021-13;;;;31");

            var result = Import(text);

            Assert.That(result.Errors.Select(e => e.Field), Is.EqualTo(new[]
            {
                "rij 2, status",
                "rij 5, fase",
                "rij 5, activiteit",
                "rij 5, doelgroep",
                "rij 5, planning (maand)",
                "rij 5, determinanten",
            }));
            Assert.That(result.Activities, Is.Empty);
            Assert.That(result.Goals, Is.Empty);
        }
    }
}
