namespace Monitor.Core.Planning;

/// <summary>A stored plan activity.</summary>
public sealed record PlanActivity
{
    public required long Id { get; init; }
    public required long ProjectId { get; init; }
    public required PlanActivityDraft Fields { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A key never handed out twice (an id may be, after a delete): plan versions compare activities by it.</summary>
    public string Key { get; init; } = "";

    /// <summary>The meetings where the activity was discussed.</summary>
    public IReadOnlyList<long> MeetingIds { get; init; } = [];
}
