namespace Monitor.Core.Learning;

/// <summary>
/// A "minder gewerkt" answer as the agenda suggester reads it: its meeting, its text, the MIDI determinants coded on it as
/// impeding (or mixed), and whether an agenda entry links it already.
/// </summary>
public sealed record LessAnswer
{
    public required long ReflectionId { get; init; }
    public required long MeetingId { get; init; }
    public required DateOnly HeldOn { get; init; }
    public required long GroupId { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<int> Determinants { get; init; } = [];
    public bool AlreadyLinked { get; init; }
}
