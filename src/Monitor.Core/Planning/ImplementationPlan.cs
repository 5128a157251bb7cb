namespace Monitor.Core.Planning;

/// <summary>A project's plan: goals and activities per phase and the phase decisions so far.</summary>
public sealed record ImplementationPlan(
    long ProjectId,
    int CurrentPhase,
    IReadOnlyList<PhaseGoal> Goals,
    IReadOnlyList<PlanActivity> Activities,
    IReadOnlyList<PhaseTransition> Transitions)
{
    /// <summary>
    /// The plan as it stood at the end of <paramref name="date"/>: each activity's status then
    /// (<see cref="PlanActivityDraft.AsOf"/>), the decisions taken by then and the phase they had led to
    /// (<paramref name="phase"/>, from <see cref="PhaseHistory"/>; the current phase when unknown).
    /// </summary>
    public ImplementationPlan AsOf(DateOnly date, int? phase) => this with
    {
        CurrentPhase = phase ?? CurrentPhase,
        Activities = [.. Activities.Select(a => a with { Fields = a.Fields.AsOf(date) })],
        Transitions = [.. Transitions.Where(t => t.DecidedOn <= date)],
    };
}
