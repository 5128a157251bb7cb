using System.Globalization;
using System.Xml.Linq;

namespace Monitor.Core.Charts;

public sealed partial class SvgChartRenderer
{
    private const string NoDataYetText = "Nog geen gegevens";
    // Red and green that reach 4.5:1 on white, more than the 3:1 that WCAG 1.4.11 asks of graphics; the side
    // of the axis, the arrows in the legend and the data-side attribute tell them apart without colour.
    private const string LeftBarColor = "#b3261e";
    private const string RightBarColor = "#2e7d4f";
    private const double DivergingWidth = 720;
    private const double DivergingLabelColumn = 240;
    private const double DivergingValueSpace = 36;
    private const double DivergingRowHeight = 30;
    private const double DivergingWrappedRowHeight = 38;
    private const double DivergingHeadingHeight = 26;
    private const double DivergingBarThickness = 18;
    private const double DivergingLegendHeight = 14;

    /// <summary>
    /// Renders a diverging bar chart, 720 wide: the labels on the left (on up to two lines, shortened with the
    /// full label as tooltip), a heading row whenever the group changes (none for an empty group name), a
    /// zero axis in the middle with the left count drawn leftwards in red and the right count rightwards in
    /// green, both on the scale of the largest count, each count written at the end of its bar (a count of 0
    /// draws no bar), and a legend "← left | right →" above. Without items it says "Nog geen gegevens".
    /// Throws <see cref="ArgumentException"/> for a negative count.
    /// </summary>
    private static string Render(DivergingBarChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (spec.Items.Count == 0)
        {
            return Write(NoData(spec.Id, spec.Title, spec.Description, "diverging-bar", DivergingWidth, NoDataYetText));
        }

        var largest = spec.Items.Max(item => Math.Max(item.Left, item.Right));
        var max = largest == 0 ? 1 : largest;
        var plotLeft = DivergingLabelColumn + Margin;
        var plotRight = DivergingWidth - Margin;
        var centre = (plotLeft + plotRight) / 2;
        var halfLength = centre - plotLeft - DivergingValueSpace;
        var plotTop = Margin + DivergingLegendHeight + 12;

        var rows = El("g", Attr("class", "rows"));
        var bars = El("g", Attr("class", "bars"));
        var y = plotTop;
        string? group = null;
        for (var i = 0; i < spec.Items.Count; i++)
        {
            var item = spec.Items[i];
            var itemGroup = ChartText.Clean(item.Group);
            if (!string.Equals(itemGroup, group, StringComparison.Ordinal))
            {
                group = itemGroup;
                if (i > 0)
                {
                    rows.Add(El("line", Attr("class", "group-rule"), Attr("x1", Margin), Attr("y1", y), Attr("x2", plotRight), Attr("y2", y), Attr("stroke", GridColor)));
                }

                if (group.Length > 0)
                {
                    var heading = Text("group-heading", group, ChartText.Fit(centre - Margin - 8, FontSize), Margin, y + 18, "start", FontSize, TextColor);
                    heading.Add(Attr("font-weight", "bold"), Attr("data-group", group));
                    rows.Add(heading);
                    y += DivergingHeadingHeight;
                }
            }

            var label = ChartText.Clean(item.Label);
            var maxChars = ChartText.Fit(DivergingLabelColumn - Margin - 4, FontSize);
            // A label on two lines needs a little more room than the bar beside it.
            var rowHeight = ChartText.Wrap(label, maxChars, 2).Count > 1 ? DivergingWrappedRowHeight : DivergingRowHeight;
            var middle = y + (rowHeight / 2);
            var row = LeftWrappedText("category-label", label, maxChars, Margin, middle, FontSize, TextColor);
            row.Add(Attr("data-index", i));
            rows.Add(row);

            var barTop = middle - (DivergingBarThickness / 2);
            var leftLength = (double)item.Left / max * halfLength;
            var rightLength = (double)item.Right / max * halfLength;
            AddDivergingBar(bars, spec, item, label, itemGroup, i, "left", centre - leftLength, barTop, leftLength);
            AddDivergingBar(bars, spec, item, label, itemGroup, i, "right", centre, barTop, rightLength);
            bars.Add(El("text", Attr("class", "value-label"), Attr("data-index", i), Attr("data-side", "left"),
                Attr("x", centre - leftLength - 5), Attr("y", middle + 4), Attr("text-anchor", "end"),
                Attr("font-size", SmallFontSize), Attr("fill", TextColor), DivergingBarChartSpec.FormatCount(item.Left)));
            bars.Add(El("text", Attr("class", "value-label"), Attr("data-index", i), Attr("data-side", "right"),
                Attr("x", centre + rightLength + 5), Attr("y", middle + 4), Attr("text-anchor", "start"),
                Attr("font-size", SmallFontSize), Attr("fill", TextColor), DivergingBarChartSpec.FormatCount(item.Right)));
            y += rowHeight;
        }

        var plotBottom = y;
        var height = plotBottom + Margin;
        var root = Root(spec.Id, spec.Title, spec.Description, "diverging-bar", DivergingWidth, height);
        root.Add(El("rect", Attr("class", "background"), Attr("x", 0), Attr("y", 0), Attr("width", DivergingWidth), Attr("height", height), Attr("fill", "#ffffff")));
        root.Add(DivergingLegend(spec, centre, Margin));
        root.Add(rows);
        root.Add(bars);
        root.Add(El("line", Attr("class", "zero-axis"), Attr("x1", centre), Attr("y1", plotTop - 4), Attr("x2", centre), Attr("y2", plotBottom),
            Attr("stroke", MutedTextColor), Attr("stroke-width", 1.5)));
        return Write(root);
    }

