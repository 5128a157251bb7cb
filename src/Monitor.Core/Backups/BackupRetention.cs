using System.Globalization;

namespace Monitor.Core.Backups;

/// <summary>
/// Grandfather-father style retention: keep the newest backup of each of the last N days that have one, and
/// the newest of each of the last M ISO weeks that have one; everything else may go. The newest backup is
/// always kept.
/// </summary>
public static class BackupRetention
{
    public static IReadOnlySet<DateTimeOffset> Keep(IEnumerable<DateTimeOffset> backups, int keepDaily, int keepWeekly)
    {
        ArgumentNullException.ThrowIfNull(backups);
        var ordered = backups.Distinct().OrderDescending().ToList();
        var keep = new HashSet<DateTimeOffset>();
        if (ordered.Count == 0)
        {
            return keep;
        }

        keep.Add(ordered[0]);
        foreach (var day in ordered.GroupBy(b => DateOnly.FromDateTime(b.UtcDateTime)).Take(Math.Max(0, keepDaily)))
        {
            keep.Add(day.Max());
        }

        foreach (var week in ordered.GroupBy(b => (ISOWeek.GetYear(b.UtcDateTime), ISOWeek.GetWeekOfYear(b.UtcDateTime))).Take(Math.Max(0, keepWeekly)))
        {
            keep.Add(week.Max());
        }

        return keep;
    }
}
