namespace Monitor.Core.Learning;

/// <summary>Turns a project's phase decisions into the periods it spent in each phase (the bands behind the timeline).</summary>
public static class TimelinePhases
{
    /// <summary>
    /// From <paramref name="start"/> in the phase the first decision left (or <paramref name="currentPhase"/> without
    /// decisions), one period per decision, the last one up to <paramref name="end"/>.
    /// </summary>
    public static IReadOnlyList<TimelinePhase> From(DateOnly start, DateOnly end, int currentPhase,
        IReadOnlyList<(int FromPhase, int ToPhase, DateOnly DecidedOn)> decisions, Func<int, (string Nl, string En)> names)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(names);
        var phases = new List<TimelinePhase>();
        var phase = decisions.Count > 0 ? decisions[0].FromPhase : currentPhase;
        var from = start;
        foreach (var decision in decisions.OrderBy(d => d.DecidedOn))
        {
            if (decision.DecidedOn > from)
            {
                phases.Add(Phase(phase, from, decision.DecidedOn.AddDays(-1)));
            }

            phase = decision.ToPhase;
            from = decision.DecidedOn > from ? decision.DecidedOn : from;
        }

        phases.Add(Phase(phase, from, end < from ? from : end));
        return phases;

        TimelinePhase Phase(int number, DateOnly s, DateOnly e)
        {
            var (nl, en) = names(number);
            return new TimelinePhase(number, nl, en, s, e);
        }
    }
}
