using System.Text;

namespace Monitor.Core.Interop.Refi;

/// <summary>
/// Reads a text source's selection positions in the convention the exporting program used. The convention is
/// detected per source: the one under which most selections' <c>name</c> (the coded text, which QualCoder, ATLAS.ti
/// and ImplementatieMonitor write) matches the text; without names, ATLAS.ti files count CRLF as one and all others
/// follow the specification. Positions are turned into code point boundaries of the stored (raw) text.
/// </summary>
public sealed class RefiPositions
{
    private const int MinPrefixLength = 10;

    private readonly int[] _boundaries;

    private RefiPositions(RefiOffsetConvention convention, int[] boundaries, int matched, int mismatched)
    {
        Convention = convention;
        _boundaries = boundaries;
        Matched = matched;
        Mismatched = mismatched;
    }

    public RefiOffsetConvention Convention { get; }

    /// <summary>Selections whose name matches their text under <see cref="Convention"/>.</summary>
    public int Matched { get; }

    /// <summary>Selections with a name that does not match their text under <see cref="Convention"/>.</summary>
    public int Mismatched { get; }

    /// <summary>True when this convention differs from the specification's for this text (only then is it worth a report line).</summary>
    public bool DiffersFromSpecification { get; private init; }

    /// <summary>Detects the convention of <paramref name="source"/>, written by a program whose project origin is <paramref name="origin"/>.</summary>
    public static RefiPositions Detect(RefiTextSource source, string origin)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = source.Text;
        var hasCrLf = text.Contains("\r\n", StringComparison.Ordinal);
        var hasPairs = text.Any(char.IsSurrogate);
        var candidates = new List<RefiOffsetConvention> { RefiOffsetConvention.CodePoints };
        if (hasCrLf)
        {
            // ATLAS.ti stores CRLF but counts it as one (QualCoder's importer notes the same): try that first on a tie.
            candidates.Insert(origin.Contains("ATLAS", StringComparison.OrdinalIgnoreCase) ? 0 : 1, RefiOffsetConvention.CodePointsCrLfAsOne);
        }

        if (hasPairs)
        {
            candidates.Add(RefiOffsetConvention.Utf16);
            if (hasCrLf)
            {
                candidates.Add(RefiOffsetConvention.Utf16CrLfAsOne);
            }
        }

        RefiPositions? best = null;
        foreach (var convention in candidates)
        {
            var boundaries = Boundaries(text, convention);
            if (source.Selections.Any(s => s.End >= boundaries.Length))
            {
                continue;
            }

            var (matched, mismatched) = Score(source, text, boundaries);
            if (best is null || matched > best.Matched)
            {
                best = new RefiPositions(convention, boundaries, matched, mismatched)
                {
                    DiffersFromSpecification = convention != RefiOffsetConvention.CodePoints,
                };
            }
        }

        // No convention holds every selection: keep the specification's, the caller reports what falls outside.
        return best ?? new RefiPositions(RefiOffsetConvention.CodePoints, Boundaries(text, RefiOffsetConvention.CodePoints), 0, 0);
    }

    /// <summary>The raw code point boundaries of a selection; null when it lies outside the text.</summary>
    public (int Start, int End)? ToCodePoints(RefiSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return selection.Start < 0 || selection.End < selection.Start || selection.End >= _boundaries.Length
            ? null
            : (_boundaries[selection.Start], _boundaries[selection.End]);
    }

    /// <summary>True when the selection has a name and it matches the text under the detected convention (or has no name).</summary>
    public bool NameMatches(RefiSelection selection, string text)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return string.IsNullOrWhiteSpace(selection.Name) || Matches(selection, text, _boundaries) != false;
    }

    /// <summary>Dutch: how this source's positions were read, for the import report.</summary>
    public string Describe() => Convention switch
    {
        RefiOffsetConvention.CodePointsCrLfAsOne => "posities tellen een Windows-regeleinde (CRLF) als één teken",
        RefiOffsetConvention.Utf16 => "posities tellen UTF-16-eenheden (een emoji als twee)",
        RefiOffsetConvention.Utf16CrLfAsOne => "posities tellen UTF-16-eenheden en een Windows-regeleinde als één teken",
        _ => "posities tellen Unicode-tekens (de standaard)",
    };

    // boundaries[p] = the code point boundary of the raw text at position p of the convention.
    private static int[] Boundaries(string text, RefiOffsetConvention convention)
    {
        var crLfAsOne = convention is RefiOffsetConvention.CodePointsCrLfAsOne or RefiOffsetConvention.Utf16CrLfAsOne;
        var utf16 = convention is RefiOffsetConvention.Utf16 or RefiOffsetConvention.Utf16CrLfAsOne;
        var boundaries = new List<int>(text.Length + 1) { 0 };
        var point = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (crLfAsOne && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // the CR takes no position of its own: "before the line end" is before the CR, "after" is after the LF
                point++;
                continue;
            }

            if (pair && utf16)
            {
                boundaries.Add(point);
            }

            if (pair)
            {
                i++;
            }

            point++;
            boundaries.Add(point);
        }

        return boundaries.ToArray();
    }

    private static (int Matched, int Mismatched) Score(RefiTextSource source, string text, int[] boundaries)
    {
        int matched = 0, mismatched = 0;
        foreach (var selection in source.Selections)
        {
            switch (Matches(selection, text, boundaries))
            {
                case true:
                    matched++;
                    break;
                case false:
                    mismatched++;
                    break;
            }
        }

        return (matched, mismatched);
    }

    // null: the selection has no name to compare with (ImplementatieMonitor writes the code's name there, see Comparable).
    private static bool? Matches(RefiSelection selection, string text, int[] boundaries)
    {
        var name = Comparable(selection.Name ?? "");
        if (name.Length == 0 || selection.End >= boundaries.Length || selection.Start > selection.End)
        {
            return name.Length == 0 ? null : false;
        }

        var slice = Comparable(CodePointText.Slice(text, boundaries[selection.Start], boundaries[selection.End]));
        if (slice == name)
        {
            return true;
        }

        // ATLAS.ti and others shorten long quotation names, sometimes with an ellipsis.
        var prefix = name.TrimEnd('…', '.', ' ');
        return prefix.Length >= MinPrefixLength && slice.StartsWith(prefix, StringComparison.Ordinal) ? true : false;
    }

    // Names and text are compared without line-end, whitespace and NFC/NFD differences.
    private static string Comparable(string value)
    {
        var normalized = value.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var space = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
