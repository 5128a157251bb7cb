namespace Monitor.Core.Planning;

/// <summary>A recorded decision to move the project from one phase to another (a gate).</summary>
public sealed record PhaseTransition(long Id, int FromPhase, int ToPhase, DateOnly DecidedOn, string Note, string DecidedBy);
