namespace Monitor.Core.Learning;

/// <summary>Reads the agenda's history: the status of an entry on a day, and what was on the agenda at a meeting.</summary>
public static class LearningAgenda
{
    /// <summary>The status <paramref name="item"/> had on <paramref name="day"/>; null when it was not yet on the agenda.</summary>
    public static LearningStatus? StatusOn(LearningItem item, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(item);
        LearningStatus? status = null;
        foreach (var change in item.History.OrderBy(c => c.On))
        {
            if (change.On > day)
            {
                break;
            }

            status = change.Status;
        }

        return status;
    }

    /// <summary>
    /// What was on the agenda on <paramref name="day"/> (a meeting's date): entries open or in progress then, and those
    /// resolved or let go that very day (the meeting where that was decided), in the order given.
    /// </summary>
    public static IReadOnlyList<AgendaEntryAt> At(IEnumerable<LearningItem> items, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(items);
        var entries = new List<AgendaEntryAt>();
        foreach (var item in items)
        {
            if (StatusOn(item, day) is not { } status)
            {
                continue;
            }

            var closedThatDay = item.History.Any(c => c.On == day && c.Status is LearningStatus.Opgelost or LearningStatus.Losgelaten);
            if (status is LearningStatus.Open or LearningStatus.InUitvoering || closedThatDay)
            {
                entries.Add(new AgendaEntryAt(item, status));
            }
        }

        return entries;
    }
}
