namespace Monitor.Core.Coding.Agreement;

/// <summary>Agreement for one code: character level and segment (paragraph) level per coder pair, and α over all coders.</summary>
public sealed record CodeAgreement
{
    public required string Code { get; init; }

    /// <summary>Per coder pair; unit = character. See <see cref="AgreementFormulas.CharacterUnit"/>.</summary>
    public required IReadOnlyList<PairCounts> Characters { get; init; }

    /// <summary>Per coder pair; unit = paragraph. See <see cref="AgreementFormulas.SegmentUnit"/>.</summary>
    public required IReadOnlyList<PairCounts> Segments { get; init; }

    /// <summary>Krippendorff's α over all coders; unit = paragraph. See <see cref="AgreementFormulas.AlphaUnit"/>.</summary>
    public required AlphaResult Alpha { get; init; }
}
