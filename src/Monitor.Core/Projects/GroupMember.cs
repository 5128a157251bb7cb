namespace Monitor.Core.Projects;

/// <summary>A member of a group, by role.</summary>
public sealed record GroupMember
{
    public required long Id { get; init; }
    public required string RoleLabel { get; init; }
    public required string Organisation { get; init; }
    public required DateOnly? JoinedOn { get; init; }
    public required DateOnly? LeftOn { get; init; }

    public bool IsActiveOn(DateOnly day) => (JoinedOn is null || JoinedOn <= day) && (LeftOn is null || LeftOn >= day);
}
