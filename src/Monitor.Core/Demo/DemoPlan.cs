using Monitor.Core.Planning;

namespace Monitor.Core.Demo;

/// <summary>The implementation plan of one demo project (Demo/demo-plans.json).</summary>
public sealed record DemoPlan
{
    public required string Slug { get; init; }
    public IReadOnlyList<PhaseGoal> Goals { get; init; } = [];
    public IReadOnlyList<PlanActivityDraft> Activities { get; init; } = [];
}
