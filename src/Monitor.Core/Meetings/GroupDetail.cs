using Monitor.Core.Privacy;

namespace Monitor.Core.Meetings;

/// <summary>A group with its members (including those who left) and its meetings.</summary>
public sealed record GroupDetail
{
    public required GroupInfo Group { get; init; }
    public required IReadOnlyList<MemberInfo> Members { get; init; }
    public required IReadOnlyList<MeetingRecord> Meetings { get; init; }
    public required IReadOnlyList<ActionItem> OpenActionItems { get; init; }

    /// <summary>The group as <paramref name="audience"/> may see it: management gets no members and no action items.</summary>
    public GroupDetail For(Audience audience) => audience == Audience.Team ? this : this with { Members = [], OpenActionItems = [] };
}
