namespace Monitor.Core.Meetings;

/// <summary>A member's attendance at a meeting: present, excused in advance, or absent without notice.</summary>
public enum AttendanceStatus
{
    Aanwezig,
    Afgemeld,
    Afwezig,
}
