namespace Monitor.Core.Projects;

/// <summary>A meeting of a group.</summary>
public sealed record Meeting
{
    public required long Id { get; init; }
    public required long GroupId { get; init; }
    public required DateOnly HeldOn { get; init; }
    public required DatePrecision DatePrecision { get; init; }
    public required int? DurationMinutes { get; init; }
    public required string Title { get; init; }
    public required string Note { get; init; }
}
