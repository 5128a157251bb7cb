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

    public static void CheckPlan(List<ValidationError> errors, MeetingPlan plan)
    {
        Checks.Optional(errors, "title", plan.Title, TitleMaxLength, "de titel");
        Checks.Optional(errors, "location", plan.Location, LocationMaxLength, "de plaats");
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
