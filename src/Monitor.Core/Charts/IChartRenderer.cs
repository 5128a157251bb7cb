namespace Monitor.Core.Charts;

/// <summary>
/// Draws chart specs for web pages and reports: the one seam between the code that builds a chart's data and the
/// drawing. Registered once (AddMonitorCore) and injected wherever a chart is shown, so that another renderer
/// (ScottPlot) can take the place of <see cref="SvgChartRenderer"/> without touching the code that builds the specs.
/// </summary>
public interface IChartRenderer
{
    /// <summary>
    /// The chart as a standalone SVG document (role="img", labelled by its own title and description), trusted
    /// output that pages and reports put into HTML as is. The same spec always gives the same text.
    /// </summary>
    /// <exception cref="ArgumentException">The spec's data cannot be drawn (for example a negative count), or its kind is unknown to this renderer.</exception>
    string Render(ChartSpec spec);
}
