using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;

namespace Monitor.Core.Tests.Charts;

/// <summary>Reads rendered charts back as a reader sees them: the labels written in the SVG, the fills drawn, the size of a PNG.</summary>
internal static class ChartSvg
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly byte[] _pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    /// <summary>
    /// Every label in the image in document order (not the accessible title and description): the lines of one
    /// label share a position (the same transform) and are joined by a space.
    /// </summary>
    public static List<string> Labels(this XElement root)
    {
        var labels = new List<(string? Position, string Text)>();
        foreach (var text in root.Descendants(Svg + "text"))
        {
            var position = (string?)text.Attribute("transform");
            if (labels.Count > 0 && position is not null && labels[^1].Position == position)
            {
                labels[^1] = (position, labels[^1].Text + " " + text.Value.Trim());
            }
            else
            {
                labels.Add((position, text.Value.Trim()));
            }
        }

        return [.. labels.Select(label => label.Text)];
    }

    /// <summary>The fill colours of the rectangles drawn (bars, cells, legend swatches), in lower case.</summary>
    public static List<string> Fills(this XElement root) =>
        [.. root.Descendants(Svg + "rect").Select(rect => ((string?)rect.Attribute("fill") ?? "").ToLowerInvariant())];

    /// <summary>The width and height a PNG says it has, after checking its signature and that its first chunk is the header.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.That(png.Take(8), Is.EqualTo(_pngSignature), "PNG signature");
        Assert.That(System.Text.Encoding.ASCII.GetString(png, 12, 4), Is.EqualTo("IHDR"));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>WCAG relative luminance of a #rrggbb colour: how light it prints in grey.</summary>
    public static double Luminance(string hex)
    {
        static double Linear(string channel)
        {
            var c = int.Parse(channel, NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Linear(hex[1..3])) + (0.7152 * Linear(hex[3..5])) + (0.0722 * Linear(hex[5..7]));
    }
}
