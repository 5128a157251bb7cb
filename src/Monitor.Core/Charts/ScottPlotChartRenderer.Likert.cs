using ScottPlot;
using ScottPlot.TickGenerators;

namespace Monitor.Core.Charts;

public sealed partial class ScottPlotChartRenderer
{
    private const int LikertWidth = 760;
    private const int LikertRowHeight = 28;
    private const double LikertLabelShare = 0.08;

    // Dark to light red for the negative answers, grey for the neutral middle, light to dark green for the positive
    // ones: apart in colour and in lightness, so the sides and the ends survive grey print.
    private static readonly Color[] _negativeFills = [Color.FromHex("#7f1d1d"), Color.FromHex("#c0392b"), Color.FromHex("#f4b6ae")];
    private static readonly Color[] _positiveFills = [Color.FromHex("#b9e4c9"), Color.FromHex("#3f9c62"), Color.FromHex("#1e5c38")];
    private static readonly Color _neutralFill = Color.FromHex("#e4e7ec");
    private static readonly Color _barrierLine = Color.FromHex("#7f1d1d");
    private static readonly Color _facilitatorLine = Color.FromHex("#1e5c38");

    /// <summary>
    /// Per row the answers' shares as one bar from left to right: the negative answers end at zero (minus half the
    /// neutral share), the neutral share straddles zero, the positive answers follow; a share of 8 % or more carries its
    /// percentage. The legend lists the answers in scale order.
    /// </summary>
    private static Drawing Draw(LikertChartSpec spec)
    {
        spec.Validate();
        var rows = spec.Rows.Where(row => row.Total > 0).ToList();
        if (rows.Count == 0)
        {
            return NoData(NoDataYetText, LikertWidth);
        }

        var fills = LikertFills(spec.Answers.Count, spec.NegativeAnswers, spec.HasNeutral);
        var lines = Grouped(rows, row => row.Group);
        var plot = NewPlot();
        var bars = new List<Bar>();
        var percentages = new List<(string Text, double X, double Y, Color Color)>();
        var ticks = new NumericManual();
        for (var i = 0; i < lines.Count; i++)
        {
            double y = lines.Count - 1 - i;
            if (lines[i].Heading is { } heading)
            {
                AddLabel(plot, ChartText.Shorten(heading, 90), -1.3, y, Alignment.MiddleLeft, _text, TickFontSize).LabelBold = true;
                continue;
            }

            var row = lines[i].Item!;
            ticks.AddMajor(y, ChartText.Shorten(ChartText.Clean(row.Label), CategoryLabelChars));
            var shares = LikertChartSpec.Shares(row);
            var neutral = spec.HasNeutral ? shares[spec.NegativeAnswers] : 0;
            var x = -(spec.Negative(row) + (neutral / 2));
            for (var a = 0; a < shares.Count; a++)
            {
                if (shares[a] <= 0)
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = y,
                    ValueBase = x,
                    Value = x + shares[a],
                    Size = 0.62,
                    Orientation = Orientation.Horizontal,
                    FillColor = fills[a],
                    LineColor = _barOutline,
                    LineWidth = 0.5f,
                });
                if (shares[a] >= LikertLabelShare)
                {
                    percentages.Add((LikertChartSpec.Percent(shares[a]), x + (shares[a] / 2), y, TextOn(fills[a])));
                }

                x += shares[a];
            }
        }

        plot.Add.Bars(bars);
        plot.Add.VerticalLine(0, 1.5f, _mutedText).LegendText = "";
        // the percentages after the bars, so they are drawn on top of them
        foreach (var (text, x, y, color) in percentages)
        {
            AddLabel(plot, text, x, y, Alignment.MiddleCenter, color);
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.Bottom.TickGenerator = PercentTicks(-1, 1);
        plot.Axes.SetLimits(-1.32, 1.05, -0.6, lines.Count - 0.4);
        LegendBelow(plot, spec.Answers.Select((answer, a) => LegendEntry(ChartText.Clean(answer), fills[a], _barOutline)));
        return new Drawing(plot, LikertWidth, 50 + (lines.Count * LikertRowHeight) + 70);
    }

    /// <summary>
    /// Per row the negative share as a bar leftwards and the positive share rightwards, dark when the row passes its
    /// side's threshold and light when not, with a vertical line at each threshold and the legend saying which is which.
    /// </summary>
    private static Drawing Draw(ProfileChartSpec spec)
    {
        spec.Validate();
        var items = spec.Items.Where(item => item.N > 0).ToList();
        if (items.Count == 0)
        {
            return NoData(NoDataYetText, LikertWidth);
        }

        var lines = Grouped(items, item => item.Group);
        var plot = NewPlot();
        var bars = new List<Bar>();
        var ticks = new NumericManual();
        for (var i = 0; i < lines.Count; i++)
        {
            double y = lines.Count - 1 - i;
            if (lines[i].Heading is { } heading)
            {
                AddLabel(plot, heading, -1.3, y, Alignment.MiddleLeft, _text, TickFontSize).LabelBold = true;
                continue;
            }

            var item = lines[i].Item!;
            ticks.AddMajor(y, ChartText.Shorten(ChartText.Clean(item.Label), CategoryLabelChars));
            if (item.Left > 0)
            {
                var fill = item.Left >= spec.LeftThreshold ? _negativeFills[1] : _negativeFills[2];
                bars.Add(ProfileBar(y, -item.Left, fill, LikertChartSpec.Percent(item.Left)));
            }

            if (item.Right > 0)
            {
                var fill = item.Right >= spec.RightThreshold ? _positiveFills[2] : _positiveFills[0];
                bars.Add(ProfileBar(y, item.Right, fill, LikertChartSpec.Percent(item.Right)));
            }
        }

        var barPlot = plot.Add.Bars(bars);
        ValueLabels(barPlot, _text);
        plot.Add.VerticalLine(0, 1.5f, _mutedText).LegendText = "";
        plot.Add.VerticalLine(-spec.LeftThreshold, 2f, _barrierLine).LegendText = "";
        plot.Add.VerticalLine(spec.RightThreshold, 2f, _facilitatorLine).LegendText = "";
        plot.Axes.Left.TickGenerator = ticks;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.Bottom.TickGenerator = PercentTicks(-1, 1);
        plot.Axes.SetLimits(-1.32, 1.12, -0.6, lines.Count - 0.4);
        LegendBelow(plot,
        [
            LegendEntry($"← negatief, {ChartText.Clean(spec.LeftLabel)} vanaf {LikertChartSpec.Percent(spec.LeftThreshold)} %", _negativeFills[1]),
            LegendEntry($"positief, {ChartText.Clean(spec.RightLabel)} vanaf {LikertChartSpec.Percent(spec.RightThreshold)} % →", _positiveFills[2]),
        ]);
        return new Drawing(plot, LikertWidth, 50 + (lines.Count * LikertRowHeight) + 70);
    }

    private static Bar ProfileBar(double y, double value, Color fill, string label) => new()
    {
        Position = y,
        Value = value,
        Size = 0.62,
        Orientation = Orientation.Horizontal,
        FillColor = fill,
        LineColor = _barOutline,
        LineWidth = 0.5f,
        Label = label + " %",
    };

    /// <summary>The rows top to bottom with a heading row whenever the (cleaned, non-empty) group changes.</summary>
    private static List<(string? Heading, T? Item)> Grouped<T>(IEnumerable<T> items, Func<T, string> group) where T : class
    {
        var lines = new List<(string? Heading, T? Item)>();
        string? current = null;
        foreach (var item in items)
        {
            var itemGroup = ChartText.Clean(group(item));
            if (itemGroup.Length > 0 && itemGroup != current)
            {
                lines.Add((itemGroup, null));
            }

            current = itemGroup;
            lines.Add((null, item));
        }

        return lines;
    }

    /// <summary>Ticks every 25 % from <paramref name="from"/> to <paramref name="to"/>, labelled without sign ("50 %" on both sides).</summary>
    private static NumericManual PercentTicks(double from, double to)
    {
        var ticks = new NumericManual();
        for (var value = from; value <= to + 1e-9; value += 0.25)
        {
            ticks.AddMajor(value, LikertChartSpec.Percent(Math.Abs(value)) + " %");
        }

        return ticks;
    }

    /// <summary>The fill of each answer in scale order; scales of up to 7 answers (3 per side).</summary>
    private static Color[] LikertFills(int answers, int negative, bool neutral)
    {
        var fills = new Color[answers];
        for (var a = 0; a < negative; a++)
        {
            // the extremes darkest, the answers next to the middle lightest, on both sides alike
            fills[a] = _negativeFills[Math.Max(0, _negativeFills.Length - negative) + a];
            fills[answers - negative + a] = _positiveFills[a];
        }

        if (neutral)
        {
            fills[negative] = _neutralFill;
        }

        return fills;
    }
}
