using ScottPlot;
using ScottPlot.TickGenerators;

namespace Monitor.Core.Charts;

public sealed partial class ScottPlotChartRenderer
{
    private const int DivergingWidth = 720;
    private const int DivergingRowHeight = 30;
    // Dark red against light green with a dark outline: apart in colour and in grey print (lightness).
    private static readonly Color _leftFill = Color.FromHex("#b3261e");
    private static readonly Color _rightFill = Color.FromHex("#8fd3a8");
    private static readonly Color _rightOutline = Color.FromHex("#1e5c38");

    /// <summary>
    /// One row per item under a heading whenever the group changes; the left count as a dark red bar leftwards and
    /// the right count as a light green bar rightwards from one zero line, on the same scale, each with its count.
    /// The legend says which side is which ("← belemmerend", "bevorderend →").
    /// </summary>
    private static Drawing Draw(DivergingBarChartSpec spec)
    {
        spec.Validate();
        var items = spec.Items.Where(item => item.Left + item.Right > 0).ToList();
        if (items.Count == 0)
        {
            return NoData(NoDataYetText, DivergingWidth);
        }

        // rows top to bottom: a heading row whenever the group changes, then the items
        var rows = Grouped(items, item => item.Group);

        var max = Math.Max(1, items.Max(item => Math.Max(item.Left, item.Right)));
        var plot = NewPlot();
        var bars = new List<Bar>();
        var ticks = new NumericManual();
        for (var i = 0; i < rows.Count; i++)
        {
            double y = rows.Count - 1 - i;
            if (rows[i].Heading is { } heading)
            {
                AddLabel(plot, heading, -max * 1.2, y, Alignment.MiddleLeft, _text, TickFontSize).LabelBold = true;
                continue;
            }

            var item = rows[i].Item!;
            ticks.AddMajor(y, ChartText.Shorten(ChartText.Clean(item.Label), CategoryLabelChars));
            if (item.Left > 0)
            {
                bars.Add(DivergingBar(y, -item.Left, _leftFill, _leftFill));
            }

            if (item.Right > 0)
            {
                bars.Add(DivergingBar(y, item.Right, _rightFill, _rightOutline));
            }
        }

        var barPlot = plot.Add.Bars(bars);
        ValueLabels(barPlot, _text);
        plot.Add.VerticalLine(0, 1.5f, _mutedText).LegendText = "";
        plot.Axes.Left.TickGenerator = ticks;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        var valueTicks = new NumericManual();
        foreach (var tick in ValueTicks(max, "0", value => DivergingBarChartSpec.FormatCount((int)value)).Ticks)
        {
            valueTicks.AddMajor(tick.Position, tick.Label);
            if (tick.Position > 0)
            {
                valueTicks.AddMajor(-tick.Position, tick.Label);
            }
        }

        plot.Axes.Bottom.TickGenerator = valueTicks;
        plot.Axes.SetLimits(-max * 1.22, max * 1.22, -0.6, rows.Count - 0.4);
        LegendBelow(plot,
        [
            LegendEntry($"← {ChartText.Clean(spec.LeftLabel)}", _leftFill),
            LegendEntry($"{ChartText.Clean(spec.RightLabel)} →", _rightFill, _rightOutline),
        ]);
        return new Drawing(plot, DivergingWidth, 50 + (rows.Count * DivergingRowHeight) + 60);
    }

    private static Bar DivergingBar(double y, int value, Color fill, Color outline) => new()
    {
        Position = y,
        Value = value,
        Size = 0.62,
        Orientation = Orientation.Horizontal,
        FillColor = fill,
        LineColor = outline,
        LineWidth = 1,
        Label = DivergingBarChartSpec.FormatCount(Math.Abs(value)),
    };
}
