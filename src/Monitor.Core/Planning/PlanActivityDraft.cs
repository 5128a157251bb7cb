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
}
