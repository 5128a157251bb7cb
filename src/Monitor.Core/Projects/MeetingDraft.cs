namespace Monitor.Core.Projects;

/// <summary>A meeting of a group as it is created.</summary>
public sealed record MeetingDraft
{
    public required DateOnly HeldOn { get; init; }
    public DatePrecision DatePrecision { get; init; } = DatePrecision.Day;
    public int? DurationMinutes { get; init; }
    public string Title { get; init; } = "";
    public string Note { get; init; } = "";
}
