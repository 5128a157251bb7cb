namespace Monitor.Core.Charts;

/// <summary>How the series of a <see cref="StackedBarChartSpec"/> share a category.</summary>
public enum SeriesLayout
{
    /// <summary>One column per category, the series as segments on top of each other; the column is their total.</summary>
    Stacked,

    /// <summary>One bar per series next to each other, for series that do not add up (meetings and reflections).</summary>
    SideBySide,
}
