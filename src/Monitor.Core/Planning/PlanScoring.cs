namespace Monitor.Core.Planning;

/// <summary>Computes <see cref="PhaseScore"/>s and the phase the tool may suggest moving to.</summary>
public static class PlanScoring
{
    public static IReadOnlyList<PhaseScore> Score(ImplementationPlan plan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var scores = new List<PhaseScore>();
        for (var phase = 0; phase <= 5; phase++)
        {
            var all = plan.Activities.Select(a => a.Fields).Where(a => a.Phase == phase).ToList();
            var counted = all.Where(a => a.Status != ActivityStatus.Vervallen).ToList();
            var done = counted.Count(a => a.Status == ActivityStatus.Gereed);
            var firstStart = counted.Select(a => a.StartedOn ?? (a.Status == ActivityStatus.Gereed ? a.CompletedOn : null)).Where(d => d is not null).Min();
            DateOnly? completed = counted.Count > 0 && done == counted.Count ? counted.Max(a => a.CompletedOn) : null;
            var end = completed ?? today;
            scores.Add(new PhaseScore
            {
                Phase = phase,
                Activities = counted.Count,
                Done = done,
                Cancelled = all.Count - counted.Count,
                Overdue = counted.Count(a => IsOverdue(a, today)),
                Completion = counted.Count == 0 ? null : (double)done / counted.Count,
                FirstStart = firstStart,
                Completed = completed,
                DurationDays = firstStart is { } start ? Math.Max(0, end.DayNumber - start.DayNumber) : null,
                IsCurrent = phase == plan.CurrentPhase,
            });
        }

        return scores;
    }

    /// <summary>Planned month has passed (this month still counts as on time) and the activity is gepland or bezig.</summary>
    public static bool IsOverdue(PlanActivityDraft activity, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity is { Status: ActivityStatus.Gepland or ActivityStatus.Bezig, PlannedMonth: { } month } && month < YearMonth.From(today);
    }

    /// <summary>The next phase when the current one is complete (a suggestion; moving on stays a decision).</summary>
    public static int? SuggestNextPhase(IReadOnlyList<PhaseScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var current = scores.FirstOrDefault(s => s.IsCurrent);
        return current is { IsComplete: true, Phase: < 5 } ? current.Phase + 1 : null;
    }
}
