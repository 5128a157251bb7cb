using System.Globalization;
using System.Xml.Linq;

namespace Monitor.Core.Charts;

public sealed partial class SvgChartRenderer
{
    private const string StackedNoDataText = "Nog geen gegevens";
    private const double StackedMinWidth = 640;
    private const double StackedMaxWidth = 960;
    private const double StackedPlotLeft = 56;
    private const double StackedPlotHeight = 200;
    private const double StackedMinSlot = 14;
    private const double StackedLegendHeight = 14;
    private const int StackedUprightLabelLimit = 20;
    private const int StackedRotatedLabelChars = 14;
    private const int StackedTargetTicks = 4;

    /// <summary>
    /// Renders a stacked bar chart: columns left to right, segments bottom-up in series order (a value of 0
    /// draws no segment), the total above each column when there are at most 20, a y-axis with a few round
    /// ticks and a legend; 640 wide, up to 960 for many columns. Category labels stand upright under their
    /// columns on up to two lines; with more than 20 columns, or when a label would not fit, they are turned,
    /// and on narrow columns only every so many are shown. Without categories or series it says "Nog geen
    /// gegevens". Throws <see cref="ArgumentException"/> for a series without one finite, non-negative value
    /// per category or with a colour that is not hex.
    /// </summary>
    private static string Render(StackedBarChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        foreach (var series in spec.Series)
        {
            ValidateColor(series.Color, $"series '{series.Name}'");
        }

        if (spec.Categories.Count == 0 || spec.Series.Count == 0)
        {
            return Write(StackedNoData(spec));
        }

        var count = spec.Categories.Count;
        // Wider for many columns, but not so wide that a page scales the whole chart (and its text) down.
        var width = Math.Clamp(StackedPlotLeft + (count * StackedMinSlot) + Margin, StackedMinWidth, StackedMaxWidth);
        var plotRight = width - Margin;
        var slot = (plotRight - StackedPlotLeft) / count;
        var few = count <= StackedUprightLabelLimit;
        var upright = few && spec.Categories.All(category => FitsUpright(ChartText.Clean(category), slot));
        var plotTop = Margin + StackedLegendHeight + 22;
        var plotBottom = plotTop + StackedPlotHeight;
        var labelSpace = upright
            ? 16 + LineHeight + 4
            : 12 + (ChartText.EstimateWidth(new string('x', StackedRotatedLabelChars), SmallFontSize) * Math.Sqrt(0.5)) + 4;
        var height = plotBottom + labelSpace + Margin;

        var totals = Enumerable.Range(0, count).Select(spec.Total).ToList();
        var axis = YAxis.For(totals.Max(), spec.Series.All(series => series.Values.All(value => value == Math.Floor(value))));

        var root = Root(spec.Id, spec.Title, spec.Description, "stacked-bar", width, height);
        root.Add(El("rect", Attr("class", "background"), Attr("x", 0), Attr("y", 0), Attr("width", width), Attr("height", height), Attr("fill", "#ffffff")));
        root.Add(StackedLegend(spec, Margin));
        root.Add(StackedYAxis(spec, axis, plotTop, plotBottom, plotRight));
        root.Add(StackedColumns(spec, totals, axis, slot, plotBottom, showTotals: few));
        root.Add(El("line", Attr("class", "axis-line"), Attr("x1", StackedPlotLeft), Attr("y1", plotBottom), Attr("x2", plotRight), Attr("y2", plotBottom), Attr("stroke", AxisColor)));
        root.Add(StackedCategoryLabels(spec, slot, plotBottom, upright));
        return Write(root);
    }

    private static XElement StackedLegend(StackedBarChartSpec spec, double top)
    {
        var group = El("g", Attr("class", "legend"));
        var x = StackedPlotLeft;
        foreach (var series in spec.Series)
        {
            var name = ChartText.Clean(series.Name);
            group.Add(El("rect", Attr("class", "legend-swatch"), Attr("data-series", name),
                Attr("x", x), Attr("y", top), Attr("width", 12), Attr("height", 12), Attr("rx", 2), Attr("fill", series.Color)));
            group.Add(El("text", Attr("class", "legend-label"), Attr("x", x + 18), Attr("y", top + 10), Attr("font-size", SmallFontSize), Attr("fill", TextColor), name));
            x += 18 + ChartText.EstimateWidth(name, SmallFontSize) + 20;
        }

        return group;
    }

    private static XElement StackedYAxis(StackedBarChartSpec spec, YAxis axis, double plotTop, double plotBottom, double plotRight)
    {
        var group = El("g", Attr("class", "y-axis"));
        for (var i = 0; i <= axis.Ticks; i++)
        {
            var value = i * axis.Step;
            var y = plotBottom - (value / axis.Max * (plotBottom - plotTop));
            if (i > 0)
            {
                group.Add(El("line", Attr("class", "grid-line"), Attr("x1", StackedPlotLeft), Attr("y1", y), Attr("x2", plotRight), Attr("y2", y), Attr("stroke", GridColor)));
            }

            group.Add(El("text", Attr("class", "y-label"), Attr("data-value", value.ToString("R", CultureInfo.InvariantCulture)),
                Attr("x", StackedPlotLeft - 6), Attr("y", y + 4), Attr("text-anchor", "end"),
                Attr("font-size", SmallFontSize), Attr("fill", MutedTextColor), spec.FormatValue(value)));
        }

        group.Add(El("line", Attr("class", "axis-line"), Attr("x1", StackedPlotLeft), Attr("y1", plotTop), Attr("x2", StackedPlotLeft), Attr("y2", plotBottom), Attr("stroke", AxisColor)));
        return group;
    }

