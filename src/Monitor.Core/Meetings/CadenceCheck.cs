namespace Monitor.Core.Meetings;

/// <summary>
/// Finds where a development group did not meet as often as agreed: a gap is a span between held meetings
/// longer than one and a half times the cadence, so that a meeting moved by a few days is not flagged
/// but a skipped one is.
/// </summary>
public static class CadenceCheck
{
    /// <summary>How many cadences may pass between two held meetings before the span counts as a gap.</summary>
    public const double Tolerance = 1.5;

    private const int MaxCadenceDays = 366;

    /// <summary>The longest span in days between two meetings that is not yet a gap: the cadence times <see cref="Tolerance"/>, rounded down.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cadence is not 1 to 366 days.</exception>
    public static int ThresholdDays(int cadenceDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cadenceDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cadenceDays, MaxCadenceDays);
        return (int)Math.Floor(cadenceDays * Tolerance);
    }

    /// <summary>
    /// The gaps between the held meetings in date order, then an open gap from the last held meeting up to
    /// <paramref name="today"/> (or <paramref name="activeUntil"/> when the project ended earlier) if that span
    /// is already too long. Without a cadence (ad hoc groups) or without held meetings there is no open gap.
    /// </summary>
    /// <param name="heldMeetings">Dates of held meetings, in any order; duplicates count once.</param>
    /// <param name="cadenceDays">The agreed number of days between meetings; null for a group that meets ad hoc.</param>
    /// <param name="today">The date the open gap runs up to.</param>
    /// <param name="activeUntil">The last day of the project, if any; no gap runs past it.</param>
    /// <exception cref="ArgumentOutOfRangeException">The cadence is not 1 to 366 days.</exception>
    public static IReadOnlyList<CadenceGap> FindGaps(IEnumerable<DateOnly> heldMeetings, int? cadenceDays, DateOnly today, DateOnly? activeUntil)
    {
        ArgumentNullException.ThrowIfNull(heldMeetings);
        if (cadenceDays is not { } cadence)
        {
            return [];
        }

        var threshold = ThresholdDays(cadence);
        var dates = heldMeetings.Distinct().Order().ToList();
        var gaps = new List<CadenceGap>();
        for (var i = 1; i < dates.Count; i++)
        {
            var days = dates[i].DayNumber - dates[i - 1].DayNumber;
            if (days > threshold)
            {
                gaps.Add(new CadenceGap(dates[i - 1], dates[i], days, IsOpen: false));
            }
        }

        if (dates.Count > 0)
        {
            var last = dates[^1];
            var end = activeUntil is { } until && until < today ? until : today;
            var days = end.DayNumber - last.DayNumber;
            if (days > threshold)
            {
                gaps.Add(new CadenceGap(last, end, days, IsOpen: true));
            }
        }

        return gaps;
    }
}
