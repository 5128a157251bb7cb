namespace Monitor.Core.Coding.Agreement;

/// <summary>
/// Agreement over all codes. <see cref="Characters"/>: counts summed over codes and documents, κ from the
/// summed table (<see cref="AgreementFormulas.PooledCharacters"/>). <see cref="Segments"/>: counts summed over
/// all paragraph × code units, κ pooled after De Vries et al. 2008 (<see cref="AgreementFormulas.PooledSegments"/>).
/// <see cref="Alpha"/>: α over all paragraph × code units.
/// </summary>
public sealed record PooledAgreement
{
    public required IReadOnlyList<PairCounts> Characters { get; init; }

    public required IReadOnlyList<PairCounts> Segments { get; init; }

    public required AlphaResult Alpha { get; init; }
}
