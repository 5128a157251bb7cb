namespace Monitor.Core.Charts;

/// <summary>
/// One filled cell of a heatmap: indexes into <see cref="HeatmapChartSpec.Rows"/> and
/// <see cref="HeatmapChartSpec.Columns"/>, a finite value that is not negative (it sets the shade), and the
/// text written in the cell (the formatted value when <paramref name="Label"/> is null).
/// </summary>
public sealed record HeatmapCell(int Row, int Column, double Value, string? Label = null);
