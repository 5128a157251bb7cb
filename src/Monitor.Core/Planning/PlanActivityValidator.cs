
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

        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            errors.Add(new("title", "De activiteit heeft een titel nodig."));
        }
        else if (draft.Title.Trim().Length > PlanActivityDraft.MaxTitleLength)
        {
            errors.Add(new("title", $"De titel is te lang: {draft.Title.Trim().Length} tekens, maximaal {PlanActivityDraft.MaxTitleLength}."));
        }

        foreach (var (field, label, value) in new[]
        {
            ("description", "De omschrijving", draft.Description),
            ("actors", "De actoren", draft.Actors),
            ("barriers", "De belemmerende factoren", draft.Barriers),
            ("facilitators", "De bevorderende factoren", draft.Facilitators),
            ("preconditions", "De randvoorwaarden", draft.Preconditions),
        })
        {
            if (value is not null && value.Length > PlanActivityDraft.MaxTextLength)
            {
                errors.Add(new(field, $"{label} is te lang: {value.Length} tekens, maximaal {PlanActivityDraft.MaxTextLength}."));
            }
        }

        if (draft.Owner is not null && draft.Owner.Length > 200)
        {
            errors.Add(new("owner", "De uitvoerder/eigenaar mag maximaal 200 tekens lang zijn."));
        }

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
