namespace Monitor.Core.Charts;

/// <summary>One category of a bar chart with its value (finite, not negative) and an optional hex colour.</summary>
public sealed record BarChartItem(string Label, double Value, string? Color = null);
