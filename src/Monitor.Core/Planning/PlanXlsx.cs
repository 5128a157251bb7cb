using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml;
using Monitor.Core.Common;

namespace Monitor.Core.Planning;

/// <summary>
/// The implementation plan as an Excel workbook: sheet "Implementatieplan" with the same headings as
/// <see cref="PlanCsv"/> and sheet "Fasedoelen" (fase, doel). Import reads both with the checks described on
/// <see cref="PlanImportResult"/>; either sheet may be missing, not both.
/// </summary>
public static partial class PlanXlsx
{
    public const string PlanSheetName = "Implementatieplan";
    public const string GoalSheetName = "Fasedoelen";

    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;
    private const uint NumberStyle = 3;

    // Plan text packs about 3 to 5 times, so a 5 MB workbook unpacks to well under this; a zip bomb does not.
    private const long MaxCharactersInPart = 20_000_000;

    // The plan has 14 columns; cells far to the right are not part of it and are not worth keeping in memory.
    private const int MaxColumns = 256;

    // Excel's built-in number formats that show a date (d-mmm-yy and friends); others are custom formats.
    private static readonly HashSet<uint> _builtInDateFormats = [14, 15, 16, 17, 22];

    public static byte[] Export(IReadOnlyList<PlanActivityDraft> activities, IReadOnlyList<PhaseGoal> goals)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(goals);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = CreateStylesheet();
            var strings = new SharedStringWriter();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            AddSheet(workbookPart, sheets, 1, PlanSheetName, PlanTable.Headings, PlanTable.Widths, activities.Select(PlanTable.ToCells), strings);
            AddSheet(
                workbookPart,
                sheets,
                2,
                GoalSheetName,
                PlanTable.GoalHeadings,
                PlanTable.GoalWidths,
                goals.Select(g => new[] { g.Phase.ToString(CultureInfo.InvariantCulture), g.Goal }),
                strings);
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.ToTable();
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Reads a workbook written by <see cref="Export"/> or edited in Excel: text as shared or inline strings, fase
    /// as text or number, dates as text or as Excel dates; at most 5 MB and 2,000 rows per sheet.
    /// </summary>
    public static PlanImportResult Import(Stream xlsx)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        var errors = new List<ValidationError>();
        var bytes = PlanTable.ReadAll(xlsx, errors);
        if (bytes is null)
        {
            return PlanImportResult.From([], [], errors);
        }

        List<PlanTableRow>? planRows;
        List<PlanTableRow>? goalRows;
        try
        {
            (planRows, goalRows) = ReadSheets(bytes);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException
            or InvalidOperationException or ArgumentException)
        {
            // A damaged package surfaces as any of these: System.IO.Packaging throws InvalidOperationException for a
            // listed part that is missing and ArgumentException for a malformed content type or part name.
            return PlanImportResult.Refused(new(
                PlanTable.FileField,
                "Het bestand is geen leesbaar Excel-werkboek (.xlsx). Sla het in Excel op als 'Excel-werkmap (*.xlsx)'."));
        }

        if (planRows is null && goalRows is null)
        {
            return PlanImportResult.Refused(new(
                PlanTable.FileField,
                $"Het werkboek heeft geen werkblad '{PlanSheetName}' of '{GoalSheetName}'. Begin met een export uit de monitor of geef de werkbladen deze namen."));
        }

