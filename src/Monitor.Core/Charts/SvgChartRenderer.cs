using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Monitor.Core.Charts;

/// <summary>
/// Writes chart specs as standalone SVG for web pages and reports: a root with role="img" labelled by its
/// own &lt;title&gt; and &lt;desc&gt;; colours and sizes as presentation attributes (the web app's CSP forbids
/// inline styles); no scripts, links or external references; numbers in invariant notation. The same spec
/// always gives the same bytes. Drawn elements carry classes and data attributes (bar, band, today) for
/// tests and CSS. Another <see cref="IChartRenderer"/> (ScottPlot) would take the same specs.
/// </summary>
public sealed partial class SvgChartRenderer : IChartRenderer
{
    private const string FontStack = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
    private const string TextColor = "#1f2933";
    private const string MutedTextColor = "#4a5565";
    private const string AxisColor = "#8a94a8";
    private const string GridColor = "#e1e5eb";
    private const string YearGridColor = "#b8c0cc";
    private const string TodayColor = "#b3261e";
    private const string DefaultBarColor = "#0b5cad";
    private const string NoDataText = "Geen gegevens";
    private const string TodayText = "vandaag";
    private const double FontSize = 12;
    private const double SmallFontSize = 11;
    private const double Margin = 8;
    private const double LineHeight = 13;

    private const double TimelineWidth = 960;
    private const double TimelinePlotLeft = 260;
    private const double TimelinePlotRight = 944;
    private const double TimelineRowHeight = 28;
    private const double TimelineBarHeight = 16;

    private const double BarChartWidth = 640;
    private const double BarChartLabelColumn = 180;
    private const double BarChartValueSpace = 64;
    private const double BarChartRowHeight = 28;
    private const double BarChartBarThickness = 18;
    private const double BarChartPlotHeight = 200;

    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";
    private static readonly string[] _bandFills = ["#f4f6f9", "#e9edf3"];

    /// <inheritdoc/>
    public string Render(ChartSpec spec) => spec switch
    {
        null => throw new ArgumentNullException(nameof(spec)),
        TimelineChartSpec timeline => Render(timeline),
        BarChartSpec bars => Render(bars),
        StackedBarChartSpec stacked => Render(stacked),
        DivergingBarChartSpec diverging => Render(diverging),
        HeatmapChartSpec heatmap => Render(heatmap),
        _ => throw new ArgumentException($"{nameof(SvgChartRenderer)} cannot draw a {spec.GetType().Name}.", nameof(spec)),
    };

    /// <summary>Renders a timeline; throws <see cref="ArgumentException"/> for a bar or band that ends before it starts or an unknown category.</summary>
    private static string Render(TimelineChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Validate(spec);
        if (spec.Bars.Count == 0)
        {
            return Write(NoData(spec.Id, spec.Title, spec.Description, "timeline", TimelineWidth));
        }

        var periods = spec.Bars.Select(bar => (bar.Start, bar.End)).Concat(spec.Bands.Select(band => (band.Start, band.End))).ToList();
        var axisStart = FirstOfMonth(periods.Min(period => period.Start));
        var axisEnd = FirstOfMonth(periods.Max(period => period.End)).AddMonths(1);
        var scale = new DateScale(axisStart, axisEnd, TimelinePlotLeft, TimelinePlotRight);
        var today = spec.Today is { } day && day >= axisStart && day < axisEnd ? day : (DateOnly?)null;

        var top = Margin;
        var monthTop = spec.Bands.Count > 0 ? top + 18 : top;
        var plotTop = monthTop + 34;
        var plotBottom = plotTop + (spec.Bars.Count * TimelineRowHeight);
        var legendTop = plotBottom + (today is null ? 10 : 26);
        var height = legendTop + 14 + Margin;

        var root = Root(spec.Id, spec.Title, spec.Description, "timeline", TimelineWidth, height);
        root.Add(El("rect", Attr("class", "background"), Attr("x", 0), Attr("y", 0), Attr("width", TimelineWidth), Attr("height", height), Attr("fill", "#ffffff")));
        root.Add(TimelineBands(spec.Bands, scale, top, plotBottom));
        root.Add(MonthAxis(scale, monthTop, plotTop, plotBottom));
        root.Add(TimelineRows(spec, scale, plotTop));
        if (today is { } line)
        {
            root.Add(TodayLine(line, scale, plotTop, plotBottom));
        }

        root.Add(Legend(spec, legendTop));
        return Write(root);
    }

