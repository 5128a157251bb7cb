namespace Monitor.Core.Meetings;

/// <summary>The meetings of a group as calendar events: the one rule behind the group feed and the personal subscription.</summary>
public static class CalendarFeed
{
    private const int DefaultDurationMinutes = 120;
    private static readonly TimeOnly _defaultStart = new(9, 0);

    /// <summary>
    /// Planned and cancelled meetings of <paramref name="group"/>; held meetings are history, not appointments, and a
    /// cancelled one stays so that subscribers see it cancelled. <paramref name="revisions"/> per meeting id become SEQUENCE.
    /// </summary>
    public static IEnumerable<CalendarEvent> Events(GroupDetail group, IReadOnlyDictionary<long, int> revisions)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(revisions);
        return group.Meetings
            .Where(m => m.Status is MeetingStatus.Gepland or MeetingStatus.Geannuleerd)
            .Select(m => new CalendarEvent(
                Uid: $"meeting-{m.Id}@implementatiemonitor",
                Summary: $"{group.Group.Name}: {(string.IsNullOrWhiteSpace(m.Title) ? "bijeenkomst" : m.Title)}",
                Description: null,
                Location: m.Location,
                LocalStart: m.HeldOn.ToDateTime(m.StartsAt ?? _defaultStart),
                DurationMinutes: m.DurationMinutes ?? DefaultDurationMinutes,
                Cancelled: m.Status == MeetingStatus.Geannuleerd,
                Sequence: revisions.GetValueOrDefault(m.Id)));
    }
}
