namespace Monitor.Core.Charts;

/// <summary>
/// Draws chart specs for web pages and reports: the one seam between the code that builds a chart's data and the
/// drawing (<see cref="ScottPlotChartRenderer"/>). Registered once (AddMonitorCore) and injected wherever a chart
/// is shown. Pages show the spec's title and description as text beside the image, and its table (ToTable).
/// </summary>
public interface IChartRenderer
{
    /// <summary>
    /// The chart as a standalone SVG document (role="img", labelled by its own title and description, a viewBox and
    /// width 100% so that it scales to its column), trusted output that pages and reports put into HTML as is.
    /// The same spec always gives the same text.
    /// </summary>
    /// <exception cref="ArgumentException">The spec's data cannot be drawn (for example a negative count), or its kind is unknown to this renderer.</exception>
    string Render(ChartSpec spec);

    /// <summary>The chart as a PNG image with its title drawn in, for documents that carry an image (Markdown, Word), at twice its CSS size.</summary>
    /// <exception cref="ArgumentException">As for <see cref="Render"/>.</exception>
    byte[] RenderPng(ChartSpec spec);
}
