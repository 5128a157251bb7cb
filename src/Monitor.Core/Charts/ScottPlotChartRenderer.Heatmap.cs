using ScottPlot;
using ScottPlot.TickGenerators;

namespace Monitor.Core.Charts;

public sealed partial class ScottPlotChartRenderer
{
    private const int HeatmapCellHeight = 28;
    private const int HeatmapLegendSteps = 4;
    // ColorBrewer "Blues" without its near-white first step, so that a 0 still differs from a blank cell; light to
    // dark, so the order also reads in grey print.
    private static readonly string[] _heatmapShades = ["#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"];

    /// <summary>
    /// A grid of rows (labels left) by columns (labels below, turned when long), each filled cell shaded from very
    /// light blue at 0 to dark blue at the largest value with its text in black or white, whichever reads; blank
    /// cells stay white within the grid lines. The legend shows the shades with their values.
    /// </summary>
    private static Drawing Draw(HeatmapChartSpec spec)
    {
        var grid = spec.Grid();
        if (spec.Rows.Count == 0 || spec.Columns.Count == 0 || spec.Cells.Count == 0)
        {
            return NoData(NoDataYetText, BarChartWidth);
        }

        var rows = spec.Rows.Count;
        var columns = spec.Columns.Count;
        var max = spec.Cells.Max(cell => cell.Value);
        var scaleMax = max == 0 ? 1 : max;
        var plot = NewPlot();
        plot.HideGrid();
        for (var r = 0; r < rows; r++)
        {
            double y = rows - 1 - r;
            for (var c = 0; c < columns; c++)
            {
                // blank cells stay the white background; the grid lines below outline them
                if (grid[r, c] is not { } cell)
                {
                    continue;
                }

                var fill = Shade(cell.Value / scaleMax);
                var rectangle = plot.Add.Rectangle(c - 0.5, c + 0.5, y - 0.5, y + 0.5);
                rectangle.FillColor = fill;
                rectangle.LineWidth = 0;
                AddLabel(plot, spec.CellText(cell), c, y, Alignment.MiddleCenter, TextOn(fill));
            }
        }

        for (var c = 0; c <= columns; c++)
        {
            plot.Add.VerticalLine(c - 0.5, 1, _grid).LegendText = "";
        }

        for (var r = 0; r <= rows; r++)
        {
            plot.Add.HorizontalLine(r - 0.5, 1, _grid).LegendText = "";
        }

        plot.Axes.Left.TickGenerator = new NumericManual(
            [.. Enumerable.Range(0, rows).Select(r => (double)(rows - 1 - r))],
            [.. spec.Rows.Select(row => ChartText.Shorten(ChartText.Clean(row), CategoryLabelChars))]);
        var width = Math.Clamp(300 + (columns * 96), 480, 960);
        // the row labels take about 250 of the width; the columns share the rest
        CategoryAxis(plot, [.. spec.Columns.Select(column => ChartText.Shorten(ChartText.Clean(column), 24))], width - 170);
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        LegendBelow(plot, Enumerable.Range(0, HeatmapLegendSteps).Select(step =>
        {
            var value = scaleMax * step / (HeatmapLegendSteps - 1);
            return LegendEntry(spec.FormatValue(value), Shade(value / scaleMax), _axis);
        }).DistinctBy(entry => entry.LabelText));
        return new Drawing(plot, width, 40 + (rows * HeatmapCellHeight) + 150);
    }

    /// <summary>The colour at a fraction (0..1) of the way along the shades, interpolated between neighbouring steps.</summary>
    private static Color Shade(double fraction)
    {
        var position = Math.Clamp(fraction, 0, 1) * (_heatmapShades.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, _heatmapShades.Length - 1);
        var t = position - lower;
        var (from, to) = (Color.FromHex(_heatmapShades[lower]), Color.FromHex(_heatmapShades[upper]));
        static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + ((b - a) * t), MidpointRounding.AwayFromZero);
        return new Color(Mix(from.R, to.R, t), Mix(from.G, to.G, t), Mix(from.B, to.B, t));
    }
}