    private static void AddDivergingBar(XElement bars, DivergingBarChartSpec spec, DivergingBarItem item, string label, string group, int index, string side,
        double x, double y, double length)
    {
        var (count, sideLabel, fill) = side == "left" ? (item.Left, spec.LeftLabel, LeftBarColor) : (item.Right, spec.RightLabel, RightBarColor);
        if (count == 0)
        {
            return;
        }

        bars.Add(El("rect",
            Attr("class", "bar"),
            Attr("data-label", label),
            Attr("data-group", group),
            Attr("data-index", index),
            Attr("data-side", side),
            Attr("data-value", count.ToString(CultureInfo.InvariantCulture)),
            Attr("x", x), Attr("y", y), Attr("width", length), Attr("height", DivergingBarThickness),
            Attr("fill", fill),
            El("title", $"{label} – {ChartText.Clean(sideLabel)}: {DivergingBarChartSpec.FormatCount(count)}")));
    }

    private static XElement DivergingLegend(DivergingBarChartSpec spec, double centre, double top)
    {
        var left = $"← {ChartText.Clean(spec.LeftLabel)}";
        var right = $"{ChartText.Clean(spec.RightLabel)} →";
        return El("g", Attr("class", "legend"),
            El("text", Attr("class", "legend-label"), Attr("data-side", "left"), Attr("x", centre - 26), Attr("y", top + 10), Attr("text-anchor", "end"),
                Attr("font-size", SmallFontSize), Attr("fill", TextColor), left),
            El("rect", Attr("class", "legend-swatch"), Attr("data-side", "left"),
                Attr("x", centre - 20), Attr("y", top), Attr("width", 12), Attr("height", 12), Attr("rx", 2), Attr("fill", LeftBarColor)),
            El("text", Attr("class", "legend-separator"), Attr("x", centre), Attr("y", top + 10), Attr("text-anchor", "middle"),
                Attr("font-size", SmallFontSize), Attr("fill", MutedTextColor), "|"),
            El("rect", Attr("class", "legend-swatch"), Attr("data-side", "right"),
                Attr("x", centre + 8), Attr("y", top), Attr("width", 12), Attr("height", 12), Attr("rx", 2), Attr("fill", RightBarColor)),
            El("text", Attr("class", "legend-label"), Attr("data-side", "right"), Attr("x", centre + 26), Attr("y", top + 10), Attr("text-anchor", "start"),
                Attr("font-size", SmallFontSize), Attr("fill", TextColor), right));
    }

    /// <summary>
    /// A left-aligned text on at most two lines, vertically centred on <paramref name="middle"/>; shortened with
    /// "…" (full text in a &lt;title&gt; child) when it still does not fit.
    /// </summary>
    private static XElement LeftWrappedText(string className, string text, int maxChars, double x, double middle, double fontSize, string fill)
    {
        var lines = ChartText.Wrap(text, maxChars, 2).Count;
        return WrappedText(className, text, maxChars, x, middle + 4 - ((lines - 1) * LineHeight / 2), fontSize, fill, "start");
    }

    private static XElement NoData(string? id, string? title, string? description, string kind, double width, string text)
    {
        const double height = 80;
        var root = Root(id, title, description, kind, width, height);
        root.Add(El("rect", Attr("class", "background"), Attr("x", 0), Attr("y", 0), Attr("width", width), Attr("height", height), Attr("fill", "#ffffff")));
        root.Add(El("text", Attr("class", "no-data"), Attr("x", width / 2), Attr("y", (height / 2) + 5), Attr("text-anchor", "middle"),
            Attr("font-size", FontSize), Attr("fill", MutedTextColor), text));
        return root;
    }
}
