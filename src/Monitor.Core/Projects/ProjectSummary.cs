namespace Monitor.Core.Projects;

/// <summary>A project as listed on the home page and in GET /api/v1/projects.</summary>
public sealed record ProjectSummary
{
    public required long Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string Organisation { get; init; }
    public required string Innovation { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly? EndDate { get; init; }
    public required int CurrentPhase { get; init; }
    public required bool IsDemo { get; init; }
    public required IReadOnlyList<GroupSummary> Groups { get; init; }
    public required DateOnly? LastMeetingOn { get; init; }

    public int MeetingCount => Groups.Sum(g => g.MeetingCount);
}
