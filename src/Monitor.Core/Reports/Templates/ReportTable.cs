using Monitor.Core.Charts;

namespace Monitor.Core.Reports.Templates;

/// <summary>
/// A table for a <c>{{tabel KEY}}</c> placeholder or the numbers of a chart. Cells are plain text (escaped
/// when written); rows shorter or longer than <paramref name="Headers"/> are padded with empty cells.
/// <paramref name="EmptyText"/> (plain text) replaces the table when it has no rows.
/// </summary>
public sealed record ReportTable(
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Caption = null,
    string? EmptyText = null)
{
    /// <summary>The data table of a chart spec (<c>BarChartSpec.ToTable()</c> and the like), caption included.</summary>
    public static ReportTable From(ChartTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new ReportTable(table.Headers, table.Rows, table.Caption);
    }
}
