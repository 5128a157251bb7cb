namespace Monitor.Core.Charts;

/// <summary>
/// One row of a timeline: an activity from <paramref name="Start"/> up to and including <paramref name="End"/>,
/// drawn in the style of <paramref name="Category"/> (a key of <see cref="TimelineChartSpec.Categories"/>).
/// <paramref name="Group"/> is an optional group or phase number, written as a data attribute.
/// </summary>
public sealed record TimelineBar(string Label, DateOnly Start, DateOnly End, string Category, int? Group = null);
