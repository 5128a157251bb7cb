namespace Monitor.Core.Coding;

/// <summary>
/// The frozen agreement of a closed round: its figures, when they were computed and on which document versions.
/// <see cref="Late"/>: the round closed before figures were frozen (before issue #17); they were fixed the first
/// time they were read, on the versions of that moment.
/// </summary>
public sealed record RoundResult(RoundFigures Figures, DateTimeOffset ComputedAt, bool Late, IReadOnlyList<RoundVersion> Versions);
