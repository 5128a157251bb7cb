namespace Monitor.Core.Coding.Agreement;

/// <summary>Result of <see cref="ValenceAgreement.Compute"/>: per code (in input order) and pooled over all codes (tables summed).</summary>
public sealed record ValenceReport
{
    public required IReadOnlyList<CodeValenceAgreement> PerCode { get; init; }

    public required IReadOnlyList<ValencePair> Pooled { get; init; }
}

/// <summary>Agreement on valence for one code, per coder pair.</summary>
public sealed record CodeValenceAgreement(string Code, IReadOnlyList<ValencePair> Pairs);
