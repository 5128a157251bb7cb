namespace Monitor.Core.Projects;

/// <summary>A project with its groups, members and meetings, as it is created (demo data, import, API).</summary>
public sealed record ProjectDraft
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;

    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string Organisation { get; init; }
    public required string Innovation { get; init; }
    public string Description { get; init; } = "";
    public required DateOnly StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public required int CurrentPhase { get; init; }
    public IReadOnlyList<GroupDraft> Groups { get; init; } = [];
}
