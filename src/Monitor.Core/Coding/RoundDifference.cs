namespace Monitor.Core.Coding;

/// <summary>
/// A place in a closed round where the coders differ, to settle (<see cref="RoundDifferences"/>): characters
/// [<see cref="Start"/>, <see cref="End"/>) of the version the round was coded on, with the coders who coded them with
/// <see cref="CodeName"/> (and their valences), the coders who did not, and what was coded there otherwise.
/// <see cref="Decision"/>: null (open), "overgenomen" (in the consensus with <see cref="Valence"/>) or "afgewezen".
/// </summary>
public sealed record RoundDifference
{
    public required long Id { get; init; }
    public required long DocumentId { get; init; }
    public required string DocumentTitle { get; init; }
    public required long VersionId { get; init; }
    public required long CodeId { get; init; }
    public required string CodeName { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public required DifferenceKind Kind { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<RoundDifferenceCoder> CodedBy { get; init; }
    public required IReadOnlyList<string> NotCodedBy { get; init; }
    /// <summary>Codings of the round that overlap this place with another code (or by a coder who did not code it).</summary>
    public required IReadOnlyList<(string Coder, string CodeName, string Text)> OtherCodes { get; init; }
    public string? Decision { get; init; }
    public Valence? Valence { get; init; }

    /// <summary>The valences the coders gave here, in coder order, each once.</summary>
    public IReadOnlyList<Valence> Valences => [.. CodedBy.Select(c => c.Valence).Distinct()];
}

/// <summary>A coder who coded the place of a difference: the coding (of the round) and its valence there.</summary>
public sealed record RoundDifferenceCoder(Coding Coding, Valence Valence);

/// <summary>A consensus span decided outside the round's own settlement (demo data, a round closed before differences were listed).</summary>
internal sealed record ConsensusSpan(long VersionId, long CodeId, int Start, int End, Valence Valence);
