namespace Monitor.Core.Meetings;

/// <summary>Everything on a meeting's page: the meeting, its look-back, attendance, agenda, minutes, decisions, action items and reflections.</summary>
public sealed record MeetingDetail
{
    public required MeetingRecord Meeting { get; init; }
    public required GroupInfo Group { get; init; }
    public required IReadOnlyList<AttendanceEntry> Attendance { get; init; }
    public required IReadOnlyList<MeetingGuest> Guests { get; init; }
    public required IReadOnlyList<AgendaItem> Agenda { get; init; }
    public required IReadOnlyList<MeetingDecision> Decisions { get; init; }

    /// <summary>Action items created in this meeting.</summary>
    public required IReadOnlyList<ActionItem> ActionItems { get; init; }

    /// <summary>Action items of earlier meetings of the group that were open when this meeting began (still open, or closed in this meeting).</summary>
    public required IReadOnlyList<ActionItem> CarriedActionItems { get; init; }
    public required IReadOnlyList<Reflection> Reflections { get; init; }
    public required MeetingLookBack? LookBack { get; init; }
    public required MeetingRecord? NextMeeting { get; init; }
}
