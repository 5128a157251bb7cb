namespace Monitor.Core.Coding.Agreement;

/// <summary>
/// The 2×2 table of one coder pair for one code (or pooled over codes) with percent agreement and Cohen's κ.
/// A row with <see cref="DocumentId"/> null is summed over documents and lists its documents in
/// <see cref="PerDocument"/>; per-document rows have an empty <see cref="PerDocument"/>.
/// Conventions: no units gives <see cref="PercentAgreement"/>, <see cref="ExpectedAgreement"/> and <see cref="Kappa"/>
/// null (nothing to agree on, not 0 %) and the note <see cref="AgreementNotes.NoUnits"/>; Pe = 1 (both coders coded nothing, or both coded everything) gives κ = 1 with the note
/// "volledige overeenstemming; kans-correctie niet van toepassing".
/// </summary>
public sealed record PairCounts
{
    public required string CoderA { get; init; }

    public required string CoderB { get; init; }

    /// <summary>Null for the row summed over documents.</summary>
    public long? DocumentId { get; init; }

    public required long TotalUnits { get; init; }

    public required long BothCoded { get; init; }

    public required long OnlyA { get; init; }

    public required long OnlyB { get; init; }

    public required long Neither { get; init; }

    /// <summary>Po = (both + neither) / total, 0..1; null without units.</summary>
    public required double? PercentAgreement { get; init; }

    /// <summary>Pe, the agreement expected by chance, 0..1; null without units.</summary>
    public required double? ExpectedAgreement { get; init; }

    public required double? Kappa { get; init; }

    /// <summary>Dutch explanation when a convention was applied; null otherwise.</summary>
    public string? Note { get; init; }

    public IReadOnlyList<PairCounts> PerDocument { get; init; } = [];
}
