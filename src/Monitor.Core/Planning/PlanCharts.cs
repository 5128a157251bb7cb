using Monitor.Core.Charts;
using Monitor.Core.Common;
using Monitor.Core.Frameworks;

namespace Monitor.Core.Planning;

/// <summary>Chart specifications of a plan: progress per phase (bars) and the activities over time (timeline).</summary>
public static class PlanCharts
{
    public static BarChartSpec Progress(IReadOnlyList<PhaseScore> scores, IReadOnlyList<MovisiePhase> phases, string language) => new()
    {
        Id = "voortgang",
        Title = language == "en" ? "Share of activities done per phase" : "Aandeel gereed per fase",
        Description = language == "en"
            ? "Per Movisie phase the share of its activities (cancelled ones excluded) that are done."
            : "Per Movisie-fase het aandeel van de activiteiten (zonder vervallen) dat gereed is.",
        Max = 1,
        ValueFormat = "0%",
        ValueLabel = language == "en" ? "Share of activities done" : "Aandeel activiteiten gereed",
        Items = [.. scores.Select(s => new BarChartItem(
            $"{s.Phase} {phases.FirstOrDefault(p => p.Number == s.Phase)?.Name(language) ?? ""}",
            s.Completion ?? 0,
            s.IsCurrent ? "#0b5cad" : "#2e7d4f"))],
    };

    /// <summary>
    /// One bar per activity that has a date: from its start (or the first day of its planned month) to its
    /// completion (or the last day of its planned month, or today while it runs). Undated activities are left out.
    /// </summary>
    public static TimelineChartSpec Timeline(ImplementationPlan plan, IReadOnlyList<MovisiePhase> phases, DateOnly today, string language)
    {
        var bars = new List<TimelineBar>();
        foreach (var activity in plan.Activities.Select(a => a.Fields).OrderBy(a => a.Phase).ThenBy(a => Start(a)))
        {
            if (Start(activity) is not { } start)
            {
                continue;
            }

            var end = activity.CompletedOn
                ?? activity.PlannedMonth?.LastDay
                ?? (activity.Status == ActivityStatus.Bezig ? today : start);
            bars.Add(new TimelineBar($"{activity.Phase} · {activity.Title}", start, end < start ? start : end, activity.Status.ToCode(), activity.Phase));
        }

        var bands = bars.GroupBy(b => b.Group ?? 0).OrderBy(g => g.Key)
            .Select(g => new TimelineBand($"{g.Key} {phases.FirstOrDefault(p => p.Number == g.Key)?.Name(language) ?? ""}", g.Min(b => b.Start), g.Max(b => b.End)))
            .ToList();
        return new TimelineChartSpec
        {
            Id = "tijdlijn",
            Title = language == "en" ? "Activities over time" : "Activiteiten in de tijd",
            Description = language == "en"
                ? "One bar per activity from start to completion or planned month, coloured by status, on bands per phase, with a line for today."
                : "Eén balk per activiteit van start tot gereed of geplande maand, gekleurd naar status, op banden per fase, met een lijn voor vandaag.",
            Bars = bars,
            Bands = bands,
            Today = today,
        };
    }

    private static DateOnly? Start(PlanActivityDraft activity) =>
        activity.StartedOn ?? activity.PlannedMonth?.FirstDay ?? activity.CompletedOn;
}
