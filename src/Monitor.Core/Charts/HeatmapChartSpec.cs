using System.Globalization;

namespace Monitor.Core.Charts;

/// <summary>
/// A heatmap as pure data: a grid of rows by columns in which each filled cell is shaded by its value, from
/// very light at 0 to dark at the largest value; cells without a <see cref="HeatmapCell"/> stay blank.
/// Used for determinants per phase.
/// </summary>
public sealed record HeatmapChartSpec : ChartSpec
{
    /// <summary>The labels left of the rows, top to bottom.</summary>
    public IReadOnlyList<string> Rows { get; init; } = [];

    /// <summary>The labels above the columns, left to right.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The filled cells, at most one per row and column.</summary>
    public IReadOnlyList<HeatmapCell> Cells { get; init; } = [];

    /// <summary>A .NET numeric format for the values in the cells, the legend and the table; "0" for counts.</summary>
    public string ValueFormat { get; init; } = "0";

    /// <summary>Culture for the values; null means Dutch notation (decimal comma) without depending on the machine's culture data.</summary>
    public CultureInfo? Culture { get; init; }

    /// <summary>The heading above the row labels in the table, for example "Determinant"; empty by default.</summary>
    public string RowHeader { get; init; } = "";

    /// <summary>The grid as a table: headings <see cref="RowHeader"/> and the column labels; one row per row label, "" for blank cells.</summary>
    /// <exception cref="ArgumentException">A cell lies outside the grid, shares its place with another, or has a negative or non-finite value.</exception>
    public override ChartTable ToTable()
    {
        var grid = Grid();
        return new ChartTable
        {
            Caption = Title,
            Headers = [ChartText.Clean(RowHeader), .. Columns.Select(ChartText.Clean)],
            Rows = [.. Rows.Select((row, r) => (IReadOnlyList<string>)
                [ChartText.Clean(row), .. Columns.Select((_, c) => grid[r, c] is { } cell ? CellText(cell) : "")])],
        };
    }

    internal string FormatValue(double value) => value.ToString(ValueFormat, (IFormatProvider?)Culture ?? ChartText.DutchNumbers);

    internal string CellText(HeatmapCell cell) => cell.Label is null ? FormatValue(cell.Value) : ChartText.Clean(cell.Label);

    /// <summary>The cells by row and column (null where blank), after checking them.</summary>
    internal HeatmapCell?[,] Grid()
    {
        var grid = new HeatmapCell?[Rows.Count, Columns.Count];
        foreach (var cell in Cells)
        {
            ArgumentNullException.ThrowIfNull(cell, nameof(Cells));
            if (cell.Row < 0 || cell.Row >= Rows.Count || cell.Column < 0 || cell.Column >= Columns.Count)
            {
                throw new ArgumentException(
                    $"A cell at row {cell.Row}, column {cell.Column} lies outside the grid of {Rows.Count} rows and {Columns.Count} columns.", nameof(Cells));
            }

            var place = $"'{Rows[cell.Row]}' × '{Columns[cell.Column]}'";
            if (!double.IsFinite(cell.Value) || cell.Value < 0)
            {
                throw new ArgumentException(
                    $"The cell {place} has value {cell.Value.ToString(CultureInfo.InvariantCulture)}; heatmap values must be finite and not negative, because the shades run from 0 up to the largest value.",
                    nameof(Cells));
            }

            if (grid[cell.Row, cell.Column] is not null)
            {
                throw new ArgumentException($"The cell {place} is given more than once.", nameof(Cells));
            }

            grid[cell.Row, cell.Column] = cell;
        }

        return grid;
    }
}