    /// <summary>Renders a bar chart; throws <see cref="ArgumentException"/> for a negative or non-finite value or maximum.</summary>
    private static string Render(BarChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Validate(spec);
        if (spec.Items.Count == 0)
        {
            return Write(NoData(spec.Id, spec.Title, spec.Description, "bar", BarChartWidth));
        }

        var max = spec.Max ?? spec.Items.Max(item => item.Value);
        if (max == 0)
        {
            max = 1;
        }

        return Write(spec.Orientation == BarOrientation.Vertical ? VerticalBars(spec, max) : HorizontalBars(spec, max));
    }

    private static XElement TimelineBands(IReadOnlyList<TimelineBand> bands, DateScale scale, double top, double plotBottom)
    {
        var group = El("g", Attr("class", "bands"));
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            var label = ChartText.Clean(band.Label);
            var x1 = scale.X(band.Start);
            var x2 = scale.X(band.End.AddDays(1));
            group.Add(El("rect",
                Attr("class", "band"),
                Attr("data-label", label),
                Attr("x", x1), Attr("y", top), Attr("width", x2 - x1), Attr("height", plotBottom - top),
                Attr("fill", _bandFills[i % _bandFills.Length])));
            group.Add(Text("band-label", label, ChartText.Fit(x2 - x1 - 6, SmallFontSize), (x1 + x2) / 2, top + 12, "middle", SmallFontSize, MutedTextColor));
        }

