using ScottPlot;
using ScottPlot.TickGenerators;

namespace Monitor.Core.Charts;

/// <summary>
/// Draws chart specs with ScottPlot: SVG for web pages and the HTML report (scaled to the column, labelled for screen
/// readers by <see cref="AccessibleSvg"/>), PNG with the title drawn in for documents that carry only an image. Each kind
/// has its own partial file that turns the spec into a ScottPlot <see cref="Plot"/> and tells its natural size.
/// Fonts are DejaVu Sans (Debian's fonts-dejavu-core), so Dutch diacritics draw the same on every machine.
/// </summary>
public sealed partial class ScottPlotChartRenderer : IChartRenderer
{
    internal const string FontName = "DejaVu Sans";
    private const string NoDataText = "Geen gegevens";
    private const string NoDataYetText = "Nog geen gegevens";
    private const float TickFontSize = 13;
    private const float SmallFontSize = 12;
    private const float TitleFontSize = 16;
    private const int NoDataHeight = 80;
    private const int PngScale = 2;

    private static readonly Color _text = Color.FromHex("#1f2933");
    private static readonly Color _mutedText = Color.FromHex("#4a5565");
    private static readonly Color _grid = Color.FromHex("#e1e5eb");
    private static readonly Color _axis = Color.FromHex("#8a94a8");

    /// <summary>A plot ready to draw and the size it is meant to be drawn at (in CSS pixels).</summary>
    private sealed record Drawing(Plot Plot, int Width, int Height);

    /// <inheritdoc/>
    public string Render(ChartSpec spec)
    {
        var drawing = Draw(spec, svg: true);
        using (drawing.Plot)
        {
            return AccessibleSvg.Finish(drawing.Plot.GetSvgXml(drawing.Width, drawing.Height), spec, drawing.Width, drawing.Height);
        }
    }

    /// <inheritdoc/>
    public byte[] RenderPng(ChartSpec spec)
    {
        var drawing = Draw(spec, svg: false);
        using (drawing.Plot)
        {
            // An image in a document has no heading of its own: the title is drawn in, above the plot.
            drawing.Plot.Title(ChartText.Clean(spec.Title), TitleFontSize);
            drawing.Plot.Axes.Title.Label.FontName = FontName;
            drawing.Plot.Axes.Title.Label.ForeColor = _text;
            drawing.Plot.ScaleFactor = PngScale;
            var titleHeight = 32;
            return drawing.Plot.GetImageBytes(drawing.Width * PngScale, (drawing.Height + titleHeight) * PngScale, ImageFormat.Png);
        }
    }

    // Skia's SVG canvas cannot write dashes (it says so on the console and draws solid), so dashes are for PNG only.
    private static Drawing Draw(ChartSpec spec, bool svg) => spec switch
    {
        null => throw new ArgumentNullException(nameof(spec)),
        TimelineChartSpec timeline => Draw(timeline, dashes: !svg),
        BarChartSpec bars => Draw(bars),
        StackedBarChartSpec stacked => Draw(stacked),
        DivergingBarChartSpec diverging => Draw(diverging),
        HeatmapChartSpec heatmap => Draw(heatmap),
        LikertChartSpec likert => Draw(likert),
        ProfileChartSpec profile => Draw(profile),
        _ => throw new ArgumentException($"{nameof(ScottPlotChartRenderer)} cannot draw a {spec.GetType().Name}.", nameof(spec)),
    };

    /// <summary>A plot with the house look: DejaVu Sans, dark text, light grid, no frame on top and right.</summary>
    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Axes.Color(_axis);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.ForeColor = _text;
            axis.TickLabelStyle.FontSize = TickFontSize;
            axis.Label.ForeColor = _text;
            axis.Label.FontSize = TickFontSize;
            axis.Label.Bold = false;
        }

        // Every chart sets its own ticks; ScottPlot's automatic ones (measured over many candidate spacings)
        // would cost most of the drawing time, also on the unused top and right axes.
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickGenerator = new NumericManual();
        }

        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = _grid;
        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = SmallFontSize;
        plot.Legend.FontColor = _text;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.BackgroundColor = Colors.Transparent;
        return plot;
    }

    /// <summary>A small plot with one sentence in the middle and no axes, for a chart without data.</summary>
    private static Drawing NoData(string text, int width)
    {
        var plot = NewPlot();
        plot.HideAxesAndGrid();
        AddLabel(plot, text, 0, 0, Alignment.MiddleCenter, _mutedText, TickFontSize);
        plot.Axes.SetLimits(-1, 1, -1, 1);
        return new Drawing(plot, width, NoDataHeight);
    }

    /// <summary>A text in the plot at data coordinates, in the house font.</summary>
    private static ScottPlot.Plottables.Text AddLabel(Plot plot, string text, double x, double y, Alignment alignment, Color color, float size = SmallFontSize)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontName = FontName;
        label.LabelFontSize = size;
        label.LabelFontColor = color;
        label.LabelAlignment = alignment;
        return label;
    }

    /// <summary>Value labels of bars in the house font, in the given colour.</summary>
    private static void ValueLabels(ScottPlot.Plottables.BarPlot bars, Color color)
    {
        bars.ValueLabelStyle.FontSize = SmallFontSize;
        bars.ValueLabelStyle.ForeColor = color;
        bars.ValueLabelStyle.FontName = FontName;
    }

    /// <summary>The legend as one row (wrapping when needed) under the plot, outside the data area.</summary>
    private static void LegendBelow(Plot plot, IEnumerable<LegendItem> items)
    {
        plot.Legend.ManualItems.AddRange(items);
        plot.Legend.DisplayPlottableLegendItems = false;
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
    }

    private static LegendItem LegendEntry(string label, Color fill, Color? outline = null) => new()
    {
        LabelText = label,
        FillColor = fill,
        OutlineColor = outline ?? fill,
        OutlineWidth = outline is null ? 0 : 1,
    };

    /// <summary>Dark or white text, whichever contrasts more with the fill (WCAG relative luminance).</summary>
    private static Color TextOn(Color fill) => Luminance(fill) > 0.18 ? Colors.Black : Colors.White;

    private static double Luminance(Color color)
    {
        static double Linear(byte channel)
        {
            var c = channel / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Linear(color.R)) + (0.7152 * Linear(color.G)) + (0.0722 * Linear(color.B));
    }
}
