namespace Monitor.Core.Projects;

/// <summary>A group as listed on the home page: what it is and how often it met.</summary>
public sealed record GroupSummary
{
    public required long Id { get; init; }
    public required GroupKind Kind { get; init; }
    public required string Name { get; init; }
    public required string Cadence { get; init; }
    public required int MemberCount { get; init; }
    public required int MeetingCount { get; init; }
}
