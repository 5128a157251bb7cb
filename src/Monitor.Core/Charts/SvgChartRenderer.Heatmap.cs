using System.Globalization;
using System.Xml.Linq;

namespace Monitor.Core.Charts;

public sealed partial class SvgChartRenderer
{
    private const double HeatmapMaxWidth = 960;
    private const double HeatmapMinWidth = 320;
    private const double HeatmapMinRowLabelColumn = 60;
    private const double HeatmapMaxRowLabelColumn = 240;
    private const double HeatmapMinCellWidth = 36;
    private const double HeatmapMaxCellWidth = 96;
    private const double HeatmapCellHeight = 28;
    private const int HeatmapRotatedLabelChars = 24;
    private const int HeatmapLegendSteps = 6;
    private const string LightCellText = "#ffffff";
    // Black rather than TextColor: with black or white, whichever contrasts more, every shade gets at least 4.58:1.
    private const string DarkCellText = "#000000";

    // ColorBrewer "Blues" without its near-white first step, so that a 0 still differs from a blank cell.
    private static readonly string[] _heatmapShades = ["#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"];

    /// <summary>
    /// Renders a heatmap: row labels on the left, column labels on top (upright on up to two lines, or
    /// turned when one would not fit), one cell per row and column shaded from very light blue at 0 to dark
    /// blue at the largest value, with its text in black or white, whichever contrasts more; cells without
    /// data stay blank. A legend below shows the shades from 0 to the largest value. Without rows, columns
    /// or cells it says "Nog geen gegevens". Throws <see cref="ArgumentException"/> for a cell outside the
    /// grid, a second cell in one place, or a negative or non-finite value.
    /// </summary>
    private static string Render(HeatmapChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var grid = spec.Grid();
        if (spec.Rows.Count == 0 || spec.Columns.Count == 0 || spec.Cells.Count == 0)
        {
            return Write(NoData(spec.Id, spec.Title, spec.Description, "heatmap", HeatmapMinWidth * 2, NoDataYetText));
        }

        var rows = spec.Rows.Select(ChartText.Clean).ToList();
        var columns = spec.Columns.Select(ChartText.Clean).ToList();
        var labelColumn = Math.Clamp(rows.Max(row => ChartText.EstimateWidth(row, FontSize)) + 8, HeatmapMinRowLabelColumn, HeatmapMaxRowLabelColumn);
        var gridLeft = Margin + labelColumn;
        var cellWidth = Math.Clamp((HeatmapMaxWidth - gridLeft - Margin) / columns.Count, HeatmapMinCellWidth, HeatmapMaxCellWidth);
        var upright = columns.All(column => FitsUpright(column, cellWidth));
        var turnedExtent = upright
            ? 0
            : columns.Max(column => ChartText.EstimateWidth(ChartText.Shorten(column, HeatmapRotatedLabelChars), SmallFontSize)) * Math.Sqrt(0.5);
        var gridTop = Margin + (upright ? (2 * LineHeight) + 8 : turnedExtent + 14);
        var gridRight = gridLeft + (columns.Count * cellWidth);
        var gridBottom = gridTop + (rows.Count * HeatmapCellHeight);
        var legendTop = gridBottom + 14;
        // Turned labels lean to the right; the last one needs room beyond the grid.
        var width = Math.Max(HeatmapMinWidth, gridRight + Math.Max(Margin, turnedExtent - (cellWidth / 2) + Margin));
        var height = legendTop + 12 + Margin;

        var max = spec.Cells.Max(cell => cell.Value);
        var scaleMax = max == 0 ? 1 : max;

        var root = Root(spec.Id, spec.Title, spec.Description, "heatmap", width, height);
        root.Add(El("rect", Attr("class", "background"), Attr("x", 0), Attr("y", 0), Attr("width", width), Attr("height", height), Attr("fill", "#ffffff")));
        root.Add(HeatmapColumnLabels(columns, gridLeft, gridTop, cellWidth, upright));
        var cells = El("g", Attr("class", "cells"));
        for (var r = 0; r < rows.Count; r++)
        {
            var y = gridTop + (r * HeatmapCellHeight);
            var rowLabel = Text("row-label", rows[r], ChartText.Fit(labelColumn - 4, FontSize), Margin, y + (HeatmapCellHeight / 2) + 4, "start", FontSize, TextColor);
            rowLabel.Add(Attr("data-row", r));
            cells.Add(rowLabel);
            for (var c = 0; c < columns.Count; c++)
            {
                var x = gridLeft + (c * cellWidth);
                cells.Add(grid[r, c] is { } cell
                    ? HeatmapCellGroup(spec, cell, rows[r], columns[c], x, y, cellWidth, scaleMax)
                    : El("rect", Attr("class", "empty-cell"), Attr("data-row", r), Attr("data-column", c),
                        Attr("x", x), Attr("y", y), Attr("width", cellWidth), Attr("height", HeatmapCellHeight),
                        Attr("fill", "#ffffff"), Attr("stroke", GridColor)));
            }
        }

        root.Add(cells);
        root.Add(HeatmapLegend(spec, scaleMax, gridLeft, legendTop));
        return Write(root);
    }

