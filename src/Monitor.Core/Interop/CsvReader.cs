using System.Text;

namespace Monitor.Core.Interop;

/// <summary>
/// Reads RFC 4180 CSV as <see cref="CsvWriter"/> writes it: quoted cells may hold separators, doubled quotes
/// and line breaks; records end at CRLF, LF or CR. The apostrophe that <see cref="CsvWriter"/> puts before
/// formula-like cells is taken off again, but only there, so "'s-Hertogenbosch" keeps its apostrophe.
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
        var records = new List<IReadOnlyList<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                i++;
                continue;
            }

            if (c == separator)
            {
                record.Add(Restore(cell));
            }
            else if (c is '\r' or '\n')
            {
                record.Add(Restore(cell));
                records.Add(record);
                record = [];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else
            {
                // A stray quote inside an unquoted cell is kept as text, as Excel does.
                cell.Append(c);
            }

            i++;
        }

        if (quoted)
        {
            throw new FormatException(
                $"Rij {records.Count + 1}: een cel begint met een aanhalingsteken (\") dat nergens wordt afgesloten.");
        }

        if (cell.Length > 0 || record.Count > 0)
        {
            record.Add(Restore(cell));
            records.Add(record);
        }

        return records;
    }

    /// <summary>Takes off the apostrophe <see cref="CsvWriter"/> adds before =, +, -, @, tab and carriage return.</summary>
    public static string RestoreDefusedFormula(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r'
            ? cell[1..]
            : cell;
    }

    private static string Restore(StringBuilder cell)
    {
        var value = RestoreDefusedFormula(cell.ToString());
        cell.Clear();
        return value;
    }
}
