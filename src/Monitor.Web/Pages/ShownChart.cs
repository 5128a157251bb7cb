using Monitor.Core.Charts;

namespace Monitor.Web.Pages;

/// <summary>
/// A chart as a page shows it (partial _Chart): its title as a heading, its description, the SVG (trusted output
/// of the renderer) and its numbers as a table in a disclosure beside it.
/// </summary>
public sealed record ShownChart(string Title, string Description, string Svg, ChartTable Table)
{
    public static ShownChart Of(IChartRenderer renderer, ChartSpec spec) => new(spec.Title, spec.Description, renderer.Render(spec), spec.ToTable());
}
