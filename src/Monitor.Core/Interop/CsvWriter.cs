using System.Text;

namespace Monitor.Core.Interop;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte-order mark. The default separator is ';' — what Dutch Excel
/// expects on double-click and what R's read.csv2 reads; ',' is available for other tools.
/// Cells that a spreadsheet would run as a formula (=, +, -, @ first) get a leading apostrophe.
/// </summary>
public sealed class CsvWriter
{
    private readonly StringBuilder _text = new();
    private readonly char _separator;

    public CsvWriter(char separator = ';')
    {
        if (separator is not (';' or ','))
        {
            throw new ArgumentOutOfRangeException(nameof(separator), "Use ';' or ','.");
        }

        _separator = separator;
    }

    public CsvWriter Row(params IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                _text.Append(_separator);
            }

            _text.Append(Escape(cell ?? ""));
            first = false;
        }

        _text.Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public override string ToString() => _text.ToString();

    private string Escape(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([_separator, '"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
