using ScottPlot;
using ScottPlot.TickGenerators;

namespace Monitor.Core.Charts;

public sealed partial class ScottPlotChartRenderer
{
    private const int BarChartWidth = 640;
    private const int BarRowHeight = 34;
    private const int CategoryLabelChars = 40;
    private const int MaxColumnLabels = 24;
    private const int ColumnChartHeight = 340;
    private const double BarSize = 0.7;
    private static readonly Color _defaultBar = Color.FromHex("#0b5cad");
    private static readonly Color _barOutline = Color.FromHex("#1f2933");

    /// <summary>
    /// One bar per item (top to bottom, or left to right when vertical) with its formatted value at its end, the
    /// value axis from 0 to <see cref="BarChartSpec.Max"/> and <see cref="BarChartSpec.ValueLabel"/> as its title.
    /// </summary>
    private static Drawing Draw(BarChartSpec spec)
    {
        spec.Validate();
        if (spec.Items.Count == 0)
        {
            return NoData(NoDataText, BarChartWidth);
        }

        var max = spec.Max ?? spec.Items.Max(item => item.Value);
        max = max == 0 ? 1 : max;
        var horizontal = spec.Orientation == BarOrientation.Horizontal;
        var plot = NewPlot();
        var count = spec.Items.Count;
        var bars = spec.Items.Select((item, i) =>
        {
            var fill = item.Color is null ? _defaultBar : ChartColor.Parse(item.Color, $"bar '{item.Label}'");
            return new Bar
            {
                Position = horizontal ? count - 1 - i : i,
                Value = Math.Min(item.Value, max),
                Size = BarSize,
                FillColor = fill,
                LineColor = _barOutline,
                LineWidth = 0.75f,
                Label = spec.FormatValue(item.Value),
                Orientation = horizontal ? Orientation.Horizontal : Orientation.Vertical,
            };
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        ValueLabels(barPlot, _text);

        var labels = spec.Items.Select(item => ChartText.Shorten(ChartText.Clean(item.Label), CategoryLabelChars)).ToArray();
        var valueTicks = ValueTicks(max, spec.ValueFormat, spec.FormatValue);
        // room beyond the longest bar for its value label
        var valueLimit = max * (horizontal ? 1.18 : 1.12);
        if (horizontal)
        {
            plot.Axes.Left.TickGenerator = new NumericManual([.. bars.Select(bar => bar.Position)], labels);
            plot.Axes.Bottom.TickGenerator = valueTicks;
            plot.Axes.Bottom.Label.Text = ChartText.Clean(spec.ValueLabel);
            plot.Axes.SetLimits(0, valueLimit, -0.6, count - 0.4);
            plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
            return new Drawing(plot, BarChartWidth, 40 + (count * BarRowHeight) + (string.IsNullOrEmpty(spec.ValueLabel) ? 30 : 52));
        }

        var width = ColumnWidth(count, 1);
        CategoryAxis(plot, labels, width);
        plot.Axes.Left.TickGenerator = valueTicks;
        plot.Axes.Left.Label.Text = ChartText.Clean(spec.ValueLabel);
        plot.Axes.SetLimits(-0.6, count - 0.4, 0, valueLimit);
        return new Drawing(plot, width, ColumnChartHeight);
    }

    /// <summary>
    /// One column per category with one segment per series: stacked (first series at the bottom), or side by side
    /// when the series do not add up to anything meaningful. Values in the segments or on the columns, legend below.
    /// </summary>
    private static Drawing Draw(StackedBarChartSpec spec)
    {
        spec.Validate();
        if (spec.Categories.Count == 0 || spec.Series.Count == 0)
        {
            return NoData(NoDataYetText, BarChartWidth);
        }

        var stacked = spec.Layout == SeriesLayout.Stacked;
        var colors = spec.Series.Select(series => ChartColor.Parse(series.Color, $"series '{series.Name}'")).ToList();
        var count = spec.Categories.Count;
        var slot = stacked ? BarSize : 0.8 / spec.Series.Count;
        var showValues = count <= MaxColumnLabels;
        var plot = NewPlot();
        var bottoms = new double[count];
        for (var s = 0; s < spec.Series.Count; s++)
        {
            var bars = new List<Bar>();
            for (var c = 0; c < count; c++)
            {
                var value = spec.Series[s].Values[c];
                bars.Add(new Bar
                {
                    Position = stacked ? c : c - 0.4 + (slot * (s + 0.5)),
                    ValueBase = stacked ? bottoms[c] : 0,
                    Value = stacked ? bottoms[c] + value : value,
                    Size = slot * (stacked ? 1 : 0.92),
                    FillColor = colors[s],
                    LineColor = _barOutline,
                    LineWidth = 0.75f,
                    Label = showValues && value > 0 ? spec.FormatValue(value) : "",
                    CenterLabel = stacked,
                });
                bottoms[c] += stacked ? value : 0;
            }

            // one plottable per series, so that labels inside a segment can be black or white, whichever reads on its fill
            var barPlot = plot.Add.Bars(bars);
            ValueLabels(barPlot, stacked ? TextOn(colors[s]) : _text);
        }

        var max = Enumerable.Range(0, count).Max(c => stacked ? spec.Total(c) : spec.Series.Max(series => series.Values[c]));
        max = max == 0 ? 1 : max;
        var width = ColumnWidth(count, stacked ? 1 : spec.Series.Count);
        CategoryAxis(plot, [.. spec.Categories.Select(category => ChartText.Shorten(ChartText.Clean(category), CategoryLabelChars))], width);
        plot.Axes.Left.TickGenerator = ValueTicks(max, spec.ValueFormat, spec.FormatValue);
        plot.Axes.Left.Label.Text = ChartText.Clean(spec.ValueLabel);
        plot.Axes.SetLimits(-0.6, count - 0.4, 0, max * 1.12);
        LegendBelow(plot, spec.Series.Select((series, s) => LegendEntry(ChartText.Clean(series.Name), colors[s], _barOutline)));
        return new Drawing(plot, width, ColumnChartHeight);
    }

    /// <summary>
    /// Category labels under columns: upright on up to two lines while each line fits its column (of a chart
    /// <paramref name="width"/> wide, less room for the y-axis), else turned; at most <see cref="MaxColumnLabels"/> of them.
    /// </summary>
    private static void CategoryAxis(Plot plot, string[] labels, int width)
    {
        var lineChars = (int)((width - 80) / (double)labels.Length / CharacterPixels);
        var upright = lineChars >= 5 && labels.All(label => ChartText.Wrap(label, lineChars, 2) is var lines && lines.Count <= 2 && !lines[^1].EndsWith('…'));
        if (upright)
        {
            labels = [.. labels.Select(label => string.Join('\n', ChartText.Wrap(label, lineChars, 2)))];
        }

        var every = (int)Math.Ceiling(labels.Length / (double)MaxColumnLabels);
        var ticks = new NumericManual();
        for (var i = 0; i < labels.Length; i++)
        {
            if (i % every == 0)
            {
                ticks.AddMajor(i, labels[i]);
            }
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        if (!upright)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        }
    }

    private static int ColumnWidth(int categories, int barsPerCategory) =>
        Math.Clamp(120 + (categories * (24 + (barsPerCategory * 18))), 480, 960);

    /// <summary>Around four ticks from 0 at round steps (1, 2, 2½ or 5 × 10ⁿ; whole steps for whole-number formats), labelled in the chart's format.</summary>
    private static NumericManual ValueTicks(double max, string format, Func<double, string> label)
    {
        var wholeNumbers = !format.Contains('%', StringComparison.Ordinal) && !format.Contains('.', StringComparison.Ordinal);
        var raw = max / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double[] multiples = wholeNumbers && magnitude < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
        var step = multiples.Select(m => m * magnitude).First(candidate => candidate >= raw - 1e-9);
        if (wholeNumbers)
        {
            step = Math.Max(1, Math.Round(step));
        }

        var ticks = new NumericManual();
        for (var value = 0.0; value <= max + (step / 1000); value += step)
        {
            ticks.AddMajor(value, label(value));
        }

        return ticks;
    }
}
