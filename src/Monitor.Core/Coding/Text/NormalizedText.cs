using System.Globalization;
using System.Text;

namespace Monitor.Core.Coding.Text;

/// <summary>
/// A raw text (as another program stored it) and its normalised form (<see cref="TextNormalizer"/>), with the place
/// every code point boundary of the raw text lands in the normalised one. Characters the normaliser removes (the CR
/// of a CRLF, a byte order mark, control characters) map both their boundaries to one place, so a span that covers
/// such a character shrinks instead of getting lost; a span whose ends fall inside a letter that NFC composes (a
/// letter and its combining accent) grows to the whole letter.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _floor;
    private readonly int[] _ceiling;

    private NormalizedText(string text, int[] floor, int[] ceiling)
    {
        Text = text;
        _floor = floor;
        _ceiling = ceiling;
    }

    /// <summary>The normalised text, equal to <c>TextNormalizer.Normalize(raw)</c>.</summary>
    public string Text { get; }

    /// <summary>
    /// Builds the map; null in the rare case that composing letter by letter does not give what NFC gives for the
    /// whole text (some Hangul sequences), so that the caller falls back to a diff.
    /// </summary>
    public static NormalizedText? Build(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        // Step 1, as TextNormalizer does it but keeping the LF of a CRLF (so that "before the line end" stays before it).
        var kept = new StringBuilder(raw.Length);
        var rawToKept = new List<int>(raw.Length + 1) { 0 };
        var keptPoints = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                kept.Append(c).Append(raw[++i]);
                keptPoints++;
            }
            else if (c == '\r')
            {
                if (i + 1 >= raw.Length || raw[i + 1] != '\n')
                {
                    kept.Append('\n');
                    keptPoints++;
                }
            }
            else if (char.IsSurrogate(c))
            {
                kept.Append('\uFFFD');
                keptPoints++;
            }
            else if (c == '\uFEFF' && kept.Length == 0)
            {
                // a leading byte order mark goes, as in TextNormalizer
            }
            else if (c is '\n' or '\t' || !char.IsControl(c))
            {
                kept.Append(c);
                keptPoints++;
            }

            rawToKept.Add(keptPoints);
        }

        return Compose(kept.ToString(), rawToKept, raw);
    }

    /// <summary>The normalised span for raw code points [start, end); null when nothing of it is left.</summary>
    public TextSpan? Map(int start, int end)
    {
        if (start < 0 || end >= _floor.Length || start > end)
        {
            return null;
        }

        var from = _floor[start];
        var to = _ceiling[end];
        return from < to ? new TextSpan(from, to) : null;
    }

    // Step 2: NFC letter by letter (a starter with its combining marks), recording where each kept boundary lands.
    private static NormalizedText? Compose(string kept, List<int> rawToKept, string raw)
    {
        var points = CodePoints.ToArray(kept);
        var floor = new int[points.Length + 1];
        var ceiling = new int[points.Length + 1];
        var output = new StringBuilder(kept.Length);
        var outputLength = 0;
        var i = 0;
        while (i < points.Length)
        {
            var j = i + 1;
            while (j < points.Length && IsCombining(points[j]))
            {
                j++;
            }

            var letter = new StringBuilder();
            for (var k = i; k < j; k++)
            {
                letter.Append(char.ConvertFromUtf32(points[k]));
            }

            var composed = letter.ToString();
            composed = composed.IsNormalized(NormalizationForm.FormC) ? composed : composed.Normalize(NormalizationForm.FormC);
            var composedLength = CodePoints.Length(composed);
            floor[i] = ceiling[i] = outputLength;
            for (var k = i + 1; k < j; k++)
            {
                floor[k] = outputLength;
                ceiling[k] = outputLength + composedLength;
            }

            output.Append(composed);
            outputLength += composedLength;
            i = j;
        }

        floor[points.Length] = ceiling[points.Length] = outputLength;
        var text = output.ToString();
        if (text != TextNormalizer.Normalize(raw))
        {
            return null;
        }

        var rawFloor = new int[rawToKept.Count];
        var rawCeiling = new int[rawToKept.Count];
        for (var r = 0; r < rawToKept.Count; r++)
        {
            rawFloor[r] = floor[rawToKept[r]];
            rawCeiling[r] = ceiling[rawToKept[r]];
        }

        return new NormalizedText(text, rawFloor, rawCeiling);
    }

    private static bool IsCombining(int codePoint) =>
        CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
