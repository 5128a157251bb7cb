namespace Monitor.Core.Learning;

/// <summary>
/// An agenda entry as a form or the API sends it. A <see cref="Status"/> different from the stored one is a status change
/// dated <see cref="StatusOn"/> (today when empty), kept in the history with <see cref="StatusNote"/>.
/// </summary>
public sealed record LearningItemDraft
{
    public required LearningItemKind Kind { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public string Owner { get; init; } = "";
    public string Actions { get; init; } = "";
    public string Learned { get; init; } = "";
    public LearningStatus Status { get; init; } = LearningStatus.Open;
    public DateOnly? StatusOn { get; init; }
    public string StatusNote { get; init; } = "";
    public IReadOnlyList<LearningSource> Sources { get; init; } = [];
    public bool Reconstructed { get; init; }
}
