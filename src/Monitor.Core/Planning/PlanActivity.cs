namespace Monitor.Core.Planning;

/// <summary>A stored plan activity.</summary>
public sealed record PlanActivity
{
    public required long Id { get; init; }
    public required long ProjectId { get; init; }
    public required PlanActivityDraft Fields { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The meetings where the activity was discussed.</summary>
    public IReadOnlyList<long> MeetingIds { get; init; } = [];
}
