namespace Monitor.Core.Meetings;

/// <summary>
/// A held meeting whose closing question a logged-in member may answer on their own page: they are linked to a member
/// of its group who was present. In an anonymous group their answer is not shown back (it keeps no author); only
/// whether they answered.
/// </summary>
public sealed record OwnReflection
{
    public required long ProjectId { get; init; }
    public required string ProjectName { get; init; }
    public required long MeetingId { get; init; }
    public required string GroupName { get; init; }
    public required string MeetingTitle { get; init; }
    public required DateOnly HeldOn { get; init; }
    public required bool Anonymous { get; init; }
    public required long MemberId { get; init; }
    public required bool Answered { get; init; }
    public required string WentWell { get; init; }
    public required string WentLess { get; init; }
}
