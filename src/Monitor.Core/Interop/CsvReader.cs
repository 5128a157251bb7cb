using System.Globalization;

namespace Monitor.Core.Interop;

/// <summary>
/// Reads the CSV files people upload, with CsvHelper: quoted cells may hold separators, doubled quotes and line
/// breaks; records end at CRLF, LF or CR; a stray quote inside an unquoted cell is kept as text, as Excel does.
/// A quoted cell that is never closed is refused with a Dutch message naming the row and the line. The apostrophe
/// that <see cref="CsvWriter"/> puts before formula-like cells is taken off again, but only there, so
/// "'s-Hertogenbosch" keeps its apostrophe.
/// </summary>
public static class CsvReader
{
    /// <summary>';' unless the first line holds more commas than semicolons.</summary>
    public static char DetectSeparator(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        var firstLine = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        return firstLine.Count(',') > firstLine.Count(';') ? ',' : ';';
    }

    /// <summary>
    /// Splits <paramref name="text"/> into records of cells. A line break after the last record does not
    /// make an extra record; an empty line in between is a record with one empty cell.
    /// </summary>
    /// <exception cref="FormatException">A quoted cell is not closed before the end of the text (Dutch message).</exception>
    public static IReadOnlyList<IReadOnlyList<string>> Read(string text, char separator)
    {
        ArgumentNullException.ThrowIfNull(text);
        CsvHelper.CsvMalformedRecord? unclosed = null;
        var options = CsvHelper.CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = false,
            SkipEmptyLines = false,
            DetectSeparatorHint = false,
            TrackLineNumbers = true,
            // Recover keeps a stray quote as text; only a quote that is never closed is refused, below.
            MalformedData = CsvHelper.CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => unclosed ??= record.Reason == CsvHelper.CsvMalformedReason.UnterminatedQuote ? record : null,
            FormatProvider = CultureInfo.InvariantCulture,
        };

        var records = new List<IReadOnlyList<string>>();
        using (var csv = CsvHelper.CsvReader.FromText(text, options))
        {
            while (csv.Read())
            {
                var record = new string[csv.FieldCount];
                for (var i = 0; i < record.Length; i++)
                {
                    record[i] = RestoreDefusedFormula(csv.GetString(i));
                }

                records.Add(record);
            }
        }

        if (unclosed is { } bad)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"Rij {bad.RecordNumber}, regel {bad.LineNumber}: een cel begint met een aanhalingsteken (\") dat nergens wordt afgesloten."));
        }

        return records;
    }

    /// <summary>Takes off the apostrophe <see cref="CsvWriter"/> adds before =, +, -, @, tab and carriage return.</summary>
    public static string RestoreDefusedFormula(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == '\'' && CsvWriter.DefusedFirstCharacters.Contains(cell[1], StringComparison.Ordinal)
            ? cell[1..]
            : cell;
    }
}
