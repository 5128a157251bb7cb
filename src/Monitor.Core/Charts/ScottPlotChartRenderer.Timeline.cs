using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Monitor.Core.Charts;

public sealed partial class ScottPlotChartRenderer
{
    private const int TimelineWidth = 800;
    private const int TimelineRowHeight = 30;
    private const int TimelineLabelChars = 34;
    // what the plot area of a timeline roughly measures, to decide whether a band's name fits in it
    private const double TimelinePlotPixels = 480;
    private const double CharacterPixels = 7.5;
    private const string TodayText = "vandaag";
    private static readonly Color _today = Color.FromHex("#b3261e");
    private static readonly Color[] _bandFills = [Color.FromHex("#eef1f5"), Color.FromHex("#dde3ea")];

    /// <summary>
    /// One row per bar (top to bottom, labels on up to two lines) on a month axis over the bulk of the bars
    /// (<see cref="TimelineAxis"/>); a bar cut at an edge says where it really starts or ends ("→ tot 3 mrt 2031").
    /// Phase bands behind the bars are named in a strip above them where the name fits beside its neighbours,
    /// else by number, and the legend names them in full. A red line (dashed in PNG) marks today; when today lies
    /// outside the axis the legend says so. The legend also names the statuses.
    /// </summary>
    private static Drawing Draw(TimelineChartSpec spec, bool dashes)
    {
        spec.Validate();
        if (spec.Bars.Count == 0)
        {
            return NoData(NoDataText, TimelineWidth);
        }

        var axis = TimelineAxis.For(spec.Bars, spec.Today);
        var plot = NewPlot();
        var rows = spec.Bars.Count;
        double left = axis.Start.DayNumber;
        double right = axis.End.DayNumber;
        var top = rows - 0.4 + (spec.Bands.Count > 0 ? 0.9 : 0.2);
        var bottom = -0.6;
        var unnamedBands = Bands(plot, spec.Bands, axis, top);
        var bars = new List<Bar>();
        var ticks = new NumericManual();
        var notes = new List<(string Text, double X, double Y, Alignment Alignment)>();
        var wrapped = false;
        for (var i = 0; i < rows; i++)
        {
            var bar = spec.Bars[i];
            double y = rows - 1 - i;
            var style = spec.Categories[bar.Category];
            var fill = ChartColor.Parse(style.Fill, $"category '{bar.Category}'");
            var start = Math.Clamp(bar.Start.DayNumber, left, right);
            var end = Math.Clamp(bar.End.DayNumber + 1, left, right);
            bars.Add(new Bar
            {
                Position = y,
                ValueBase = start,
                // a bar of one day, or cut to nothing at an edge, stays visible as a sliver
                Value = Math.Max(end, start + ((right - left) / 200)),
                Size = 0.6,
                Orientation = Orientation.Horizontal,
                FillColor = fill,
                LineColor = style.Outline is { } outline ? ChartColor.Parse(outline, $"category '{bar.Category}'") : fill,
                LineWidth = style.Outline is null ? 0 : 1,
                LinePattern = style.Dashed && dashes ? LinePattern.Dashed : LinePattern.Solid,
            });
            var lines = ChartText.Wrap(ChartText.Clean(bar.Label), TimelineLabelChars, 2);
            wrapped |= lines.Count > 1;
            ticks.AddMajor(y, string.Join('\n', lines));
            if (bar.End.DayNumber + 1 > right)
            {
                // beside the visible part of the bar, towards the middle
                var text = bar.Start.DayNumber >= right ? $"→ {ChartText.Date(bar.Start)} – {ChartText.Date(bar.End)}" : $"→ tot {ChartText.Date(bar.End)}";
                notes.Add((text, start, y, Alignment.MiddleRight));
            }
            else if (bar.Start.DayNumber < left)
            {
                var text = bar.End.DayNumber < left ? $"← {ChartText.Date(bar.Start)} – {ChartText.Date(bar.End)}" : $"← vanaf {ChartText.Date(bar.Start)}";
                notes.Add((text, end, y, Alignment.MiddleLeft));
            }
        }

        plot.Add.Bars(bars);
        foreach (var note in notes)
        {
            EdgeNote(plot, note.Text, note.X, note.Y, note.Alignment);
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.Bottom.TickGenerator = MonthTicks(axis);

        var legend = spec.Categories.Where(category => spec.Bars.Any(bar => bar.Category == category.Key))
            .Select(category => LegendEntry(spec.CategoryLabel(category.Key), ChartColor.Parse(category.Value.Fill, category.Key),
                category.Value.Outline is { } outline ? ChartColor.Parse(outline, category.Key) : null))
            .ToList();
        if (spec.Today is { } today)
        {
            if (axis.Contains(today))
            {
                var line = plot.Add.VerticalLine(today.DayNumber + 0.5, 2, _today, dashes ? LinePattern.Dashed : LinePattern.Solid);
                line.LegendText = "";
                AddLabel(plot, TodayText, today.DayNumber + 0.5, bottom + 0.05, Alignment.LowerCenter, _today).LabelBackgroundColor = Colors.White;
                bottom -= 0.6;
                legend.Add(new LegendItem { LabelText = $"{TodayText} ({ChartText.Date(today)})", LineColor = _today, LineWidth = 2, LinePattern = dashes ? LinePattern.Dashed : LinePattern.Solid });
            }
            else
            {
                var side = today < axis.Start ? "vóór" : "na";
                legend.Add(new LegendItem { LabelText = $"{TodayText} ({ChartText.Date(today)}) ligt {side} deze periode" });
            }
        }

        if (unnamedBands.Count > 0)
        {
            legend.Add(LegendEntry("Fasen: " + string.Join(" · ", unnamedBands), _bandFills[1], _axis));
        }

        LegendBelow(plot, legend);
        plot.Axes.SetLimits(left, right, bottom, top);
        var rowHeight = wrapped ? TimelineRowHeight + 8 : TimelineRowHeight;
        return new Drawing(plot, TimelineWidth, 60 + (int)Math.Ceiling((top - bottom) * rowHeight) + 40 + ((legend.Count - 1) / 3 * 22));
    }

    /// <summary>
    /// The phase bands, cut to the axis and alternately shaded, with their names in the strip above the bars drawn
    /// after all bands (so no band covers a name). Left to right, a name is shown in full where it fits beside the
    /// previous one, else its number; returns the names not shown in full, for the legend.
    /// </summary>
    private static List<string> Bands(Plot plot, IReadOnlyList<TimelineBand> bands, TimelineAxis axis, double top)
    {
        double left = axis.Start.DayNumber;
        double right = axis.End.DayNumber;
        var labels = new List<(string Name, double X1, double X2)>();
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            var x1 = Math.Clamp(band.Start.DayNumber, left, right);
            var x2 = Math.Clamp(band.End.DayNumber + 1, left, right);
            var name = ChartText.Clean(band.Label);
            if (x2 <= x1)
            {
                labels.Add((name, double.NaN, double.NaN));
                continue;
            }

            var span = plot.Add.HorizontalSpan(x1, x2, _bandFills[i % _bandFills.Length]);
            span.LineWidth = 0;
            span.LegendText = "";
            labels.Add((name, x1, x2));
        }

        var unnamed = new List<string>();
        var free = double.NegativeInfinity;
        var pixelsPerDay = TimelinePlotPixels / (right - left);
        foreach (var (name, x1, x2) in labels.Where(label => !double.IsNaN(label.X1)).OrderBy(label => (label.X1 + label.X2) / 2))
        {
            var centre = (x1 + x2) / 2 * pixelsPerDay;
            var number = name.Split(' ')[0];
            string? shown = null;
            foreach (var candidate in new[] { name, number })
            {
                var half = candidate.Length * CharacterPixels / 2;
                // inside its band (or nearly), and clear of the name before it
                if (half * 2 <= ((x2 - x1) * pixelsPerDay) + 12 && centre - half >= free + 6)
                {
                    shown = candidate;
                    free = centre + half;
                    break;
                }
            }

            if (shown is not null)
            {
                AddLabel(plot, shown, (x1 + x2) / 2, top - 0.05, Alignment.UpperCenter, _text);
            }

            if (shown != name)
            {
                unnamed.Add(name);
            }
        }

        unnamed.AddRange(labels.Where(label => double.IsNaN(label.X1)).Select(label => label.Name));
        return unnamed;
    }

