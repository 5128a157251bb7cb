namespace Monitor.Core.Meetings;

/// <summary>An action item; it stays on the agenda of every following meeting of the group until it is closed.</summary>
public sealed record ActionItem
{
    public required long Id { get; init; }
    public required long GroupId { get; init; }
    public required long MeetingId { get; init; }
    public required DateOnly MeetingHeldOn { get; init; }
    public required string Description { get; init; }
    public required long? OwnerMemberId { get; init; }
    public required string? OwnerLabel { get; init; }
    public required DateOnly? DueOn { get; init; }
    public required ActionItemStatus Status { get; init; }
    public required long? ClosedInMeetingId { get; init; }
    public required DateOnly? ClosedOn { get; init; }

    /// <summary>
    /// Whether the item was open at the end of <paramref name="date"/>: added in a meeting held by then and not closed
    /// by then. An item closed without a date (never by this app) counts as closed.
    /// </summary>
    public bool WasOpenOn(DateOnly date) =>
        MeetingHeldOn <= date && (Status == ActionItemStatus.Open || ClosedOn is { } closed && closed > date);
}
