using System.Text;

namespace Monitor.Core.Coding.Text;

/// <summary>
/// Brings text into the one form that coded offsets refer to: no leading byte order mark, LF line ends, Unicode NFC,
/// no control characters other than LF and tab. Idempotent: normalising normalised text changes nothing.
/// </summary>
public static class TextNormalizer
{
    private const char ByteOrderMark = '\uFEFF';

    public static string Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < raw.Length && raw[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                builder.Append(c).Append(raw[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                // A lone surrogate is not text, and string.Normalize refuses it.
                builder.Append('\uFFFD');
            }
            else if (c is '\n' or '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        // Controls are removed before composing, because a control between a letter and its combining mark blocks
        // NFC; removing it afterwards would leave a decomposed pair that a second pass would compose.
        var start = 0;
        while (start < builder.Length && builder[start] == ByteOrderMark)
        {
            start++;
        }

        var text = builder.ToString(start, builder.Length - start);
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }
}
