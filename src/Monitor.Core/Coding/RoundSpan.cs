namespace Monitor.Core.Coding;

/// <summary>What the coders of a closed round did with one code at one place of a document version.</summary>
public enum DifferenceKind
{
    /// <summary>Some but not all coders coded these characters with the code (a partial overlap included).</summary>
    Overlap,

    /// <summary>All coders coded these characters with the code, with different valences.</summary>
    Valentie,
}

/// <summary>
/// A maximal run of characters [<see cref="Start"/>, <see cref="End"/>) of one version and code on which the same
/// coders coded with the same valences. <see cref="Kind"/> null: every coder coded it alike (agreed, consensus).
/// <see cref="Codings"/> holds one coding per coder who coded it (the first one covering the run).
/// </summary>
public sealed record RoundSpan(long VersionId, long CodeId, int Start, int End, DifferenceKind? Kind, IReadOnlyList<Coding> Codings);
