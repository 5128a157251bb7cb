namespace Monitor.Core.Meetings;

/// <summary>
/// Computes attendance, response and loop-closure metrics of a development group from the facts of its
/// meetings. Only held meetings (<see cref="MeetingStatus.Gehouden"/>) count; planned and cancelled ones are ignored.
/// </summary>
/// <remarks>
/// The loop of the reflection question closes when a "minder gewerkt" answer is followed up at the latest
/// in the next held meeting (the first one on a later date). Such an answer is due once that next meeting
/// exists, or earlier when it was already followed up; the answers of the last meeting are pending until then.
/// </remarks>
public static class MeetingMetrics
{
    /// <summary>The metrics of the held meetings among <paramref name="meetings"/>, given in any order.</summary>
    public static GroupMetrics Compute(IReadOnlyList<MeetingFacts> meetings)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var held = meetings
            .Where(meeting => meeting.Status == MeetingStatus.Gehouden)
            .OrderBy(meeting => meeting.HeldOn)
            .ThenBy(meeting => meeting.MeetingId)
            .ToList();

        var rows = new List<MeetingMetricsRow>(held.Count);
        foreach (var meeting in held)
        {
            var next = held.FirstOrDefault(other => other.HeldOn > meeting.HeldOn);
            rows.Add(Row(meeting, next));
        }

        var members = held
            .SelectMany(meeting => meeting.Attendance.DistinctBy(fact => fact.MemberId))
            .GroupBy(fact => fact.MemberId)
            .OrderBy(group => group.Key)
            .Select(group =>
            {
                var count = group.Count();
                var present = group.Count(fact => fact.Status == AttendanceStatus.Aanwezig);
                return new MemberAttendanceRow(group.Key, count, present, Rate(present, count));
            })
            .ToList();

        var expected = rows.Sum(row => row.Expected);
        var presentTotal = rows.Sum(row => row.Present);
        var responses = rows.Sum(row => row.Responses);
        var lessDue = rows.Sum(row => row.LessDue);
        var lessClosed = rows.Sum(row => row.LessClosed);
        return new GroupMetrics
        {
            Meetings = rows,
            Members = members,
            Expected = expected,
            Present = presentTotal,
            AttendanceRate = Rate(presentTotal, expected),
            PresentMembers = members.Count(member => member.Present > 0),
            Responses = responses,
            ResponseRate = Rate(responses, presentTotal),
            LessTotal = rows.Sum(row => row.LessCount),
            LessDue = lessDue,
            LessClosed = lessClosed,
            LoopClosureRate = Rate(lessClosed, lessDue),
        };
    }

    private static MeetingMetricsRow Row(MeetingFacts meeting, MeetingFacts? next)
    {
        // One attendance row per member; a duplicate would count a member twice.
        var attendance = meeting.Attendance.DistinctBy(fact => fact.MemberId).ToList();
        var present = attendance
            .Where(fact => fact.Status == AttendanceStatus.Aanwezig)
            .Select(fact => fact.MemberId)
            .ToHashSet();

        // Guests (no member id) and members not present do not count as responses; a member who answered twice counts once.
        var named = meeting.Reflections
            .Where(reflection => reflection.MemberId is { } member && present.Contains(member))
            .Select(reflection => reflection.MemberId)
            .Distinct()
            .Count();
        // Anonymous answers keep no author: each counts as one present member's answer, up to the number present.
        var anonymous = meeting.Reflections.Count(reflection => reflection.Anonymous);
        var responses = named + Math.Min(anonymous, present.Count - named);

        var less = meeting.Reflections.Where(reflection => reflection.HasLess).ToList();
        var due = less.Count(reflection => next is not null || reflection.FollowedUpOn is not null);
        var closed = less.Count(reflection =>
            reflection.FollowedUpOn is { } followedUp && (next is null || followedUp <= next.HeldOn));

        return new MeetingMetricsRow(
            meeting.MeetingId,
            meeting.HeldOn,
            attendance.Count,
            present.Count,
            Rate(present.Count, attendance.Count),
            responses,
            Rate(responses, present.Count),
            meeting.Reflections.Count(reflection => reflection.HasWell),
            less.Count,
            due,
            closed);
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
