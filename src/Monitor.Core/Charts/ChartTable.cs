namespace Monitor.Core.Charts;

/// <summary>The data of a chart as text, for a table shown beside it (screen readers, print, copy).</summary>
public sealed record ChartTable
{
    public required string Caption { get; init; }

    public required IReadOnlyList<string> Headers { get; init; }

    /// <summary>One list per row, as many cells as <see cref="Headers"/>.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Rows { get; init; }
}
