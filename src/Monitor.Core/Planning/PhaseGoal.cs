namespace Monitor.Core.Planning;

/// <summary>A project's goal for one phase (Arnhem formulated goals per phase instead of a full plan).</summary>
public sealed record PhaseGoal(int Phase, string Goal);
