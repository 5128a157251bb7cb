namespace Monitor.Core.Charts;

/// <summary>
/// The months a timeline's axis shows: from the first of the month of the earliest start to the first of the month
/// after the latest end, but only over the bulk of the bars. Starts before the 10th percentile of the starts, or
/// ends after the 90th percentile of the ends, by more than half the span between those two (at least two
/// months), fall outside; such bars are cut at the edge. Today is included when it is close to that range.
/// </summary>
internal sealed record TimelineAxis(DateOnly Start, DateOnly End)
{
    private const int MinimumCoreDays = 120;

    public static TimelineAxis For(IReadOnlyList<TimelineBar> bars, DateOnly? today)
    {
        var starts = bars.Select(bar => bar.Start.DayNumber).Order().ToList();
        var ends = bars.Select(bar => bar.End.DayNumber + 1).Order().ToList();
        var low = Percentile(starts, 0.1);
        var high = Percentile(ends, 0.9);
        var slack = Math.Max(MinimumCoreDays, high - low) / 2;
        var first = Math.Max(starts[0], low - slack);
        var last = Math.Min(ends[^1], high + slack);
        if (today is { } day && day.DayNumber >= first - slack && day.DayNumber <= last + slack)
        {
            first = Math.Min(first, day.DayNumber);
            last = Math.Max(last, day.DayNumber + 1);
        }

        var start = DateOnly.FromDayNumber(first);
        var end = DateOnly.FromDayNumber(last - 1);
        return new TimelineAxis(new DateOnly(start.Year, start.Month, 1), new DateOnly(end.Year, end.Month, 1).AddMonths(1));
    }

    public int Months => ((End.Year - Start.Year) * 12) + End.Month - Start.Month;

    public bool Contains(DateOnly day) => day >= Start && day < End;

    private static int Percentile(List<int> sorted, double fraction) => sorted[(int)Math.Round((sorted.Count - 1) * fraction)];
}
