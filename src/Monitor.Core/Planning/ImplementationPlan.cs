namespace Monitor.Core.Planning;

/// <summary>A project's plan: goals and activities per phase and the phase decisions so far.</summary>
public sealed record ImplementationPlan(
    long ProjectId,
    int CurrentPhase,
    IReadOnlyList<PhaseGoal> Goals,
    IReadOnlyList<PlanActivity> Activities,
    IReadOnlyList<PhaseTransition> Transitions);
