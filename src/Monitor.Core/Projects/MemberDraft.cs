namespace Monitor.Core.Projects;

/// <summary>A group member by role label (never a real name in demo data).</summary>
public sealed record MemberDraft
{
    public required string RoleLabel { get; init; }
    public string Organisation { get; init; } = "";
    public DateOnly? JoinedOn { get; init; }
    public DateOnly? LeftOn { get; init; }
}
