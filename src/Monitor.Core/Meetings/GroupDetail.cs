namespace Monitor.Core.Meetings;

/// <summary>A group with its members (including those who left) and its meetings.</summary>
public sealed record GroupDetail
{
    public required GroupInfo Group { get; init; }
    public required IReadOnlyList<MemberInfo> Members { get; init; }
    public required IReadOnlyList<MeetingRecord> Meetings { get; init; }
    public required IReadOnlyList<ActionItem> OpenActionItems { get; init; }
}
