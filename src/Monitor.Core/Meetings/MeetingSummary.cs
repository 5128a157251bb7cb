using System.Globalization;
using Monitor.Core.Privacy;
using Monitor.Core.Projects;

namespace Monitor.Core.Meetings;

/// <summary>
/// A meeting as lists show it (a project's groups, GET …/meetings): the meeting's own fields without its minutes.
/// Made from the one model of a meeting, <see cref="MeetingRecord"/>.
/// </summary>
public sealed record MeetingSummary
{
    public required long Id { get; init; }
    public required long GroupId { get; init; }
    public required string Title { get; init; }
    public required DateOnly HeldOn { get; init; }
    public required DatePrecision DatePrecision { get; init; }

    /// <summary>Wall-clock start in Europe/Amsterdam as "HH:mm"; null when unknown.</summary>
    public required string? StartsAt { get; init; }
    public required int? DurationMinutes { get; init; }
    public required MeetingStatus Status { get; init; }
    public required string Location { get; init; }
    public required bool MinutesApproved { get; init; }
    public required string Note { get; init; }

    /// <summary>The meeting as <paramref name="audience"/> may see it: management gets no meeting notes.</summary>
    public MeetingSummary For(Audience audience) => audience == Audience.Team ? this : this with { Note = "" };

    public static MeetingSummary From(MeetingRecord meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new MeetingSummary
        {
            Id = meeting.Id,
            GroupId = meeting.GroupId,
            Title = meeting.Title,
            HeldOn = meeting.HeldOn,
            DatePrecision = meeting.DatePrecision,
            StartsAt = meeting.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
            DurationMinutes = meeting.DurationMinutes,
            Status = meeting.Status,
            Location = meeting.Location,
            MinutesApproved = meeting.MinutesApproved,
            Note = meeting.Note,
        };
    }
}
