namespace Monitor.Core.Meetings;

/// <summary>
/// A search result: where it was found (notulen, agendapunt, besluit, actiepunt, reflectie), the meeting,
/// and a snippet in which the matches lie between <see cref="MarkStart"/> and <see cref="MarkEnd"/>.
/// </summary>
public sealed record SearchHit(string Kind, long MeetingId, string MeetingTitle, DateOnly HeldOn, string GroupName, string Snippet)
{
    public const char MarkStart = '\uE000';
    public const char MarkEnd = '\uE001';
}
