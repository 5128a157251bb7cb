using System.Globalization;
using System.Text;
using System.Xml;

namespace Monitor.Core.Charts;

/// <summary>Text rules shared by the chart specs and renderers: Dutch month names, cleaning and shortening labels.</summary>
internal static class ChartText
{
    // Average advance of a character in common sans-serif system fonts, in ems, rounded up a little
    // (DejaVu Sans, the widest of them, measures about 0.52 on mixed Dutch text).
    private const double CharacterWidth = 0.55;

    // Written out rather than taken from CultureInfo("nl-NL") so that output does not depend on the ICU data of the machine.
    private static readonly string[] _months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    public static NumberFormatInfo DutchNumbers { get; } = NumberFormatInfo.ReadOnly(new NumberFormatInfo
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = ".",
        CurrencyDecimalSeparator = ",",
        CurrencyGroupSeparator = ".",
    });

    public static string Month(int month) => _months[month - 1];

    public static string Date(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day} {Month(date.Month)} {date.Year}");

    /// <summary>Drops characters XML cannot carry and turns line breaks and tabs into single spaces.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = new StringBuilder(text.Length);
        var lastWasSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
                lastWasSpace = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    clean.Append(' ');
                }

                lastWasSpace = true;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
                lastWasSpace = false;
            }
        }

        return clean.ToString().Trim();
    }

    /// <summary>Estimates how many characters of a proportional system font fit in a width; there is no font metrics here.</summary>
    public static int Fit(double width, double fontSize) => Math.Max(1, (int)Math.Floor(width / (fontSize * CharacterWidth)));

    public static double EstimateWidth(string text, double fontSize) => text.Length * fontSize * CharacterWidth;

    public static string Shorten(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = Math.Max(0, maxChars - 1);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd(' ', '-', '–', ',', ':', ';') + "…";
    }

    /// <summary>Breaks text at spaces into at most <paramref name="maxLines"/> lines; the last one is shortened when the rest does not fit.</summary>
    public static IReadOnlyList<string> Wrap(string text, int maxChars, int maxLines)
    {
        var lines = new List<string>();
        var rest = text;
        while (lines.Count < maxLines - 1 && rest.Length > maxChars)
        {
            var cut = rest.LastIndexOf(' ', maxChars);
            if (cut <= 0)
            {
                break;
            }

            lines.Add(rest[..cut]);
            rest = rest[(cut + 1)..];
        }

        lines.Add(Shorten(rest, maxChars));
        return lines;
    }
}
