namespace Monitor.Core.Learning;

/// <summary>A high or low point as a participant adds it: the day, the group it belongs to (or none: the whole project), a title and a short story.</summary>
public sealed record MomentDraft
{
    public required DateOnly OccurredOn { get; init; }
    public required MomentKind Kind { get; init; }
    public required string Title { get; init; }
    public string Story { get; init; } = "";
    public long? GroupId { get; init; }
    public bool Reconstructed { get; init; }
}
