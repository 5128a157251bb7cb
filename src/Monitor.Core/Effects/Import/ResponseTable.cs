using Monitor.Core.Common;
using Monitor.Core.Interop;
using Monitor.Core.Planning;

namespace Monitor.Core.Effects.Import;

/// <summary>A row of an uploaded table with its number as the spreadsheet shows it (the header is row 1).</summary>
public sealed record ImportRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column < Cells.Count ? Cells[column].Trim() : "";
}

/// <summary>
/// An export of another survey tool (Survalyzer, …) as uploaded: CSV (UTF-8, ';' or ',', read with <see cref="CsvReader"/>)
/// or the first sheet of an XLSX workbook (read like the plan import, <see cref="PlanXlsx"/>). The first non-empty row holds
/// the column headings; empty rows are left out. At most 5 MB and 10 000 rows.
/// </summary>
public sealed record ResponseTable(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 10_000;

    /// <exception cref="ValidationException">Too large, not CSV or XLSX, unreadable, or without headings and rows (Dutch message).</exception>
    public static ResponseTable Read(string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > MaxBytes)
        {
            throw Refused("Het bestand is groter dan 5 MB. Splits de antwoorden over meerdere bestanden.");
        }

        IReadOnlyList<IReadOnlyList<string>> records;
        switch (Path.GetExtension(fileName).ToLowerInvariant())
        {
            case ".csv":
                if (!PlanCsv.TryDecode(bytes, out var text))
                {
                    throw Refused("Het bestand is geen UTF-8. Sla het op als 'CSV UTF-8 (door komma's gescheiden)'.");
                }

                try
                {
                    records = CsvReader.Read(text, CsvReader.DetectSeparator(text));
                }
                catch (FormatException e)
                {
                    throw Refused(e.Message);
                }

                break;
            case ".xlsx":
                records = PlanXlsx.ReadFirstSheet(bytes)?.Select(r => r.Cells).ToList()
                    ?? throw Refused("Het bestand is geen leesbaar Excel-werkboek (.xlsx). Sla het in Excel op als 'Excel-werkmap (*.xlsx)'.");
                break;
            default:
                throw Refused("Kies een CSV-bestand (.csv) of een Excel-werkboek (.xlsx).");
        }

        var rows = records.Select((cells, i) => new ImportRow(i + 1, cells)).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count < 2)
        {
            throw Refused("Het bestand heeft geen antwoorden: de eerste rij bevat de kolomkoppen, de rijen daarna de antwoorden.");
        }

        if (rows.Count - 1 > MaxRows)
        {
            throw Refused($"Het bestand heeft {rows.Count - 1} rijen; er kunnen er hooguit {MaxRows} tegelijk worden ingelezen.");
        }

        return new ResponseTable([.. rows[0].Cells.Select(c => c.Trim())], rows[1..]);
    }

    private static ValidationException Refused(string message) => new([new ValidationError("file", message)]);
}
