using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Planning;
using Monitor.Web.Forms;

namespace Monitor.Web.Planning;

/// <summary>
/// An activity as typed in the form or sent to the API: every field as text, so that "2021-13", "maart" or
/// an unknown status gets a Dutch message naming the field instead of a generic binding error.
/// </summary>
public sealed class PlanActivityInput
{
    public int? Phase { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? TargetGroup { get; set; }
    public string? Actors { get; set; }
    public string? Barriers { get; set; }
    public string? Facilitators { get; set; }
    public string? Preconditions { get; set; }
    public string? Owner { get; set; }
    public string? PlannedMonth { get; set; }
    public string? Status { get; set; }
    public string? StartedOn { get; set; }
    public string? CompletedOn { get; set; }

    /// <summary>MIDI numbers; in the form a comma-separated text ("13, 16").</summary>
    public IList<int>? Determinants { get; set; }

    public static PlanActivityInput From(PlanActivityDraft draft) => new()
    {
        Phase = draft.Phase,
        Title = draft.Title,
        Description = draft.Description,
        TargetGroup = draft.TargetGroup.ToCode(),
        Actors = draft.Actors,
        Barriers = draft.Barriers,
        Facilitators = draft.Facilitators,
        Preconditions = draft.Preconditions,
        Owner = draft.Owner,
        PlannedMonth = draft.PlannedMonth?.ToString(),
        Status = draft.Status.ToCode(),
        StartedOn = draft.StartedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CompletedOn = draft.CompletedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Determinants = [.. draft.Determinants],
    };

    /// <summary>The draft, or the list of what is wrong (then the draft is null).</summary>
    public (PlanActivityDraft? Draft, IReadOnlyList<ValidationError> Errors) ToDraft()
    {
        var input = new FieldParser();
        if (Phase is null)
        {
            input.Add("phase", "Kies een fase van 0 (ontwikkelen) tot en met 5 (blijven doen).");
        }

        // "cliënten" as typed is the code "clienten".
        var targetGroup = input.Code<TargetGroup>(TargetGroup?.Replace("ë", "e", StringComparison.Ordinal), "targetGroup", "doelgroep") ?? Core.Planning.TargetGroup.Professionals;
        var status = input.Code<ActivityStatus>(Status, "status", "status") ?? ActivityStatus.Gepland;
        var month = input.Month(PlannedMonth, "plannedMonth", "de geplande maand");
        var started = input.Date(StartedOn, "startedOn", "gestart op");
        var completed = input.Date(CompletedOn, "completedOn", "gereed op");
        if (input.HasErrors)
        {
            return (null, input.Errors);
        }

        var draft = new PlanActivityDraft
        {
            Phase = Phase!.Value,
            Title = Title?.Trim() ?? "",
            Description = Description ?? "",
            TargetGroup = targetGroup,
            Actors = Actors ?? "",
            Barriers = Barriers ?? "",
            Facilitators = Facilitators ?? "",
            Preconditions = Preconditions ?? "",
            Owner = Owner?.Trim() ?? "",
            PlannedMonth = month,
            Status = status,
            StartedOn = started,
            CompletedOn = completed,
            Determinants = (Determinants ?? []).Order().ToList(),
        };
        var rules = PlanActivityValidator.Validate(draft);
        return rules.Count > 0 ? (null, rules) : (draft, []);
    }
}
