using System.Text.RegularExpressions;
using Monitor.Core.Common;

namespace Monitor.Core.Projects;

/// <summary>Checks a <see cref="ProjectDraft"/> against the limits the schema enforces, with Dutch messages.</summary>
public static partial class ProjectDraftValidator
{
    public static IReadOnlyList<ValidationError> Validate(ProjectDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ValidationError>();
        if (draft.Slug is not { Length: >= 1 and <= 80 } || !SlugPattern().IsMatch(draft.Slug))
        {
            errors.Add(new("slug", "De korte naam (slug) mag alleen kleine letters, cijfers en streepjes bevatten (1 tot 80 tekens)."));
        }

        Checks.Required(errors, "name", draft.Name, ProjectDraft.MaxNameLength, "de projectnaam");
        Checks.Required(errors, "organisation", draft.Organisation, 200, "de organisatie");
        Checks.Required(errors, "innovation", draft.Innovation, 200, "de innovatie");
        Checks.Optional(errors, "description", draft.Description, ProjectDraft.MaxDescriptionLength, "de beschrijving");
        if (draft.CurrentPhase is < 0 or > 5)
        {
            errors.Add(new("currentPhase", "De huidige fase moet een Movisie-fase van 0 (ontwikkelen) tot en met 5 (blijven doen) zijn."));
        }

        if (draft.EndDate is { } end && end < draft.StartDate)
        {
            errors.Add(new("endDate", "De einddatum ligt vóór de startdatum."));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var g = 0; g < draft.Groups.Count; g++)
        {
            var group = draft.Groups[g];
            var path = $"groups[{g}]";
            Checks.Required(errors, $"{path}.name", group.Name, 200, "de groepsnaam");
            Checks.Optional(errors, $"{path}.purpose", group.Purpose, 2000, "het doel van de groep");
            Checks.Optional(errors, $"{path}.cadence", group.Cadence, 200, "het ritme van de groep");
            if (!Enum.IsDefined(group.Kind))
            {
                errors.Add(new($"{path}.kind", "Onbekend soort groep."));
            }

            if (!string.IsNullOrWhiteSpace(group.Name) && !names.Add(group.Name.Trim()))
            {
                errors.Add(new($"{path}.name", $"De groepsnaam '{group.Name}' komt twee keer voor in dit project."));
            }

            for (var m = 0; m < group.Members.Count; m++)
            {
                var member = group.Members[m];
                Checks.Required(errors, $"{path}.members[{m}].roleLabel", member.RoleLabel, 200, "de rol van een lid");
                Checks.Optional(errors, $"{path}.members[{m}].organisation", member.Organisation, 200, "de organisatie van een lid");
                if (member is { JoinedOn: { } joined, LeftOn: { } left } && left < joined)
                {
                    errors.Add(new($"{path}.members[{m}].leftOn", $"'{member.RoleLabel}' vertrekt vóór de datum van toetreden."));
                }

                if (!string.IsNullOrWhiteSpace(member.Replaces) && !group.Members.Take(m).Any(earlier => earlier.RoleLabel.Trim() == member.Replaces.Trim()))
                {
                    errors.Add(new($"{path}.members[{m}].replaces", $"'{member.RoleLabel}' vervangt '{member.Replaces}', maar dat is geen eerder lid van deze groep."));
                }
            }

            for (var m = 0; m < group.Meetings.Count; m++)
            {
                var meeting = group.Meetings[m];
                Checks.Optional(errors, $"{path}.meetings[{m}].title", meeting.Title, 200, "de titel van een bijeenkomst");
                Checks.Optional(errors, $"{path}.meetings[{m}].note", meeting.Note, 2000, "de notitie bij een bijeenkomst");
                if (meeting.DurationMinutes is < 1 or > 1440)
                {
                    errors.Add(new($"{path}.meetings[{m}].durationMinutes", "De duur van een bijeenkomst moet tussen 1 en 1440 minuten liggen."));
                }
            }
        }

        return errors;
    }


    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
