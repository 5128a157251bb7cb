using System.Text.RegularExpressions;

namespace Monitor.Core.Charts;

/// <summary>Colours in specs are hex (#rgb or #rrggbb); anything else is refused, so no value can smuggle in a reference such as url(…).</summary>
internal static partial class ChartColor
{
    /// <exception cref="ArgumentException">The colour is not #rgb or #rrggbb.</exception>
    public static ScottPlot.Color Parse(string? color, string owner)
    {
        if (color is null || !HexColor().IsMatch(color))
        {
            throw new ArgumentException($"The colour of {owner} must be #rgb or #rrggbb, not '{color}'.");
        }

        var hex = color.Length == 4 ? $"#{color[1]}{color[1]}{color[2]}{color[2]}{color[3]}{color[3]}" : color;
        return ScottPlot.Color.FromHex(hex);
    }

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColor();
}
