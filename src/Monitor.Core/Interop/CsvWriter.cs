using System.Globalization;
using System.Text;

namespace Monitor.Core.Interop;

/// <summary>
/// The app's CSV exports, written by CsvHelper: RFC 4180 in UTF-8 with a byte-order mark. The default separator is
/// ';' — what Dutch Excel expects on double-click and what R's read.csv2 reads; ',' is available for other tools.
/// Cells that a spreadsheet would run as a formula (=, +, -, @, tab or CR first) get a leading apostrophe and
/// quotes (CsvHelper's injection guard); <see cref="CsvReader"/> takes the apostrophe off again.
/// </summary>
public sealed class CsvWriter
{
    private readonly List<string?[]> _rows = [];
    private readonly CsvHelper.CsvWriterOptions _options;

    public CsvWriter(char separator = ';')
    {
        if (separator is not (';' or ','))
        {
            throw new ArgumentOutOfRangeException(nameof(separator), "Use ';' or ','.");
        }

        _options = CsvHelper.CsvWriterOptions.Default with
        {
            Separator = separator,
            NewLine = "\r\n",
            Injection = CsvHelper.CsvInjection.Escape,
            InjectionCharacters = DefusedFirstCharacters,
            InjectionEscape = '\'',
            // Exports are tables, but nothing here depends on every row having the same width.
            ValidateFieldCount = false,
            FormatProvider = CultureInfo.InvariantCulture,
        };
    }

    /// <summary>The first characters that make a spreadsheet run a cell as a formula (OWASP's list).</summary>
    internal const string DefusedFirstCharacters = "=+-@\t\r";

    public CsvWriter Row(params IEnumerable<string?> cells)
    {
        _rows.Add([.. cells]);
        return this;
    }

    /// <summary>The file as Excel opens it on double-click: UTF-8 with a byte-order mark.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var csv = CsvHelper.CsvWriter.Create(stream, _options with { WriteByteOrderMark = true }, leaveOpen: true))
        {
            WriteRows(csv);
        }

        return stream.ToArray();
    }

    /// <summary>The text of the file, without the byte-order mark.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        using (var csv = CsvHelper.CsvWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), _options))
        {
            WriteRows(csv);
        }

        return text.ToString();
    }

    private void WriteRows(CsvHelper.CsvWriter csv)
    {
        foreach (var row in _rows)
        {
            csv.WriteRecord(row);
        }
    }
}
