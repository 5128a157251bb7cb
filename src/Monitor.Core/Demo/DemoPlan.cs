using Monitor.Core.Planning;

namespace Monitor.Core.Demo;

/// <summary>The implementation plan of one demo project (Demo/demo-plans.json), with its phase decisions as the seed reports tell them.</summary>
public sealed record DemoPlan
{
    public required string Slug { get; init; }
    public IReadOnlyList<PhaseGoal> Goals { get; init; } = [];
    public IReadOnlyList<PlanActivityDraft> Activities { get; init; } = [];
    public IReadOnlyList<DemoPhaseDecision> PhaseDecisions { get; init; } = [];

    /// <summary>The versions the plan went through (seed 003: concept 1 → concept 2 → concept 3 → definitief), oldest first.</summary>
    public IReadOnlyList<DemoPlanVersion> Versions { get; init; } = [];
}

/// <summary>
/// A version of a demo plan: the live plan without the activities whose title starts with one of <see cref="Without"/>
/// and with the months of <see cref="Months"/> (by title start), as it stood then, and the steps it went through.
/// </summary>
public sealed record DemoPlanVersion
{
    public required string Name { get; init; }
    public required DateOnly SavedOn { get; init; }
    public string Note { get; init; } = "";
    public IReadOnlyList<string> Without { get; init; } = [];
    public IReadOnlyDictionary<string, YearMonth> Months { get; init; } = new Dictionary<string, YearMonth>();
    public IReadOnlyList<DemoPlanVersionStep> Steps { get; init; } = [];
}

/// <summary>A step of a demo plan version: the group by name, the meeting by its date in that group, who by role.</summary>
public sealed record DemoPlanVersionStep(PlanVersionStatus Status, DateOnly On, string? Group, DateOnly? MeetingOn, string Who, string Note);

/// <summary>A phase decision of a demo project (the reports take the phase on a date from these).</summary>
public sealed record DemoPhaseDecision(int FromPhase, int ToPhase, DateOnly DecidedOn, string Note);