        return group;
    }

    private static XElement MonthAxis(DateScale scale, double monthTop, double plotTop, double plotBottom)
    {
        var months = scale.Months;
        var step = months <= 24 ? 1 : months <= 72 ? 3 : months <= 144 ? 6 : 12;
        var group = El("g", Attr("class", "axis"));
        group.Add(El("line", Attr("class", "axis-line"), Attr("x1", scale.Left), Attr("y1", plotTop), Attr("x2", scale.Right), Attr("y2", plotTop), Attr("stroke", AxisColor)));
        var yearShown = false;
        for (var i = 0; i <= months; i++)
        {
            var month = scale.Start.AddMonths(i);
            var x = scale.X(month);
            var key = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var labelled = i < months && (step == 1 || (month.Month - 1) % step == 0);
            if (labelled || i == months || step == 1)
            {
                var newYear = month.Month == 1 && i > 0 && i < months;
                group.Add(El("line", Attr("class", "grid"), Attr("x1", x), Attr("y1", plotTop), Attr("x2", x), Attr("y2", plotBottom), Attr("stroke", newYear ? YearGridColor : GridColor)));
            }

            group.Add(El("line", Attr("class", "tick"), Attr("data-month", key), Attr("x1", x), Attr("y1", plotTop - 4), Attr("x2", x), Attr("y2", plotTop), Attr("stroke", AxisColor)));
            if (!labelled)
            {
                continue;
            }

            // Every month labelled: centre the name in its column; sparser labels sit at their tick.
            var (labelX, anchor) = step == 1 ? ((x + scale.X(month.AddMonths(1))) / 2, "middle") : (x + 3, "start");
            group.Add(El("text", Attr("class", "month-label"), Attr("data-month", key), Attr("x", labelX), Attr("y", monthTop + 12),
                Attr("text-anchor", anchor), Attr("font-size", SmallFontSize), Attr("fill", MutedTextColor), ChartText.Month(month.Month)));
            if (month.Month == 1 || !yearShown)
            {
                group.Add(El("text", Attr("class", "year-label"), Attr("data-month", key), Attr("x", labelX), Attr("y", monthTop + 26),
                    Attr("text-anchor", anchor), Attr("font-size", SmallFontSize), Attr("fill", MutedTextColor),
                    month.Year.ToString(CultureInfo.InvariantCulture)));
                yearShown = true;
            }
        }

        return group;
    }

    private static XElement TimelineRows(TimelineChartSpec spec, DateScale scale, double plotTop)
    {
        var group = El("g", Attr("class", "rows"));
        var maxChars = ChartText.Fit(scale.Left - (2 * Margin) - 4, FontSize);
        for (var i = 0; i < spec.Bars.Count; i++)
        {
            var bar = spec.Bars[i];
            var label = ChartText.Clean(bar.Label);
            var rowTop = plotTop + (i * TimelineRowHeight);
            group.Add(Text("row-label", label, maxChars, Margin, rowTop + (TimelineRowHeight / 2) + 4, "start", FontSize, TextColor));

            var x1 = scale.X(bar.Start);
            var x2 = scale.X(bar.End.AddDays(1));
            var style = spec.Categories[bar.Category];
            var rect = El("rect",
                Attr("class", "bar"),
                Attr("data-label", label),
                Attr("data-category", bar.Category),
                Attr("data-start", bar.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Attr("data-end", bar.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                bar.Group is { } number ? Attr("data-group", number.ToString(CultureInfo.InvariantCulture)) : null,
                Attr("x", x1), Attr("y", rowTop + ((TimelineRowHeight - TimelineBarHeight) / 2)),
                Attr("width", Math.Max(x2 - x1, 2)), Attr("height", TimelineBarHeight), Attr("rx", 2),
                Paint(style),
                El("title", $"{label}: {ChartText.Date(bar.Start)} – {ChartText.Date(bar.End)} ({spec.CategoryLabel(bar.Category)})"));
            group.Add(rect);
        }

        return group;
    }

    private static XElement TodayLine(DateOnly today, DateScale scale, double plotTop, double plotBottom)
    {
        var x = scale.X(today);
        // Near the right edge a centred label would be cut off.
        var anchor = x + (ChartText.EstimateWidth(TodayText, SmallFontSize) / 2) > TimelineWidth - Margin ? "end" : "middle";
        return El("g", Attr("class", "today-marker"),
            El("line", Attr("class", "today"), Attr("data-date", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Attr("x1", x), Attr("y1", plotTop - 4), Attr("x2", x), Attr("y2", plotBottom + 4), Attr("stroke", TodayColor), Attr("stroke-width", 2)),
            El("text", Attr("class", "today-label"), Attr("x", x), Attr("y", plotBottom + 16), Attr("text-anchor", anchor),
                Attr("font-size", SmallFontSize), Attr("fill", TodayColor), TodayText,
                El("title", $"{TodayText}: {ChartText.Date(today)}")));
    }

    private static XElement Legend(TimelineChartSpec spec, double top)
    {
        var group = El("g", Attr("class", "legend"));
        var x = TimelinePlotLeft;
        foreach (var category in spec.Bars.Select(bar => bar.Category).Distinct(StringComparer.Ordinal))
        {
            var label = spec.CategoryLabel(category);
            group.Add(El("rect", Attr("class", "legend-swatch"), Attr("data-category", category),
                Attr("x", x), Attr("y", top), Attr("width", 12), Attr("height", 12), Attr("rx", 2), Paint(spec.Categories[category])));
            group.Add(El("text", Attr("class", "legend-label"), Attr("x", x + 18), Attr("y", top + 10), Attr("font-size", SmallFontSize), Attr("fill", TextColor), label));
            x += 18 + ChartText.EstimateWidth(label, SmallFontSize) + 20;
        }

        return group;
    }

    private static XElement HorizontalBars(BarChartSpec spec, double max)
    {
        var plotLeft = BarChartLabelColumn + Margin;
        var plotRight = BarChartWidth - BarChartValueSpace;
        var height = (2 * Margin) + (spec.Items.Count * BarChartRowHeight);
        var root = Root(spec.Id, spec.Title, spec.Description, "bar", BarChartWidth, height);
        root.Add(El("rect", Attr("class", "background"), Attr("x", 0), Attr("y", 0), Attr("width", BarChartWidth), Attr("height", height), Attr("fill", "#ffffff")));
        var maxChars = ChartText.Fit(BarChartLabelColumn - Margin - 4, FontSize);
        var bars = El("g", Attr("class", "bars"));
        for (var i = 0; i < spec.Items.Count; i++)
        {
            var item = spec.Items[i];
            var label = ChartText.Clean(item.Label);
            var rowTop = Margin + (i * BarChartRowHeight);
            var length = Fraction(item.Value, max) * (plotRight - plotLeft);
            bars.Add(Text("category-label", label, maxChars, Margin, rowTop + (BarChartRowHeight / 2) + 4, "start", FontSize, TextColor));
            bars.Add(BarRect(spec, item, label, plotLeft, rowTop + ((BarChartRowHeight - BarChartBarThickness) / 2), length, BarChartBarThickness));
            bars.Add(El("text", Attr("class", "value-label"), Attr("x", plotLeft + length + 6), Attr("y", rowTop + (BarChartRowHeight / 2) + 4),
                Attr("font-size", FontSize), Attr("fill", TextColor), spec.FormatValue(item.Value)));
        }

        root.Add(bars);
        root.Add(El("line", Attr("class", "axis-line"), Attr("x1", plotLeft), Attr("y1", Margin), Attr("x2", plotLeft), Attr("y2", height - Margin), Attr("stroke", AxisColor)));
        return root;
    }

    private static XElement VerticalBars(BarChartSpec spec, double max)
    {
        var plotTop = Margin + 18;
        var plotBottom = plotTop + BarChartPlotHeight;
        var height = plotBottom + 16 + LineHeight + Margin;
        var slot = (BarChartWidth - (2 * Margin)) / spec.Items.Count;
        var thickness = Math.Min(slot * 0.6, 56);
        var root = Root(spec.Id, spec.Title, spec.Description, "bar", BarChartWidth, height);
        root.Add(El("rect", Attr("class", "background"), Attr("x", 0), Attr("y", 0), Attr("width", BarChartWidth), Attr("height", height), Attr("fill", "#ffffff")));
        var maxChars = ChartText.Fit(slot - 4, SmallFontSize);
        var bars = El("g", Attr("class", "bars"));
        for (var i = 0; i < spec.Items.Count; i++)
        {
            var item = spec.Items[i];
            var label = ChartText.Clean(item.Label);
            var centre = Margin + (i * slot) + (slot / 2);
            var length = Fraction(item.Value, max) * BarChartPlotHeight;
            bars.Add(BarRect(spec, item, label, centre - (thickness / 2), plotBottom - length, thickness, length));
            bars.Add(El("text", Attr("class", "value-label"), Attr("x", centre), Attr("y", plotBottom - length - 6), Attr("text-anchor", "middle"),
                Attr("font-size", FontSize), Attr("fill", TextColor), spec.FormatValue(item.Value)));
            bars.Add(WrappedText("category-label", label, maxChars, centre, plotBottom + 16, SmallFontSize, TextColor));
        }

        root.Add(bars);
        root.Add(El("line", Attr("class", "axis-line"), Attr("x1", Margin), Attr("y1", plotBottom), Attr("x2", BarChartWidth - Margin), Attr("y2", plotBottom), Attr("stroke", AxisColor)));
        return root;
    }

    private static XElement BarRect(BarChartSpec spec, BarChartItem item, string label, double x, double y, double width, double height) =>
        El("rect",
            Attr("class", "bar"),
            Attr("data-label", label),
            Attr("data-value", item.Value.ToString("R", CultureInfo.InvariantCulture)),
            Attr("x", x), Attr("y", y), Attr("width", width), Attr("height", height),
            Attr("fill", item.Color ?? DefaultBarColor),
            El("title", $"{label}: {spec.FormatValue(item.Value)}"));

    private static double Fraction(double value, double max) => Math.Clamp(value / max, 0, 1);

    private static XElement NoData(string? id, string? title, string? description, string kind, double width)
    {
        const double height = 80;
        var root = Root(id, title, description, kind, width, height);
        root.Add(El("rect", Attr("class", "background"), Attr("x", 0), Attr("y", 0), Attr("width", width), Attr("height", height), Attr("fill", "#ffffff")));
        root.Add(El("text", Attr("class", "no-data"), Attr("x", width / 2), Attr("y", (height / 2) + 5), Attr("text-anchor", "middle"),
            Attr("font-size", FontSize), Attr("fill", MutedTextColor), NoDataText));
        return root;
    }

    private static XElement Root(string? id, string? title, string? description, string kind, double width, double height)
    {
        var elementId = ElementId(id);
        return El("svg",
            Attr("xmlns", _svg.NamespaceName),
            Attr("role", "img"),
            Attr("aria-labelledby", $"{elementId}-title {elementId}-desc"),
            Attr("viewBox", $"0 0 {Num(width)} {Num(height)}"),
            Attr("width", width),
            Attr("height", height),
            Attr("class", $"chart chart-{kind}"),
            Attr("font-family", FontStack),
            El("title", Attr("id", $"{elementId}-title"), ChartText.Clean(title)),
            El("desc", Attr("id", $"{elementId}-desc"), ChartText.Clean(description)));
    }

    /// <summary>A text that is shortened with "…" when it would not fit; the full text then goes into a &lt;title&gt; child (tooltip).</summary>
    private static XElement Text(string className, string text, int maxChars, double x, double y, string anchor, double fontSize, string fill)
    {
        var shown = ChartText.Shorten(text, maxChars);
        var element = El("text", Attr("class", className), Attr("x", x), Attr("y", y), Attr("text-anchor", anchor),
            Attr("font-size", fontSize), Attr("fill", fill), shown);
        if (!string.Equals(shown, text, StringComparison.Ordinal))
        {
            element.Add(El("title", text));
        }

        return element;
    }

    /// <summary>A centred text on at most two lines, shortened with "…" (full text in a &lt;title&gt; child) when it still does not fit.</summary>
    private static XElement WrappedText(string className, string text, int maxChars, double x, double y, double fontSize, string fill, string anchor = "middle")
    {
        var lines = ChartText.Wrap(text, maxChars, 2);
        var element = El("text", Attr("class", className), Attr("x", x), Attr("y", y), Attr("text-anchor", anchor),
            Attr("font-size", fontSize), Attr("fill", fill));
        if (lines.Count == 1)
        {
            element.Add(lines[0]);
        }
        else
        {
            element.Add(lines.Select((line, i) => El("tspan", Attr("x", x), Attr("dy", i == 0 ? 0 : LineHeight), line)));
        }

        if (!string.Equals(string.Join(' ', lines), text, StringComparison.Ordinal))
        {
            element.Add(El("title", text));
        }

        return element;
    }

    private static IEnumerable<XAttribute> Paint(CategoryStyle style)
    {
        yield return Attr("fill", style.Fill);
        if (style.Outline is not null || style.Dashed)
        {
            yield return Attr("stroke", style.Outline ?? MutedTextColor);
            yield return Attr("stroke-width", 1);
        }

        if (style.Dashed)
        {
            yield return Attr("stroke-dasharray", "4 2");
        }
    }

    private static void Validate(TimelineChartSpec spec)
    {
        foreach (var (category, style) in spec.Categories)
        {
            ValidateColor(style.Fill, $"category '{category}'");
            if (style.Outline is not null)
            {
                ValidateColor(style.Outline, $"category '{category}'");
            }
        }

        foreach (var bar in spec.Bars)
        {
            if (bar.End < bar.Start)
            {
                throw new ArgumentException($"Activity '{bar.Label}' ends ({bar.End:yyyy-MM-dd}) before it starts ({bar.Start:yyyy-MM-dd}).", nameof(spec));
            }

            if (!spec.Categories.ContainsKey(bar.Category))
            {
                throw new ArgumentException($"Activity '{bar.Label}' has category '{bar.Category}', which has no style in Categories.", nameof(spec));
            }
        }

        foreach (var band in spec.Bands)
        {
            if (band.End < band.Start)
            {
                throw new ArgumentException($"Band '{band.Label}' ends ({band.End:yyyy-MM-dd}) before it starts ({band.Start:yyyy-MM-dd}).", nameof(spec));
            }
        }
    }

    private static void Validate(BarChartSpec spec)
    {
        if (spec.Max is { } max && (!double.IsFinite(max) || max <= 0))
        {
            throw new ArgumentException($"Max must be a positive number, not {max.ToString(CultureInfo.InvariantCulture)}.", nameof(spec));
        }

        foreach (var item in spec.Items)
        {
            if (!double.IsFinite(item.Value) || item.Value < 0)
            {
                throw new ArgumentException($"Bar '{item.Label}' has value {item.Value.ToString(CultureInfo.InvariantCulture)}; values must be finite and not negative.", nameof(spec));
            }

            if (item.Color is not null)
            {
                ValidateColor(item.Color, $"bar '{item.Label}'");
            }
        }
    }

    private static void ValidateColor(string color, string owner)
    {
        if (!HexColor().IsMatch(color ?? ""))
        {
            throw new ArgumentException($"The colour of {owner} must be #rgb or #rrggbb, not '{color}'.");
        }
    }

    private static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);

    private static string ElementId(string? id)
    {
        var elementId = new StringBuilder("chart-");
        foreach (var c in id ?? "")
        {
            elementId.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return elementId.ToString();
    }

    private static string Write(XElement root)
    {
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        var svg = new StringBuilder();
        using (var writer = XmlWriter.Create(svg, settings))
        {
            root.WriteTo(writer);
        }

        return svg.Append('\n').ToString();
    }

    private static XElement El(string name, params object?[] content) => new(_svg + name, content);

    private static XAttribute Attr(string name, string value) => new(name, value);

    private static XAttribute Attr(string name, double value) => new(name, Num(value));

    private static string Num(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        // -0 would be written as "-0".
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}){1,2}$")]
    private static partial Regex HexColor();

    /// <summary>Maps dates to x positions, proportional to days, over whole months from <see cref="Start"/> up to (not including) End.</summary>
    private readonly record struct DateScale(DateOnly Start, DateOnly End, double Left, double Right)
    {
        public int Months => ((End.Year - Start.Year) * 12) + End.Month - Start.Month;

        public double X(DateOnly date) => Left + ((date.DayNumber - Start.DayNumber) * (Right - Left) / (End.DayNumber - Start.DayNumber));
    }
}
