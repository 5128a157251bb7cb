namespace Monitor.Core.Portfolio;

/// <summary>One project on the management dashboard (portfolio): phase, plan progress, meetings and barriers.</summary>
public sealed record PortfolioRow
{
    public required long ProjectId { get; init; }
    public required string Name { get; init; }
    public required string Organisation { get; init; }

    /// <summary>Current Movisie phase, 0..5.</summary>
    public required int CurrentPhase { get; init; }

    /// <summary>Done / counted activities over all phases (cancelled ones do not count); null without activities.</summary>
    public required double? OverallScore { get; init; }

    /// <summary>The current phase's <see cref="Planning.PhaseScore.Completion"/>; null when it has no activities.</summary>
    public required double? CurrentPhaseScore { get; init; }

    /// <summary>Activities that are gereed.</summary>
    public required int ActivitiesDone { get; init; }

    /// <summary>Activities that count: all but the cancelled ones.</summary>
    public required int Activities { get; init; }

    /// <summary>Activities for which <see cref="Planning.PlanScoring.IsOverdue"/> holds today.</summary>
    public required int OverdueActivities { get; init; }

    /// <summary>Date of the last held meeting (status gehouden, not after today) of any group; null when none.</summary>
    public required DateOnly? LastMeetingOn { get; init; }
    public required int? DaysSinceLastMeeting { get; init; }

    /// <summary>Action items with status open, in all groups.</summary>
    public required int OpenActionItems { get; init; }

    /// <summary>
    /// MIDI determinants with more barrier than facilitator codings dated in the last
    /// <see cref="PortfolioService.BarrierWindowDays"/> days (see <see cref="PortfolioService"/>).
    /// </summary>
    public required int OpenBarriers { get; init; }

    /// <summary>
    /// Reach of the innovation (#22): clients reached as a share of the target group in the last month with counts up to
    /// the reference date, all teams together; null without counts (or without a target group).
    /// </summary>
    public double? Reach { get; init; }

    /// <summary>The month <see cref="Reach"/> belongs to.</summary>
    public DateOnly? ReachMonth { get; init; }
}
