using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Monitor.Core.Tests.Planning;

/// <summary>
/// Builds workbooks the way other tools write them, to feed PlanXlsx.Import: strings inline or shared,
/// numbers as numeric cells, dates as day counts with Excel's date format, no cell references when asked.
/// </summary>
internal static class TestWorkbook
{
    private const uint DateStyle = 1;

    public static byte[] Create(IEnumerable<(string Name, object?[][] Rows)> sheets, bool sharedStrings = false, bool cellReferences = true)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var table = new SharedStringTable();
            uint sheetId = 1;
            foreach (var (name, rows) in sheets)
            {
                var sheetData = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        if (rows[r][c] is not { } value)
                        {
                            continue;
                        }

                        var cell = Cell(value, sharedStrings, table);
                        if (cellReferences)
                        {
                            cell.CellReference = $"{(char)('A' + c)}{r + 1}";
                        }

                        row.Append(cell);
                    }

                    sheetData.Append(row);
                }

                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = new Worksheet(sheetData);
                workbookPart.Workbook.Sheets!.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = name });
            }

            if (sharedStrings)
            {
                workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = table;
            }

            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Cell Cell(object value, bool sharedStrings, SharedStringTable table)
    {
        switch (value)
        {
            case string text when sharedStrings:
                table.Append(new SharedStringItem(new Text(text)));
                return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue((table.ChildElements.Count - 1).ToString(CultureInfo.InvariantCulture)) };
            case string text:
                return new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
            case DateOnly date:
                return new Cell
                {
                    CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                    StyleIndex = DateStyle,
                };
            case IFormattable number:
                return new Cell { CellValue = new CellValue(number.ToString(null, CultureInfo.InvariantCulture)) };
            default:
                throw new ArgumentException($"No cell for {value.GetType()}.", nameof(value));
        }
    }
}
