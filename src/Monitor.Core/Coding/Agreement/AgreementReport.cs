namespace Monitor.Core.Coding.Agreement;

/// <summary>Result of <see cref="AgreementCalculator.Compute"/>: per code (in input order) and pooled over all codes.</summary>
public sealed record AgreementReport
{
    public required IReadOnlyList<string> Coders { get; init; }

    public required IReadOnlyList<CodeAgreement> PerCode { get; init; }

    public required PooledAgreement Pooled { get; init; }
}
