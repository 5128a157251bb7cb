namespace Monitor.Core.Meetings;

/// <summary>An answer to the closing question as it is entered, by a member or by a guest of the meeting.</summary>
public sealed record ReflectionInput
{
    public long? MemberId { get; init; }
    public long? GuestId { get; init; }
    public string WentWell { get; init; } = "";
    public string WentLess { get; init; } = "";
}
