namespace Monitor.Core.Charts;

/// <summary>Direction in which the bars of a <see cref="BarChartSpec"/> grow.</summary>
public enum BarOrientation
{
    Horizontal,
    Vertical,
}
