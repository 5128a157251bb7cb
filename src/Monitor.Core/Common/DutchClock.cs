namespace Monitor.Core.Common;

/// <summary>
/// The one definition of "now" and "today": Dutch local time (Europe/Amsterdam), whatever zone the server runs in, from
/// the injected <see cref="TimeProvider"/>. Overdue, the plan's today line, reminders and reports all use it, so they
/// agree just after midnight.
/// </summary>
public static class DutchClock
{
    /// <summary>Europe/Amsterdam (UTC when the system has no time zone data).</summary>
    public static TimeZoneInfo Zone { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The current moment as Dutch local time.</summary>
    public static DateTimeOffset Now(TimeProvider time) => ToDutch((time ?? throw new ArgumentNullException(nameof(time))).GetUtcNow());

    /// <summary>Today's date in the Netherlands.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);

    /// <summary>A moment as Dutch local time (for display).</summary>
    public static DateTimeOffset ToDutch(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);
}
