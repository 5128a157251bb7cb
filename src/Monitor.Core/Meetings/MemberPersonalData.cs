namespace Monitor.Core.Meetings;

/// <summary>
/// Everything the tool holds about one group member (AVG inzage): the membership, attendance, own reflections and
/// action items. Answers in an anonymous group keep no author, so they cannot be part of it (<see cref="Note"/>).
/// </summary>
public sealed record MemberPersonalData
{
    public required string ProjectName { get; init; }
    public required string GroupName { get; init; }
    public required MemberInfo Member { get; init; }
    public required IReadOnlyList<MemberAttendance> Attendance { get; init; }
    public required IReadOnlyList<MemberReflection> Reflections { get; init; }
    public required IReadOnlyList<MemberActionItem> ActionItems { get; init; }
    public string Note { get; init; } = "";
}

public sealed record MemberAttendance(DateOnly HeldOn, string MeetingTitle, string Status);

public sealed record MemberReflection(DateOnly HeldOn, string MeetingTitle, string WentWell, string WentLess, string? FollowUp);

public sealed record MemberActionItem(DateOnly HeldOn, string Description, DateOnly? DueOn, string Status);
