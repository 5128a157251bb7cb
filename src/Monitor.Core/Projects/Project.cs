using Monitor.Core.Privacy;

namespace Monitor.Core.Projects;

/// <summary>A project with its groups, members and meetings (the project page and GET /api/v1/projects/{id}).</summary>
public sealed record Project
{
    public required long Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string Organisation { get; init; }
    public required string Innovation { get; init; }
    public required string Description { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly? EndDate { get; init; }
    public required int CurrentPhase { get; init; }
    public required bool IsDemo { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required IReadOnlyList<ProjectGroup> Groups { get; init; }

    /// <summary>The project as <paramref name="audience"/> may see it: management gets no members and no meeting notes.</summary>
    public Project For(Audience audience) => audience == Audience.Team ? this : this with
    {
        Groups = [.. Groups.Select(g => g with { Members = [], Meetings = [.. g.Meetings.Select(m => m.For(audience))] })],
    };
}
