using Monitor.Core.Meetings;

namespace Monitor.Core.Projects;

/// <summary>A group of a project with its members and meetings.</summary>
public sealed record ProjectGroup
{
    public required long Id { get; init; }
    public required GroupKind Kind { get; init; }
    public required string Name { get; init; }
    public required string Purpose { get; init; }
    public required string Cadence { get; init; }
    public required IReadOnlyList<MemberInfo> Members { get; init; }
    public required IReadOnlyList<MeetingSummary> Meetings { get; init; }
}
