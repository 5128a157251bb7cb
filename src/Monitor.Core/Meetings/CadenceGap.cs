namespace Monitor.Core.Meetings;

/// <summary>
/// A stretch without a held meeting that is longer than the group's cadence allows: from the meeting
/// <paramref name="From"/> to the next one <paramref name="To"/>, <paramref name="Days"/> days apart. An open gap
/// (<paramref name="IsOpen"/>) has no next meeting yet; its <paramref name="To"/> is today or the end of the project.
/// </summary>
public sealed record CadenceGap(DateOnly From, DateOnly To, int Days, bool IsOpen);
