namespace Monitor.Core.Planning;

/// <summary>One row of an imported sheet: its number as Excel shows it (header = 1) and its cells by column.</summary>
internal sealed record PlanTableRow(int Number, IReadOnlyList<string> Cells)
{
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}
