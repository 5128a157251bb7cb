namespace Monitor.Core.Planning;

/// <summary>
/// An activity of the implementation plan with exactly the columns of the Keuzehulp plan (seed 003 ch. 4):
/// activiteit, doelgroep, actoren, belemmerende/bevorderende factoren, randvoorwaarden, uitvoerder/eigenaar,
/// planning (maand van realisatie); plus status, actual dates and the MIDI determinants it aims at.
/// </summary>
public sealed record PlanActivityDraft
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>Movisie phase 0..5.</summary>
    public required int Phase { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public TargetGroup TargetGroup { get; init; } = TargetGroup.Professionals;
    public string Actors { get; init; } = "";
    public string Barriers { get; init; } = "";
    public string Facilitators { get; init; } = "";
    public string Preconditions { get; init; } = "";
    public string Owner { get; init; } = "";
    public YearMonth? PlannedMonth { get; init; }
    public ActivityStatus Status { get; init; } = ActivityStatus.Gepland;
    public DateOnly? StartedOn { get; init; }
    public DateOnly? CompletedOn { get; init; }

    /// <summary>MIDI determinant numbers (1..29), ascending, no duplicates.</summary>
    public IReadOnlyList<int> Determinants { get; init; } = [];

    /// <summary>
    /// The activity as it stood at the end of <paramref name="date"/>: completed later, it was still 'bezig' (started by
    /// then) or 'gepland'; started later, it was 'gepland'. 'Vervallen' keeps no date and stays as it is.
    /// </summary>
    public PlanActivityDraft AsOf(DateOnly date) => Status switch
    {
        ActivityStatus.Gereed when CompletedOn is { } done && done > date =>
            StartedOn is { } started && started <= date ? this with { Status = ActivityStatus.Bezig, CompletedOn = null } : this with { Status = ActivityStatus.Gepland, StartedOn = null, CompletedOn = null },
        ActivityStatus.Bezig when StartedOn is { } started && started > date => this with { Status = ActivityStatus.Gepland, StartedOn = null },
        _ => this,
    };

    /// <summary>
    /// The same activity in another status, as the one-click change on the plan list makes it: 'bezig' dates its start
    /// today when it has none, 'gereed' its completion; back to 'bezig' or 'gepland' it is no longer completed. Dates
    /// the user typed stay.
    /// </summary>
    public PlanActivityDraft WithStatus(ActivityStatus status, DateOnly today) => status switch
    {
        ActivityStatus.Bezig => this with { Status = status, StartedOn = StartedOn ?? today, CompletedOn = null },
        ActivityStatus.Gereed => this with { Status = status, CompletedOn = CompletedOn ?? today },
        ActivityStatus.Gepland => this with { Status = status, CompletedOn = null },
        _ => this with { Status = status },
    };
}
