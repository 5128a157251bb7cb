using Monitor.Core.Coding.Agreement;

namespace Monitor.Core.Coding;

/// <summary>
/// The agreement figures of a closed round as they were computed when it closed (stored as JSON in
/// coding_round_results): the engine's report, the names of its codes by key, agreement on valence and the nominal α.
/// Fields added after a round was frozen are null for that round.
/// </summary>
public sealed record RoundFigures
{
    public required AgreementReport Report { get; init; }

    /// <summary>Names of the codes of <see cref="Report"/>, by the code id text the report uses.</summary>
    public required IReadOnlyDictionary<string, string> CodeNames { get; init; }

    /// <summary>Agreement on valence where both coders coded the same code (null for rounds frozen before it was measured).</summary>
    public ValenceReport? Valence { get; init; }

    /// <summary>α nominal with one category (code) per paragraph and missing values (null for rounds frozen before it was offered).</summary>
    public AlphaResult? NominalAlpha { get; init; }
}
