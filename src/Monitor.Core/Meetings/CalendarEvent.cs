namespace Monitor.Core.Meetings;

/// <summary>
/// A meeting as an iCalendar event. <paramref name="LocalStart"/> is the wall-clock time in Europe/Amsterdam
/// (its <see cref="DateTime.Kind"/> is ignored); <paramref name="Uid"/> must stay the same for the same meeting so
/// that calendar apps update the event instead of adding a copy. A cancelled event stays in the feed with
/// status CANCELLED, so that subscribers see the cancellation. <paramref name="Sequence"/> is the revision
/// (RFC 5545 SEQUENCE): it goes up whenever the date, time, place, title or status changed, so that calendar apps
/// take the newer version.
/// </summary>
public sealed record CalendarEvent(
    string Uid,
    string Summary,
    string? Description,
    string? Location,
    DateTime LocalStart,
    int DurationMinutes,
    bool Cancelled,
    int Sequence = 0);
