namespace Monitor.Core.Meetings;

/// <summary>The opening look-back of a meeting: the previous held meeting of the group and its closing reflections.</summary>
public sealed record MeetingLookBack
{
    public required MeetingRecord PreviousMeeting { get; init; }
    public required IReadOnlyList<Reflection> Reflections { get; init; }

    public int LessAnswers => Reflections.Count(r => r.WentLess.Length > 0);

    public int FollowedUp => Reflections.Count(r => r.WentLess.Length > 0 && r.FollowUp is not null);
}
