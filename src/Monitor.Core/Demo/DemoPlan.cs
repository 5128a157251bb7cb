using Monitor.Core.Planning;

namespace Monitor.Core.Demo;

/// <summary>The implementation plan of one demo project (Demo/demo-plans.json), with its phase decisions as the seed reports tell them.</summary>
public sealed record DemoPlan
{
    public required string Slug { get; init; }
    public IReadOnlyList<PhaseGoal> Goals { get; init; } = [];
    public IReadOnlyList<PlanActivityDraft> Activities { get; init; } = [];
    public IReadOnlyList<DemoPhaseDecision> PhaseDecisions { get; init; } = [];
}

/// <summary>A phase decision of a demo project (the reports take the phase on a date from these).</summary>
public sealed record DemoPhaseDecision(int FromPhase, int ToPhase, DateOnly DecidedOn, string Note);