    private static XElement StackedColumns(StackedBarChartSpec spec, List<double> totals, YAxis axis, double slot, double plotBottom, bool showTotals)
    {
        var group = El("g", Attr("class", "bars"));
        var thickness = Math.Min(slot * 0.7, 56);
        for (var i = 0; i < spec.Categories.Count; i++)
        {
            var category = ChartText.Clean(spec.Categories[i]);
            var centre = StackedPlotLeft + (i * slot) + (slot / 2);
            var top = plotBottom;
            foreach (var series in spec.Series)
            {
                var value = series.Values[i];
                if (value == 0)
                {
                    continue;
                }

                var name = ChartText.Clean(series.Name);
                var length = value / axis.Max * StackedPlotHeight;
                top -= length;
                group.Add(El("rect",
                    Attr("class", "bar"),
                    Attr("data-category", category),
                    Attr("data-index", i),
                    Attr("data-series", name),
                    Attr("data-value", value.ToString("R", CultureInfo.InvariantCulture)),
                    Attr("x", centre - (thickness / 2)), Attr("y", top), Attr("width", thickness), Attr("height", length),
                    Attr("fill", series.Color),
                    El("title", $"{category} – {name}: {spec.FormatValue(value)}")));
            }

            if (showTotals)
            {
                group.Add(El("text", Attr("class", "total-label"), Attr("data-index", i), Attr("x", centre), Attr("y", top - 5), Attr("text-anchor", "middle"),
                    Attr("font-size", SmallFontSize), Attr("fill", TextColor), spec.FormatValue(totals[i])));
            }
        }

        return group;
    }

    private static XElement StackedCategoryLabels(StackedBarChartSpec spec, double slot, double plotBottom, bool upright)
    {
        var group = El("g", Attr("class", "category-labels"));
        // Turned labels need about one line height of room across; on narrower columns only every so many get one.
        var every = upright ? 1 : (int)Math.Ceiling(LineHeight / slot);
        for (var i = 0; i < spec.Categories.Count; i += every)
        {
            var category = ChartText.Clean(spec.Categories[i]);
            var centre = StackedPlotLeft + (i * slot) + (slot / 2);
            if (upright)
            {
                var label = WrappedText("category-label", category, ChartText.Fit(slot - 4, SmallFontSize), centre, plotBottom + 16, SmallFontSize, TextColor);
                label.Add(Attr("data-index", i));
                group.Add(label);
            }
            else
            {
                var x = centre + 4;
                var y = plotBottom + 12;
                var label = Text("category-label", category, StackedRotatedLabelChars, x, y, "end", SmallFontSize, TextColor);
                label.Add(Attr("data-index", i), Attr("transform", $"rotate(-45 {Num(x)} {Num(y)})"));
                group.Add(label);
            }
        }

        return group;
    }

    private static bool FitsUpright(string label, double slot) =>
        string.Equals(string.Join(' ', ChartText.Wrap(label, ChartText.Fit(slot - 4, SmallFontSize), 2)), label, StringComparison.Ordinal);

    private static XElement StackedNoData(StackedBarChartSpec spec)
    {
        const double height = 80;
        var root = Root(spec.Id, spec.Title, spec.Description, "stacked-bar", StackedMinWidth, height);
        root.Add(El("rect", Attr("class", "background"), Attr("x", 0), Attr("y", 0), Attr("width", StackedMinWidth), Attr("height", height), Attr("fill", "#ffffff")));
        root.Add(El("text", Attr("class", "no-data"), Attr("x", StackedMinWidth / 2), Attr("y", (height / 2) + 5), Attr("text-anchor", "middle"),
            Attr("font-size", FontSize), Attr("fill", MutedTextColor), StackedNoDataText));
        return root;
    }

    /// <summary>A value axis from 0 to <see cref="Max"/> in <see cref="Ticks"/> round steps (1, 2 or 5 times a power of ten).</summary>
    private readonly record struct YAxis(double Step, int Ticks)
    {
        public double Max => Step * Ticks;

        public static YAxis For(double largest, bool wholeNumbers)
        {
            if (largest <= 0)
            {
                largest = 1;
            }

            var raw = largest / StackedTargetTicks;
            var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
            var residual = raw / magnitude;
            var step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
            if (wholeNumbers)
            {
                // Counts: no tick at 0.5 answers.
                step = Math.Max(1, step);
            }

            return new YAxis(step, (int)Math.Ceiling((largest / step) - 1e-9));
        }
    }
}
