using Monitor.Core.Privacy;

namespace Monitor.Core.Meetings;

/// <summary>
/// The metrics of a development group over its held meetings: one row per meeting and per member, and the
/// totals pooled over all meetings (sums divided by sums, so a small meeting weighs less than a large one).
/// Rates are null when their denominator is zero.
/// </summary>
public sealed record GroupMetrics
{
    /// <summary>One row per held meeting, by date and then by meeting id.</summary>
    public required IReadOnlyList<MeetingMetricsRow> Meetings { get; init; }

    /// <summary>One row per member with an attendance row at a held meeting, by member id.</summary>
    public required IReadOnlyList<MemberAttendanceRow> Members { get; init; }

    /// <summary>Attendance rows over all held meetings.</summary>
    public required int Expected { get; init; }

    /// <summary>Attendance rows with status Aanwezig over all held meetings.</summary>
    public required int Present { get; init; }

    /// <summary><see cref="Present"/> / <see cref="Expected"/>.</summary>
    public required double? AttendanceRate { get; init; }

    /// <summary>Distinct members who were present at one held meeting at least.</summary>
    public required int PresentMembers { get; init; }

    /// <summary>Present members who answered the closing reflection question, over all held meetings.</summary>
    public required int Responses { get; init; }

    /// <summary><see cref="Responses"/> / <see cref="Present"/>.</summary>
    public required double? ResponseRate { get; init; }

    /// <summary>Answers with a "minder gewerkt" part, guests included.</summary>
    public required int LessTotal { get; init; }

    /// <summary>"Minder gewerkt" answers that should have been followed up by now.</summary>
    public required int LessDue { get; init; }

    /// <summary>"Minder gewerkt" answers followed up at or before the next meeting.</summary>
    public required int LessClosed { get; init; }

    /// <summary><see cref="LessClosed"/> / <see cref="LessDue"/>: how often the loop of the reflection question was closed.</summary>
    public required double? LoopClosureRate { get; init; }

    /// <summary>The metrics as <paramref name="audience"/> may see them: management gets no figures per person.</summary>
    public GroupMetrics For(Audience audience) => audience == Audience.Team ? this : this with { Members = [] };
}
