namespace Monitor.Core.Meetings;

/// <summary>Where a meeting stands: planned, held or cancelled (stored as gepland, gehouden, geannuleerd).</summary>
public enum MeetingStatus
{
    Gepland,
    Gehouden,
    Geannuleerd,
}
