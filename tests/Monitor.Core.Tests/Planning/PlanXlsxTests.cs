using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Monitor.Core.Common;
using Monitor.Core.Planning;

namespace Monitor.Core.Tests.Planning;

public sealed class PlanXlsxTests
{
    private static readonly object?[] _headings = PlanSamples.Headings.Split(';');
    private static readonly object?[] _goalHeadings = ["fase", "doel"];

    private static PlanImportResult Import(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return PlanXlsx.Import(stream);
    }

    /// <summary>A valid activity row; cells after fase are strings, so the caller decides how fase is stored.</summary>
    private static object?[] Activity(object? phase, string title = "Training", string plannedMonth = "2021-03") =>
        [phase, title, null, "professionals", null, null, null, null, null, plannedMonth, "bezig", null, null, "13, 16"];

    public sealed class RoundTrip
    {
        [Test]
        public void ImportsExactlyTheActivitiesAndGoalsThatWereExported()
        {
            var result = Import(PlanXlsx.Export(PlanSamples.Activities, PlanSamples.Goals));

            Assert.That(result.Errors, Is.Empty);
            PlanSamples.AssertSameActivities(result.Activities, PlanSamples.Activities);
            Assert.That(result.Goals, Is.EqualTo(PlanSamples.Goals));
        }

        [Test]
        public void ImportsAnEmptyPlanWithoutGoalsAsEmpty()
        {
            var result = Import(PlanXlsx.Export([], []));

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities, Is.Empty);
            Assert.That(result.Goals, Is.Empty);
        }