    /// <summary>A note at the edge of the plot where a bar is cut, saying where it really starts or ends.</summary>
    private static void EdgeNote(Plot plot, string text, double x, double y, Alignment alignment)
    {
        var note = AddLabel(plot, text, x, y, alignment, _text);
        note.LabelBackgroundColor = Colors.White.WithAlpha(0.9);
        note.LabelBorderColor = _axis;
        note.LabelBorderWidth = 1;
        note.LabelPadding = 2;
    }

    /// <summary>A tick at the first of each month; a label every 1, 2, 3, 6 or 12 months (at most 12 labels), with the year under January and the first label.</summary>
    private static NumericManual MonthTicks(TimelineAxis axis)
    {
        int[] steps = [1, 2, 3, 6, 12, 24, 60];
        var step = steps.First(candidate => axis.Months / candidate <= 12 || candidate == steps[^1]);
        var ticks = new NumericManual();
        var first = true;
        for (var i = 0; i <= axis.Months; i++)
        {
            var month = axis.Start.AddMonths(i);
            if ((month.Month - 1) % step != 0 && !(step >= 12 && month.Month == 1))
            {
                ticks.AddMinor(month.DayNumber);
                continue;
            }

            var year = month.Month == 1 || first ? "\n" + month.Year.ToString(CultureInfo.InvariantCulture) : "";
            ticks.AddMajor(month.DayNumber, ChartText.Month(month.Month) + year);
            first = false;
        }

        return ticks;
    }
}
