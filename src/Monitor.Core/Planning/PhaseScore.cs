namespace Monitor.Core.Planning;

/// <summary>
/// Progress of one phase, in the spirit of the Stages of Implementation Completion measure: how many of its
/// activities are done (cancelled ones do not count), how long the phase has taken, what is overdue.
/// </summary>
public sealed record PhaseScore
{
    public required int Phase { get; init; }

    /// <summary>Activities that count: all but the cancelled ones.</summary>
    public required int Activities { get; init; }
    public required int Done { get; init; }
    public required int Cancelled { get; init; }

    /// <summary>Planned month has passed and the activity is not done (and not cancelled).</summary>
    public required int Overdue { get; init; }

    /// <summary>Done / Activities, or null for a phase without activities.</summary>
    public required double? Completion { get; init; }
    public required DateOnly? FirstStart { get; init; }

    /// <summary>Date of the last completion, only once every counted activity is done.</summary>
    public required DateOnly? Completed { get; init; }

    /// <summary>First start to completion, or to today while the phase is open; null before anything started.</summary>
    public required int? DurationDays { get; init; }
    public required bool IsCurrent { get; init; }

    public bool IsComplete => Activities > 0 && Done == Activities;
}