    private static XElement HeatmapCellGroup(HeatmapChartSpec spec, HeatmapCell cell, string row, string column, double x, double y, double cellWidth, double scaleMax)
    {
        var fill = Shade(cell.Value / scaleMax);
        var text = spec.CellText(cell);
        var textColor = Contrast(LightCellText, fill) >= Contrast(DarkCellText, fill) ? LightCellText : DarkCellText;
        return El("g", Attr("class", "cell-group"),
            El("rect",
                Attr("class", "cell"),
                Attr("data-row", cell.Row),
                Attr("data-column", cell.Column),
                Attr("data-value", cell.Value.ToString("R", CultureInfo.InvariantCulture)),
                Attr("x", x), Attr("y", y), Attr("width", cellWidth), Attr("height", HeatmapCellHeight),
                Attr("fill", fill), Attr("stroke", "#ffffff"),
                El("title", $"{row} – {column}: {text}")),
            Text("value-label", text, ChartText.Fit(cellWidth - 6, SmallFontSize), x + (cellWidth / 2), y + (HeatmapCellHeight / 2) + 4, "middle", SmallFontSize, textColor));
    }

    private static XElement HeatmapColumnLabels(List<string> columns, double gridLeft, double gridTop, double cellWidth, bool upright)
    {
        var group = El("g", Attr("class", "column-labels"));
        for (var c = 0; c < columns.Count; c++)
        {
            var centre = gridLeft + (c * cellWidth) + (cellWidth / 2);
            XElement label;
            if (upright)
            {
                // Bottom-aligned, so one-line labels sit just above the grid like two-line ones.
                var lines = ChartText.Wrap(columns[c], ChartText.Fit(cellWidth - 4, SmallFontSize), 2).Count;
                label = WrappedText("column-label", columns[c], ChartText.Fit(cellWidth - 4, SmallFontSize), centre, gridTop - 6 - ((lines - 1) * LineHeight), SmallFontSize, TextColor);
            }
            else
            {
                var y = gridTop - 6;
                label = Text("column-label", columns[c], HeatmapRotatedLabelChars, centre, y, "start", SmallFontSize, TextColor);
                label.Add(Attr("transform", $"rotate(-45 {Num(centre)} {Num(y)})"));
            }

            label.Add(Attr("data-column", c));
            group.Add(label);
        }

        return group;
    }

    private static XElement HeatmapLegend(HeatmapChartSpec spec, double scaleMax, double left, double top)
    {
        const double swatchWidth = 20;
        var group = El("g", Attr("class", "legend"));
        var low = spec.FormatValue(0);
        group.Add(El("text", Attr("class", "legend-label"), Attr("data-value", "0"), Attr("x", left), Attr("y", top + 10), Attr("text-anchor", "start"),
            Attr("font-size", SmallFontSize), Attr("fill", TextColor), low));
        var x = left + ChartText.EstimateWidth(low, SmallFontSize) + 6;
        for (var i = 0; i < HeatmapLegendSteps; i++)
        {
            var fraction = (double)i / (HeatmapLegendSteps - 1);
            group.Add(El("rect", Attr("class", "legend-swatch"), Attr("data-value", (fraction * scaleMax).ToString("R", CultureInfo.InvariantCulture)),
                Attr("x", x + (i * swatchWidth)), Attr("y", top), Attr("width", swatchWidth), Attr("height", 12), Attr("fill", Shade(fraction))));
        }

        group.Add(El("text", Attr("class", "legend-label"), Attr("data-value", scaleMax.ToString("R", CultureInfo.InvariantCulture)),
            Attr("x", x + (HeatmapLegendSteps * swatchWidth) + 6), Attr("y", top + 10), Attr("text-anchor", "start"),
            Attr("font-size", SmallFontSize), Attr("fill", TextColor), spec.FormatValue(scaleMax)));
        return group;
    }

    /// <summary>The colour at a fraction (0..1) of the way along the shades, interpolated between neighbouring steps.</summary>
    private static string Shade(double fraction)
    {
        var position = Math.Clamp(fraction, 0, 1) * (_heatmapShades.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, _heatmapShades.Length - 1);
        var t = position - lower;
        var (r1, g1, b1) = Rgb(_heatmapShades[lower]);
        var (r2, g2, b2) = Rgb(_heatmapShades[upper]);
        static int Mix(int a, int b, double t) => (int)Math.Round(a + ((b - a) * t), MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(r1, r2, t):x2}{Mix(g1, g2, t):x2}{Mix(b1, b2, t):x2}");
    }

    private static (int R, int G, int B) Rgb(string hex) =>
        (int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>The WCAG contrast ratio of two #rrggbb colours.</summary>
    private static double Contrast(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(string hex)
    {
        static double Linear(int channel)
        {
            var c = channel / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var (r, g, b) = Rgb(hex);
        return (0.2126 * Linear(r)) + (0.7152 * Linear(g)) + (0.0722 * Linear(b));
    }
}