        [Test]
        public void ImportsGoalsWithoutActivities()
        {
            var result = Import(PlanXlsx.Export([], PlanSamples.Goals));

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities, Is.Empty);
            Assert.That(result.Goals, Is.EqualTo(PlanSamples.Goals));
        }

        [TestCase("regel 1\r\nregel 2\rregel 3")]
        [TestCase("bel\u0007 \U0001F600 terug\u001F")]
        [TestCase("letterlijk _x000D_ en _x005F_ en _x12")]
        [TestCase("_")]
        public void KeepsTextThatXmlWouldChangeUsingExcelsEscapes(string text)
        {
            var result = Import(PlanXlsx.Export([new PlanActivityDraft { Phase = 1, Title = "t", Description = text }], []));

            Assert.That(result.Activities.Single().Description, Is.EqualTo(text));
        }

        [Test]
        public void RefusesTwoThousandAndOneRows()
        {
            var activities = Enumerable.Repeat(PlanSamples.Activities[0], 2001).ToList();

            var result = Import(PlanXlsx.Export(activities, []));

            Assert.That(result.Errors.Single().Message, Does.StartWith("Het bestand heeft 2001 rijen"));
            Assert.That(result.Activities, Is.Empty);
        }
    }

    public sealed class Exported
    {
        [Test]
        public void PassesTheOpenXmlSchemaValidator()
        {
            using var document = Open(PlanXlsx.Export(PlanSamples.Activities, PlanSamples.Goals));

            var problems = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}");

            Assert.That(problems, Is.Empty);
        }

        [Test]
        public void HasThePlanSheetThenTheGoalSheet()
        {
            using var document = Open(PlanXlsx.Export(PlanSamples.Activities, PlanSamples.Goals));

            var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value);

            Assert.That(names, Is.EqualTo(new[] { "Implementatieplan", "Fasedoelen" }));
        }

        [Test]
        public void HasTheCsvHeadingsInBoldAndAWidthForEveryColumn()
        {
            using var document = Open(PlanXlsx.Export(PlanSamples.Activities, PlanSamples.Goals));
            var workbookPart = document.WorkbookPart!;
            var strings = workbookPart.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
            var worksheet = ((WorksheetPart)workbookPart.GetPartById(workbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;
            var header = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().First().Elements<Cell>().ToList();
            var formats = workbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
            var fonts = workbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ToList();

            Assert.That(header.Select(c => strings[int.Parse(c.CellValue!.Text)]), Is.EqualTo(_headings));
            Assert.That(header.Select(c => fonts[(int)formats[(int)c.StyleIndex!.Value].FontId!.Value].Bold), Is.All.Not.Null);
            Assert.That(worksheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value), Has.Exactly(14).GreaterThan(5));
        }

        [Test]
        public void StoresFaseAsANumber()
        {
            using var document = Open(PlanXlsx.Export([PlanSamples.Activities[0]], []));
            var workbookPart = document.WorkbookPart!;
            var worksheet = ((WorksheetPart)workbookPart.GetPartById(workbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;

            var fase = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ElementAt(1).Elements<Cell>().First();

            Assert.That(fase.DataType, Is.Null);
            Assert.That(fase.CellValue!.Text, Is.EqualTo("1"));
        }

        private static SpreadsheetDocument Open(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), false);
    }

    public sealed class Reading
    {
        [Test]
        public void ReadsInlineStringsAndNumericFaseCells()
        {
            var bytes = TestWorkbook.Create([("Implementatieplan", [_headings, Activity(3), Activity(2.0), Activity("4")])]);

            var result = Import(bytes);

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities.Select(a => a.Phase), Is.EqualTo(new[] { 3, 2, 4 }));
            Assert.That(result.Activities[0].Determinants, Is.EqualTo(new[] { 13, 16 }));
        }

        [Test]
        public void ReadsSharedStrings()
        {
            var bytes = TestWorkbook.Create(
                [("Implementatieplan", [_headings, Activity(1, "Gesprek met cliënten")]), ("Fasedoelen", [_goalHeadings, [0, "Weten wat er speelt"]])],
                sharedStrings: true);

            var result = Import(bytes);

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities.Single().Title, Is.EqualTo("Gesprek met cliënten"));
            Assert.That(result.Goals, Is.EqualTo(new[] { new PhaseGoal(0, "Weten wat er speelt") }));
        }

        [Test]
        public void ReadsCellsWithoutCellReferencesInOrder()
        {
            var row = Activity(1).Select(c => c ?? "").ToArray();

            var result = Import(TestWorkbook.Create([("Implementatieplan", [_headings, row])], cellReferences: false));

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities.Single().Status, Is.EqualTo(ActivityStatus.Bezig));
        }

        [Test]
        public void DecodesTheEscapesExcelWritesForCarriageReturns()
        {
            var bytes = TestWorkbook.Create([("Implementatieplan", [_headings, Activity(1, "regel 1_x000D_\nregel 2 _x005F_x0041_")])], sharedStrings: true);

            var result = Import(bytes);

            Assert.That(result.Activities.Single().Title, Is.EqualTo("regel 1\r\nregel 2 _x0041_"));
        }

        [Test]
        public void ReadsDatesThatExcelStoresAsDayCounts()
        {
            var row = Activity(1);
            row[11] = new DateOnly(2021, 3, 1);
            row[12] = new DateOnly(2021, 4, 30);

            var result = Import(TestWorkbook.Create([("Implementatieplan", [_headings, row])]));

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities.Single().StartedOn, Is.EqualTo(new DateOnly(2021, 3, 1)));
            Assert.That(result.Activities.Single().CompletedOn, Is.EqualTo(new DateOnly(2021, 4, 30)));
        }

        [Test]
        public void ReadsAnEmptyPlanSheetAsNoActivities()
        {
            var bytes = TestWorkbook.Create([("Implementatieplan", []), ("Fasedoelen", [_goalHeadings, [3, "Willen"]])]);

            var result = Import(bytes);

            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Activities, Is.Empty);
            Assert.That(result.Goals, Is.EqualTo(new[] { new PhaseGoal(3, "Willen") }));
        }

        [Test]
        public void FindsSheetsWhateverTheirCase()
        {
            var result = Import(TestWorkbook.Create([("Blad1", []), ("IMPLEMENTATIEPLAN", [_headings, Activity(1)])]));

            Assert.That(result.Activities, Has.Count.EqualTo(1));
        }

        [Test]
        public void NamesRowAndColumnOfABadActivityCountingEmptyRowsAsExcelDoes()
        {
            var bytes = TestWorkbook.Create(
                [("Implementatieplan", [_headings, Activity(1), [], Activity(2, plannedMonth: "2021-13")]), ("Fasedoelen", [_goalHeadings, [0, "Weten"]])]);

            var result = Import(bytes);

            Assert.That(result.Errors, Is.EqualTo(new[]
            {
                new ValidationError("rij 4, planning (maand)", "'2021-13' is geen maand in de vorm jjjj-mm (bijvoorbeeld 2021-03)."),
            }));
            Assert.That(result.Activities, Is.Empty);
            Assert.That(result.Goals, Is.Empty);
        }

        [TestCase(8, "Willen", "Fasedoelen, rij 3, fase")]
        [TestCase(3, "", "Fasedoelen, rij 3, doel")]
        public void NamesSheetRowAndColumnOfABadGoal(object phase, string goal, string field)
        {
            var bytes = TestWorkbook.Create([("Fasedoelen", [_goalHeadings, [0, "Weten"], [phase, goal]])]);

            var result = Import(bytes);

            Assert.That(result.Errors.Select(e => e.Field), Is.EqualTo(new[] { field }));
            Assert.That(result.Goals, Is.Empty);
        }

        [Test]
        public void NamesAMissingGoalColumn()
        {
            var result = Import(TestWorkbook.Create([("Fasedoelen", [["fase", "omschrijving"], [0, "Weten"]])]));

            Assert.That(result.Errors.Single().Field, Is.EqualTo("Fasedoelen, rij 1, doel"));
        }

        [Test]
        public void RefusesAWorkbookWithoutPlanOrGoalSheet()
        {
            var result = Import(TestWorkbook.Create([("Blad1", [_headings, Activity(1)])]));

            Assert.That(result.Errors.Single().Message, Does.StartWith("Het werkboek heeft geen werkblad 'Implementatieplan' of 'Fasedoelen'."));
        }

        [Test]
        public void RefusesACsvFileAsNotAWorkbook()
        {
            var result = Import(PlanCsv.Export(PlanSamples.Activities));

            Assert.That(result.Errors, Is.EqualTo(new[]
            {
                new ValidationError("bestand", "Het bestand is geen leesbaar Excel-werkboek (.xlsx). Sla het in Excel op als 'Excel-werkmap (*.xlsx)'."),
            }));
        }

        [Test]
        public void RefusesADamagedWorkbook()
        {
            var bytes = PlanXlsx.Export(PlanSamples.Activities, PlanSamples.Goals)[..2000];

            var result = Import(bytes);

            Assert.That(result.Errors.Single().Field, Is.EqualTo("bestand"));
        }
    }
}
