namespace Monitor.Core.Learning;

/// <summary>An entry of a project's learning agenda with its whole status history (oldest first) and its linked sources.</summary>
public sealed record LearningItem
{
    public required long Id { get; init; }
    public required long ProjectId { get; init; }
    public required LearningItemKind Kind { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Owner { get; init; }
    public required string Actions { get; init; }
    public required string Learned { get; init; }
    public required LearningStatus Status { get; init; }
    public required bool Reconstructed { get; init; }
    public required IReadOnlyList<LearningStatusChange> History { get; init; }
    public required IReadOnlyList<LearningSource> Sources { get; init; }

    /// <summary>The day the entry was put on the agenda (its first status).</summary>
    public DateOnly OpenedOn => History.Count > 0 ? History[0].On : DateOnly.MinValue;
}
