
using Monitor.Core.Common;

namespace Monitor.Core.Planning;

/// <summary>Checks a plan activity with Dutch messages naming the field.</summary>
public static class PlanActivityValidator
{
    public static IReadOnlyList<ValidationError> Validate(PlanActivityDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ValidationError>();
        if (draft.Phase is < 0 or > 5)
        {
            errors.Add(new("phase", "De fase moet een Movisie-fase van 0 (ontwikkelen) tot en met 5 (blijven doen) zijn."));
        }

        Checks.Required(errors, "title", draft.Title?.Trim(), PlanActivityDraft.MaxTitleLength, "de titel van de activiteit");
        foreach (var (field, label, value) in new[]
        {
            ("description", "de omschrijving", draft.Description),
            ("actors", "de actoren", draft.Actors),
            ("barriers", "de belemmerende factoren", draft.Barriers),
            ("facilitators", "de bevorderende factoren", draft.Facilitators),
            ("preconditions", "de randvoorwaarden", draft.Preconditions),
        })
        {
            Checks.Optional(errors, field, value, PlanActivityDraft.MaxTextLength, label);
        }

        Checks.Optional(errors, "owner", draft.Owner, 200, "de uitvoerder/eigenaar");

        if (!Enum.IsDefined(draft.TargetGroup))
        {
            errors.Add(new("targetGroup", "Kies een doelgroep: professionals, cliënten, management, afdelingen of overig."));
        }

        if (!Enum.IsDefined(draft.Status))
        {
            errors.Add(new("status", "Kies een status: gepland, bezig, gereed of vervallen."));
        }

        if (draft is { StartedOn: { } started, CompletedOn: { } completed } && completed < started)
        {
            errors.Add(new("completedOn", "De datum 'gereed op' ligt vóór de startdatum."));
        }

        foreach (var number in draft.Determinants ?? [])
        {
            if (number is < 1 or > 29)
            {
                errors.Add(new("determinants", $"Determinant {number} bestaat niet: MIDI kent de determinanten 1 tot en met 29."));
            }
        }

        if (draft.Determinants is { } list && list.Distinct().Count() != list.Count)
        {
            errors.Add(new("determinants", "Een determinant staat twee keer in de lijst."));
        }

        return errors;
    }
}
