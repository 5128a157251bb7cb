namespace Monitor.Core.Coding.Text;

/// <summary>
/// Conversions between .NET string indexes (UTF-16 code units) and Unicode code point offsets, which is what coded
/// spans store. A surrogate pair (an emoji such as 👍) is one code point; a lone surrogate counts as one as well.
/// </summary>
public static class CodePoints
{
    public static int Length(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var length = s.Length;
        for (var i = 0; i + 1 < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }

    /// <summary>The UTF-16 index where code point <paramref name="codePointIndex"/> starts; the string length at the end.</summary>
    public static int ToUtf16(string s, int codePointIndex)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentOutOfRangeException.ThrowIfNegative(codePointIndex);
        var utf16 = 0;
        for (var cp = 0; cp < codePointIndex; cp++)
        {
            if (utf16 >= s.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(codePointIndex), codePointIndex, "Beyond the end of the text.");
            }

            utf16 += IsPairAt(s, utf16) ? 2 : 1;
        }

        return utf16;
    }

    /// <summary>The code point offset of UTF-16 index <paramref name="utf16Index"/>, which must not split a surrogate pair.</summary>
    public static int FromUtf16(string s, int utf16Index)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentOutOfRangeException.ThrowIfNegative(utf16Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16Index, s.Length);
        if (utf16Index > 0 && IsPairAt(s, utf16Index - 1))
        {
            throw new ArgumentException($"UTF-16 index {utf16Index} lies inside a surrogate pair.", nameof(utf16Index));
        }

        var codePoints = 0;
        for (var i = 0; i < utf16Index; i++)
        {
            if (IsPairAt(s, i))
            {
                i++;
            }

            codePoints++;
        }

        return codePoints;
    }

    /// <summary>The text of code points <paramref name="start"/> up to (not including) <paramref name="end"/>.</summary>
    public static string Slice(string s, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        var from = ToUtf16(s, start);
        var to = from;
        for (var cp = start; cp < end; cp++)
        {
            if (to >= s.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(end), end, "Beyond the end of the text.");
            }

            to += IsPairAt(s, to) ? 2 : 1;
        }

        return s[from..to];
    }

    /// <summary>The code points of <paramref name="s"/> as integers, one per code point.</summary>
    internal static int[] ToArray(string s)
    {
        var result = new int[Length(s)];
        var j = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (IsPairAt(s, i))
            {
                result[j++] = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            else
            {
                result[j++] = s[i];
            }
        }

        return result;
    }

    private static bool IsPairAt(string s, int i) =>
        i + 1 < s.Length && char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]);
}
