namespace Monitor.Core.Interop.Refi;

/// <summary>
/// REFI-QDA counts text positions in Unicode code points (§10.2); .NET strings count UTF-16 code units.
/// An emoji outside the BMP is one code point but two chars. A lone surrogate counts as one code point.
/// </summary>
public static class CodePointText
{
    /// <summary>The number of code points in <paramref name="s"/>.</summary>
    public static int Length(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var count = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (IsPairAt(s, i))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    /// <summary>The code points from <paramref name="start"/> up to, not including, <paramref name="end"/>.</summary>
    public static string Slice(string s, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        var from = ToCharIndex(s, start);
        var to = ToCharIndex(s, end);
        return s[from..to];
    }

    /// <summary>The UTF-16 index at which code point <paramref name="codePoint"/> begins (the length at the end).</summary>
    public static int ToCharIndex(string s, int codePoint)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentOutOfRangeException.ThrowIfNegative(codePoint);
        var index = 0;
        for (var seen = 0; seen < codePoint; seen++)
        {
            if (index >= s.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(codePoint), codePoint, "Positie ligt na het einde van de tekst.");
            }

            index += IsPairAt(s, index) ? 2 : 1;
        }

        return index;
    }

    /// <summary>The code point index of UTF-16 index <paramref name="charIndex"/> (inverse of <see cref="ToCharIndex"/>).</summary>
    public static int FromCharIndex(string s, int charIndex)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentOutOfRangeException.ThrowIfNegative(charIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(charIndex, s.Length);
        var count = 0;
        for (var i = 0; i < charIndex; i++)
        {
            if (IsPairAt(s, i) && i + 1 < charIndex)
            {
                i++;
            }

            count++;
        }

        return count;
    }

    private static bool IsPairAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
}
