namespace Monitor.Core.Charts;

/// <summary>
/// A chart as pure data, whatever its kind: what every chart has (an id, a visible title, a description for screen
/// readers) and the same data as a table, shown beside it. An <see cref="IChartRenderer"/> draws it.
/// </summary>
public abstract record ChartSpec
{
    /// <summary>Distinguishes this chart from others on the same page; the ids of its title and description derive from it.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The chart's data as a table with <see cref="Title"/> as its caption, values formatted as in the chart.</summary>
    /// <exception cref="ArgumentException">The spec's data is not drawable (see the kind of chart).</exception>
    public abstract ChartTable ToTable();
}
