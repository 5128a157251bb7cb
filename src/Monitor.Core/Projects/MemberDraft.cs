namespace Monitor.Core.Projects;

/// <summary>A group member by role label (never a real name in demo data).</summary>
public sealed record MemberDraft
{
    public required string RoleLabel { get; init; }
    public string Organisation { get; init; } = "";
    public DateOnly? JoinedOn { get; init; }
    public DateOnly? LeftOn { get; init; }

    /// <summary>The role label of an earlier member of the same group whom this member replaces (seed 003: "Werkcoach 6 vervangt Werkcoach 3").</summary>
    public string? Replaces { get; init; }
}
