namespace Monitor.Load;

/// <summary>A held meeting and its minutes as found at the start; a save writes them back with one line added.</summary>
internal sealed record MinutesTarget(long MeetingId, string Minutes);
