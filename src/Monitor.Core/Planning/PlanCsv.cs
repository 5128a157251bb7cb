using System.Text;
using Monitor.Core.Common;
using Monitor.Core.Interop;

namespace Monitor.Core.Planning;

/// <summary>
/// The implementation plan as CSV with Dutch headings (fase; activiteit; … ; determinanten), written by
/// <see cref="CsvWriter"/> (UTF-8 with BOM, ';' by default) and read back with the checks described on
/// <see cref="PlanImportResult"/>. CSV has no room for phase goals; use <see cref="PlanXlsx"/> for those.
/// </summary>
public static class PlanCsv
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Export(IReadOnlyList<PlanActivityDraft> activities, char separator = ';')
    {
        ArgumentNullException.ThrowIfNull(activities);
        var csv = new CsvWriter(separator).Row(PlanTable.Headings);
        foreach (var activity in activities)
        {
            csv.Row(PlanTable.ToCells(activity));
        }

        return csv.ToBytes();
    }

    /// <summary>
    /// Reads a plan written by <see cref="Export"/> or by Excel ("CSV UTF-8"): ';' or ',' as found in the heading
    /// row, UTF-8 with or without BOM, at most 5 MB and 2,000 rows.
    /// </summary>
    public static PlanImportResult Import(Stream csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var errors = new List<ValidationError>();
        var bytes = PlanTable.ReadAll(csv, errors);
        if (bytes is null)
        {
            return PlanImportResult.From([], [], errors);
        }

        if (!TryDecode(bytes, out var text))
        {
            return PlanImportResult.Refused(new(
                PlanTable.FileField,
                "Het bestand is geen UTF-8. Sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)'."));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return PlanImportResult.Refused(new(
                PlanTable.FileField, "Het bestand is leeg: de eerste rij moet de kolomkoppen bevatten."));
        }

        IReadOnlyList<IReadOnlyList<string>> records;
        try
        {
            records = CsvReader.Read(text, CsvReader.DetectSeparator(text));
        }
        catch (FormatException e)
        {
            return PlanImportResult.Refused(new(PlanTable.FileField, e.Message));
        }

        var rows = records.Select((cells, index) => new PlanTableRow(index + 1, cells)).ToList();
        var activities = PlanTable.ReadActivities(rows, "", errors);
        return PlanImportResult.From(activities, [], errors);
    }

    internal static bool TryDecode(byte[] bytes, out string text)
    {
        var preamble = Encoding.UTF8.Preamble;
        var start = bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        try
        {
            text = _strictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }

        // UTF-16 text of plain letters is valid UTF-8 byte for byte, but full of NUL characters.
        return !text.Contains('\0', StringComparison.Ordinal);
    }
}
