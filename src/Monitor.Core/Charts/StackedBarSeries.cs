namespace Monitor.Core.Charts;

/// <summary>
/// One series of a stacked bar chart, such as the "wel gewerkt" answers: its name for the legend and the
/// table, a hex colour (#rgb or #rrggbb), and one value per category of the chart, in the same order
/// (finite, not negative).
/// </summary>
public sealed record StackedBarSeries(string Name, string Color, IReadOnlyList<double> Values);
