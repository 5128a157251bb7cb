using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Monitor.Core.Planning;

public static partial class PlanXlsx
{
    /// <summary>
    /// The first sheet of any workbook as rows of text, read the way the plan import reads its sheets (shared and inline
    /// strings, dates as yyyy-MM-dd); null when the file is not a readable workbook. For other imports of tables, such as
    /// the survey responses exported by another survey tool.
    /// </summary>
    internal static IReadOnlyList<PlanTableRow>? ReadFirstSheet(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            if (document.WorkbookPart is not { } workbookPart || workbookPart.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() is not { } sheet)
            {
                return null;
            }

            return ReadRows(workbookPart, sheet, new CellReader(workbookPart));
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
