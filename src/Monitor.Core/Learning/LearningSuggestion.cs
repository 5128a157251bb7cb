namespace Monitor.Core.Learning;

/// <summary>
/// A suggested knelpunt: "minder gewerkt" answers of several meetings that share a MIDI determinant
/// (<see cref="Determinant"/>) or a significant word (<see cref="Word"/>), with the reflections and meetings it rests on.
/// </summary>
public sealed record LearningSuggestion
{
    public required string Key { get; init; }
    public int? Determinant { get; init; }
    public string? Word { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<long> ReflectionIds { get; init; }
    public required IReadOnlyList<long> MeetingIds { get; init; }
}
