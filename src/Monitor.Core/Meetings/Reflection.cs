namespace Monitor.Core.Meetings;

/// <summary>
/// One answer to the closing question. In a group with anonymous reflections the store leaves
/// <see cref="AuthorLabel"/>, <see cref="MemberId"/> and <see cref="GuestId"/> empty, so no page, export or
/// API response built from this record can show who gave it.
/// </summary>
public sealed record Reflection
{
    public required long Id { get; init; }
    public required long MeetingId { get; init; }
    public required long? MemberId { get; init; }
    public required long? GuestId { get; init; }
    public required string? AuthorLabel { get; init; }
    public required string WentWell { get; init; }
    public required string WentLess { get; init; }
    public required string Source { get; init; }
    public required ReflectionFollowUp? FollowUp { get; init; }
}
