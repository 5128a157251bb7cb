using Monitor.Core.Common;

namespace Monitor.Core.Meetings;

/// <summary>What the status of a meeting allows: the rules the stores check, pure so they can be tested without a database.</summary>
public static class MeetingStatusRules
{
    /// <summary>A meeting can be marked held at most a day ahead (a secretary in another time zone); not weeks ahead.</summary>
    public static void CheckChange(MeetingPlan plan, DateOnly today, bool hasReflections)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Status == MeetingStatus.Gehouden && plan.HeldOn > today.AddDays(1))
        {
            throw new ValidationException([new ValidationError("status", "Een bijeenkomst in de toekomst kan nog niet gehouden zijn.")]);
        }

        if (plan.Status != MeetingStatus.Gehouden && hasReflections)
        {
            throw new ValidationException([new ValidationError("status", "Deze bijeenkomst heeft al reflecties; zij blijft daarom 'gehouden'.")]);
        }
    }

    /// <summary>Closing reflections and reflection links belong to a meeting that was held.</summary>
    public static void ThrowIfNotHeld(MeetingRecord meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Status != MeetingStatus.Gehouden)
        {
            throw new ValidationException([new ValidationError("meetingId", "Reflecties horen bij een gehouden bijeenkomst. Zet de bijeenkomst eerst op 'gehouden'.")]);
        }
    }
}
