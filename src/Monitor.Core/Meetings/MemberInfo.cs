namespace Monitor.Core.Meetings;

/// <summary>A group member with its history: when they joined and left, and whom they replaced.</summary>
public sealed record MemberInfo
{
    public required long Id { get; init; }
    public required string RoleLabel { get; init; }
    public required string Organisation { get; init; }
    public required DateOnly? JoinedOn { get; init; }
    public required DateOnly? LeftOn { get; init; }
    public required long? ReplacesMemberId { get; init; }

    /// <summary>The account of the person, when the projectleider linked one.</summary>
    public long? UserId { get; init; }

    public bool IsActiveOn(DateOnly day) => (JoinedOn is null || JoinedOn <= day) && (LeftOn is null || LeftOn >= day);
}
