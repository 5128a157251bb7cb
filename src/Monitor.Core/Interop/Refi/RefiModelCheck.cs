namespace Monitor.Core.Interop.Refi;

/// <summary>
/// What the schema cannot see: references between objects, duplicate GUIDs and selections inside their text.
/// A file that fails these would validate but break the importing tool.
/// </summary>
internal static class RefiModelCheck
{
    public static IReadOnlyList<string> Check(RefiProject project)
    {
        var errors = new List<string>();
        var users = Unique(project.Users.Select(u => u.Guid), "gebruiker", errors);
        var codes = Unique(Flatten(project.Codes).Select(c => c.Guid), "code", errors);
        var variables = Unique(project.Variables.Select(v => v.Guid), "variabele", errors);
        var sources = Unique(project.Sources.Select(s => s.Guid), "bron", errors);
        var notes = Unique(project.Notes.Select(n => n.Guid), "notitie", errors);
        Unique(project.Cases.Select(c => c.Guid), "casus", errors);

        void CheckUser(Guid? user, string owner)
        {
            if (user is { } guid && !users.Contains(guid))
            {
                errors.Add($"{owner} noemt gebruiker {RefiXml.Format(guid)} als maker, maar die staat niet bij de gebruikers");
            }
        }

        void CheckValues(IEnumerable<RefiVariableValue> values, string owner)
        {
            foreach (var value in values.Where(v => !variables.Contains(v.VariableGuid)))
            {
                errors.Add($"{owner} heeft een waarde voor onbekende variabele {RefiXml.Format(value.VariableGuid)}");
            }
        }

        foreach (var source in project.Sources)
        {
            var owner = $"Bron '{source.Name}'";
            CheckUser(source.CreatingUser, owner);
            CheckValues(source.Values, owner);
            var length = CodePointText.Length(source.Text);
            foreach (var selection in source.Selections)
            {
                var selectionOwner = $"Selectie {RefiXml.Format(selection.Guid)} in bron '{source.Name}'";
                if (selection.Start < 0 || selection.End < selection.Start || selection.End > length)
                {
                    errors.Add($"{selectionOwner} ligt buiten de tekst ({selection.Start}–{selection.End}, de tekst telt {length} tekens)");
                }

                CheckUser(selection.CreatingUser, selectionOwner);
                foreach (var coding in selection.Codings)
                {
                    CheckUser(coding.CreatingUser, $"Codering {RefiXml.Format(coding.Guid)}");
                    if (!codes.Contains(coding.CodeGuid))
                    {
                        errors.Add($"Codering {RefiXml.Format(coding.Guid)} verwijst naar onbekende code {RefiXml.Format(coding.CodeGuid)}");
                    }
                }

                foreach (var note in selection.NoteRefs.Where(n => !notes.Contains(n)))
                {
                    errors.Add($"{selectionOwner} verwijst naar onbekende notitie {RefiXml.Format(note)}");
                }
            }
        }

        foreach (var @case in project.Cases)
        {
            var owner = $"Casus '{@case.Name}'";
            CheckValues(@case.Values, owner);
            foreach (var source in @case.SourceRefs.Where(s => !sources.Contains(s)))
            {
                errors.Add($"{owner} verwijst naar onbekende bron {RefiXml.Format(source)}");
            }
        }

        Unique(project.Sets.Select(s => s.Guid), "set", errors);
        foreach (var set in project.Sets)
        {
            foreach (var member in set.MemberCodes.Where(c => !codes.Contains(c)))
            {
                errors.Add($"Set '{set.Name}' verwijst naar onbekende code {RefiXml.Format(member)}");
            }

            foreach (var member in set.MemberSources.Where(s => !sources.Contains(s)))
            {
                errors.Add($"Set '{set.Name}' verwijst naar onbekende bron {RefiXml.Format(member)}");
            }
        }

        foreach (var note in project.Notes)
        {
            CheckUser(note.CreatingUser, $"Notitie '{note.Name}'");
        }

        return errors;
    }

    public static IReadOnlyList<string> Check(RefiCodebook codebook)
    {
        var errors = new List<string>();
        if (codebook.Codes.Count == 0)
        {
            errors.Add("Het codeboek bevat geen codes");
        }

        Unique(Flatten(codebook.Codes).Select(c => c.Guid), "code", errors);
        return errors;
    }

    public static IEnumerable<RefiCode> Flatten(IEnumerable<RefiCode> codes) =>
        codes.SelectMany(code => Flatten(code.Children).Prepend(code));

    private static HashSet<Guid> Unique(IEnumerable<Guid> guids, string kind, List<string> errors)
    {
        var seen = new HashSet<Guid>();
        foreach (var guid in guids.Where(g => !seen.Add(g)).Distinct())
        {
            errors.Add($"GUID {RefiXml.Format(guid)} komt meer dan eens voor als {kind}");
        }

        return seen;
    }
}