        var activities = planRows is null ? [] : PlanTable.ReadActivities(planRows, "", errors);
        var goals = goalRows is null ? [] : PlanTable.ReadGoals(goalRows, $"{GoalSheetName}, ", errors);
        return PlanImportResult.From(activities, goals, errors);
    }

    /// <summary>The rows of both sheets as text, null for a sheet the workbook does not have.</summary>
    private static (List<PlanTableRow>? Plan, List<PlanTableRow>? Goals) ReadSheets(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
        if (document.WorkbookPart is not { } workbookPart)
        {
            return (null, null);
        }

        var sheets = workbookPart.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        var planSheet = sheets.Find(s => IsNamed(s, PlanSheetName));
        var goalSheet = sheets.Find(s => IsNamed(s, GoalSheetName));
        var cells = new CellReader(workbookPart);
        return (
            planSheet is null ? null : ReadRows(workbookPart, planSheet, cells),
            goalSheet is null ? null : ReadRows(workbookPart, goalSheet, cells));
    }

    private static bool IsNamed(Sheet sheet, string name) =>
        string.Equals(sheet.Name?.Value?.Trim(), name, StringComparison.OrdinalIgnoreCase);

    private static void AddSheet(
        WorkbookPart workbookPart,
        Sheets sheets,
        uint sheetId,
        string name,
        IReadOnlyList<string> headings,
        IReadOnlyList<double> widths,
        IEnumerable<string[]> rows,
        SharedStringWriter strings)
    {
        var sheetData = new SheetData();
        sheetData.Append(CreateRow(1, headings, strings, header: true));
        uint number = 2;
        foreach (var row in rows)
        {
            sheetData.Append(CreateRow(number++, row, strings, header: false));
        }

        // The first column (fase) is a number; every other column is formatted as text, so that what people
        // type in Excel later ("2021-03", "13, 16") stays as typed instead of becoming a date or a number.
        var columns = new Columns(widths.Select((width, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = width,
            CustomWidth = true,
            Style = i == 0 ? NumberStyle : TextStyle,
        }));

        var frozenHeader = new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        {
            WorkbookViewId = 0,
            TabSelected = sheetId == 1,
        });

        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        worksheetPart.Worksheet = new Worksheet(frozenHeader, columns, sheetData);
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId, Name = name });
    }

    private static Row CreateRow(uint number, IReadOnlyList<string> values, SharedStringWriter strings, bool header)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < values.Count; i++)
        {
            var reference = ColumnName(i) + number.ToString(CultureInfo.InvariantCulture);
            if (header)
            {
                row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.Index(values[i])), StyleIndex = HeaderStyle });
            }
            else if (i == 0)
            {
                row.Append(new Cell { CellReference = reference, CellValue = new CellValue(values[i]), StyleIndex = NumberStyle });
            }
            else if (values[i].Length > 0)
            {
                row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.Index(values[i])), StyleIndex = TextStyle });
            }
        }

        return row;
    }

    private static Stylesheet CreateStylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            {
                // 49 is Excel's built-in text format "@".
                NumberFormatId = 49,
                FontId = 0,
                FillId = 0,
                BorderId = 0,
                ApplyNumberFormat = true,
                ApplyAlignment = true,
            },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
            {
                NumberFormatId = 0,
                FontId = 0,
                FillId = 0,
                BorderId = 0,
                ApplyAlignment = true,
            })
        { Count = 4 });

    private static List<PlanTableRow> ReadRows(WorkbookPart workbookPart, Sheet sheet, CellReader cells)
    {
        var rows = new List<PlanTableRow>();
        if (sheet.Id?.Value is not { } id || !workbookPart.TryGetPartById(id, out var found) || found is not WorksheetPart part
            || part.Worksheet?.GetFirstChild<SheetData>() is not { } sheetData)
        {
            return rows;
        }

        var previousRow = 0;
        foreach (var row in sheetData.Elements<Row>())
        {
            var number = row.RowIndex?.Value is { } index ? (int)index : previousRow + 1;
            previousRow = number;
            var values = new List<string>();
            var previousColumn = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : previousColumn + 1;
                previousColumn = column;
                if (column is < 0 or >= MaxColumns)
                {
                    continue;
                }

                while (values.Count <= column)
                {
                    values.Add("");
                }

                values[column] = cells.Text(cell);
            }

            rows.Add(new PlanTableRow(number, values));
        }

        return rows;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
    }

    /// <summary>"C7" → 2; -1 when the reference does not start with a column.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c) || letters == 3)
            {
                break;
            }

            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
        }

        return index - 1;
    }

    /// <summary>
    /// Excel's escape for text that XML would drop or change (ECMA-376 ST_Xstring): a carriage return or a
    /// control character becomes _x000D_ and so on, and an underscore that would start such an escape becomes
    /// _x005F_. Without it "\r\n" typed in the web form comes back as "\n" and a stray control character
    /// makes the export fail.
    /// </summary>
    private static string Escape(string text)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = null;
            if (c == '_' && StartsAnEscape(text.AsSpan(i)))
            {
                replacement = "_x005F_";
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                escaped?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            else if (c == '\r' || !XmlConvert.IsXmlChar(c))
            {
                replacement = string.Create(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
            }

            if (replacement is null)
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(text, 0, i, text.Length + 16);
            escaped.Append(replacement);
        }

        return escaped?.ToString() ?? text;
    }

    private static bool StartsAnEscape(ReadOnlySpan<char> text) =>
        text.Length >= 7 && text[1] == 'x' && text[6] == '_' && char.IsAsciiHexDigit(text[2]) && char.IsAsciiHexDigit(text[3])
        && char.IsAsciiHexDigit(text[4]) && char.IsAsciiHexDigit(text[5]);

    private static string Unescape(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? EscapePattern().Replace(text, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex EscapePattern();

    /// <summary>Collects the workbook's strings once; Excel itself stores text this way.</summary>
    private sealed class SharedStringWriter
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
        private readonly List<string> _strings = [];

        public string Index(string text)
        {
            text = Escape(text);
            if (!_indexes.TryGetValue(text, out var index))
            {
                index = _strings.Count;
                _indexes.Add(text, index);
                _strings.Add(text);
            }

            return index.ToString(CultureInfo.InvariantCulture);
        }

        public SharedStringTable ToTable() => new(
            _strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Count = (uint)_strings.Count,
            UniqueCount = (uint)_strings.Count,
        };
    }

    /// <summary>Turns a cell into the text a person sees, looking up shared strings and date formats once.</summary>
    private sealed class CellReader
    {
        private readonly List<string> _sharedStrings;
        private readonly HashSet<uint> _dateStyles = [];

        public CellReader(WorkbookPart workbookPart)
        {
            _sharedStrings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];
            var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
            var customDateFormats = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
                .Where(f => f.NumberFormatId?.Value is not null && IsDateFormatCode(f.FormatCode?.Value))
                .Select(f => f.NumberFormatId!.Value)
                .ToHashSet() ?? [];
            var styleIndex = 0u;
            foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
            {
                var formatId = format.NumberFormatId?.Value ?? 0;
                if (_builtInDateFormats.Contains(formatId) || customDateFormats.Contains(formatId))
                {
                    _dateStyles.Add(styleIndex);
                }

                styleIndex++;
            }
        }

        public string Text(Cell cell)
        {
            var value = cell.CellValue?.Text ?? "";
            // Open XML SDK 3 made CellValues a struct (no constants to switch on), so this compares.
            var type = cell.DataType?.Value;
            if (type == CellValues.InlineString)
            {
                return ItemText(cell.InlineString);
            }

            if (type == CellValues.SharedString)
            {
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Count
                    ? _sharedStrings[index]
                    : "";
            }

            if (type == CellValues.Date)
            {
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : value;
            }

            if (type is null || type == CellValues.Number)
            {
                // Excel keeps a date as a day count and shows it as a date through the cell's number format.
                return cell.StyleIndex?.Value is { } style && _dateStyles.Contains(style)
                    && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var days)
                    && days is > 0 and < 2958466
                    ? DateTime.FromOADate(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : value;
            }

            return value;
        }

        private static string ItemText(RstType? item) =>
            item is null ? "" : Unescape(item.Text is { } text ? text.Text : string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));

        /// <summary>A custom format shows a date when it has day or year codes outside quoted text and [sections].</summary>
        private static bool IsDateFormatCode(string? code)
        {
            if (code is null)
            {
                return false;
            }

            var inQuotes = false;
            var inBrackets = false;
            foreach (var c in code)
            {
                if (c == '"')
                {
                    inQuotes = !inQuotes;
                }
                else if (!inQuotes && c is '[' or ']')
                {
                    inBrackets = c == '[';
                }
                else if (!inQuotes && !inBrackets && c is 'd' or 'D' or 'y' or 'Y')
                {
                    return true;
                }
            }

            return false;
        }
    }
}
