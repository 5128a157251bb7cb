
using Monitor.Core.Common;

namespace Monitor.Core.Meetings;

/// <summary>The size limits and checks for meeting texts, in one place for the store, the pages and the API.</summary>
public static class MeetingRules
{
    public const int MinutesMaxLength = 50_000;
    public const int ReflectionMaxLength = 2_000;
    public const int TitleMaxLength = 200;
    public const int LocationMaxLength = 200;
    public const int AgendaTitleMaxLength = 300;
    public const int AgendaNotesMaxLength = 4_000;
    public const int DecisionMaxLength = 2_000;
    public const int ActionItemMaxLength = 1_000;
    public const int FollowUpMaxLength = 2_000;
    public const int NameMaxLength = 200;
    public const int SearchMaxLength = 200;

    /// <summary>The closing question of every meeting (seed 003).</summary>
    public const string ClosingQuestion = "Wat heeft vandaag voor jou wel en wat heeft vandaag minder gewerkt?";

    public static void Required(List<ValidationError> errors, string field, string? value, int max, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new ValidationError(field, $"Vul {label} in."));
        }
        else
        {
            Optional(errors, field, value, max, label);
        }
    }

    public static void Optional(List<ValidationError> errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new ValidationError(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} is te lang: {value.Length} tekens, hooguit {max} toegestaan."));
        }
    }

    public static void ThrowIfAny(List<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    public static void CheckPlan(List<ValidationError> errors, MeetingPlan plan)
    {
        Optional(errors, "title", plan.Title, TitleMaxLength, "de titel");
        Optional(errors, "location", plan.Location, LocationMaxLength, "de plaats");
        if (plan.DurationMinutes is { } minutes && (minutes < 1 || minutes > 1440))
        {
            errors.Add(new ValidationError("durationMinutes", "De duur ligt tussen 1 en 1440 minuten."));
        }

        if (plan.HeldOn.Year is < 2000 or > 2100)
        {
            errors.Add(new ValidationError("heldOn", "Kies een datum tussen 2000 en 2100."));
        }
    }
}
