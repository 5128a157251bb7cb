using Monitor.Core.Planning;
using Monitor.Web.Forms;

namespace Monitor.Web.Planning;

/// <summary>
/// A status step of a plan version as the form or the API sends it (status "terbespreking" or "vastgesteld", the day,
/// the group or meeting, who by role, a note): read the one way for both, Dutch messages naming the field.
/// </summary>
public sealed record PlanVersionStepInput(string? Status, string? On, long? GroupId, long? MeetingId, string? Who, string? Note)
{
    /// <summary>The draft, or null when a field could not be read (the messages are in <paramref name="input"/>). No day means today.</summary>
    internal PlanVersionStepDraft? ToDraft(FieldParser input, DateOnly today)
    {
        var status = input.RequiredCode<PlanVersionStatus>(Status, "status", "status");
        var on = input.Date(On, "on", "de datum van de stap");
        return input.HasErrors ? null : new PlanVersionStepDraft
        {
            Status = status!.Value,
            HappenedOn = on ?? today,
            GroupId = GroupId,
            MeetingId = MeetingId,
            Who = Who ?? "",
            Note = Note ?? "",
        };
    }
}
