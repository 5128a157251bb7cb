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

        Required(errors, "name", "De projectnaam", draft.Name, ProjectDraft.MaxNameLength);
        Required(errors, "organisation", "De organisatie", draft.Organisation, 200);
        Required(errors, "innovation", "De innovatie", draft.Innovation, 200);
        MaxLength(errors, "description", "De beschrijving", draft.Description, ProjectDraft.MaxDescriptionLength);
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
            Required(errors, $"{path}.name", "De groepsnaam", group.Name, 200);
            MaxLength(errors, $"{path}.purpose", "Het doel van de groep", group.Purpose, 2000);
            MaxLength(errors, $"{path}.cadence", "Het ritme van de groep", group.Cadence, 200);
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
                Required(errors, $"{path}.members[{m}].roleLabel", "De rol van een lid", member.RoleLabel, 200);
                MaxLength(errors, $"{path}.members[{m}].organisation", "De organisatie van een lid", member.Organisation, 200);
                if (member is { JoinedOn: { } joined, LeftOn: { } left } && left < joined)
                {
                    errors.Add(new($"{path}.members[{m}].leftOn", $"'{member.RoleLabel}' vertrekt vóór de datum van toetreden."));
                }
            }

            for (var m = 0; m < group.Meetings.Count; m++)
            {
                var meeting = group.Meetings[m];
                MaxLength(errors, $"{path}.meetings[{m}].title", "De titel van een bijeenkomst", meeting.Title, 200);
                MaxLength(errors, $"{path}.meetings[{m}].note", "De notitie bij een bijeenkomst", meeting.Note, 2000);
                if (meeting.DurationMinutes is < 1 or > 1440)
                {
                    errors.Add(new($"{path}.meetings[{m}].durationMinutes", "De duur van een bijeenkomst moet tussen 1 en 1440 minuten liggen."));
                }
            }
        }

        return errors;
    }

    private static void Required(List<ValidationError> errors, string field, string label, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, $"{label} is verplicht."));
            return;
        }

        MaxLength(errors, field, label, value, max);
    }

    private static void MaxLength(List<ValidationError> errors, string field, string label, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(field, $"{label} is te lang: {value.Length} tekens, maximaal {max}."));
        }
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
