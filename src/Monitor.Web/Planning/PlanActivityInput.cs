using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Planning;

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
        var errors = new List<ValidationError>();
        if (Phase is null)
        {
            errors.Add(new("phase", "Kies een fase van 0 (ontwikkelen) tot en met 5 (blijven doen)."));
        }

        var targetGroup = Core.Planning.TargetGroup.Professionals;
        if (!string.IsNullOrWhiteSpace(TargetGroup) && !TryParseTargetGroup(TargetGroup, out targetGroup))
        {
            errors.Add(new("targetGroup", $"'{TargetGroup}' is geen doelgroep. Kies professionals, cliënten, management, afdelingen of overig."));
        }

        var status = ActivityStatus.Gepland;
        if (!string.IsNullOrWhiteSpace(Status) && !TryParseStatus(Status, out status))
        {
            errors.Add(new("status", $"'{Status}' is geen status. Kies gepland, bezig, gereed of vervallen."));
        }

        YearMonth? month = null;
        if (!string.IsNullOrWhiteSpace(PlannedMonth))
        {
            if (YearMonth.TryParse(PlannedMonth, out var parsed))
            {
                month = parsed;
            }
            else
            {
                errors.Add(new("plannedMonth", $"'{PlannedMonth}' is geen maand in de vorm jjjj-mm (bijvoorbeeld 2021-03)."));
            }
        }

        var started = ParseDate(StartedOn, "startedOn", "gestart op", errors);
        var completed = ParseDate(CompletedOn, "completedOn", "gereed op", errors);
        if (errors.Count > 0)
        {
            return (null, errors);
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

    private static bool TryParseStatus(string text, out ActivityStatus status)
    {
        foreach (var candidate in Enum.GetValues<ActivityStatus>())
        {
            if (string.Equals(candidate.ToCode(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    private static bool TryParseTargetGroup(string text, out TargetGroup group)
    {
        var normalized = text.Trim().ToLowerInvariant().Replace("ë", "e", StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<TargetGroup>())
        {
            if (candidate.ToCode() == normalized)
            {
                group = candidate;
                return true;
            }
        }

        group = default;
        return false;
    }

    private static DateOnly? ParseDate(string? text, string field, string label, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new(field, $"'{text}' bij '{label}' is geen datum in de vorm jjjj-mm-dd."));
        return null;
    }
}
