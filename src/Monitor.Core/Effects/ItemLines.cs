using Monitor.Core.Common;

namespace Monitor.Core.Effects;

/// <summary>
/// The questionnaire editor's items, typed one per line: "soort | tekst", then optional parts after further bars:
/// "omgescoord" (a scale item turned around), the options of a choice item separated by ";" ("enkelekeuze | Uw functie? |
/// klantmanager; jobcoach"), the bounds of a number item ("getal | Hoeveel gesprekken? | min 0 | max 100"), and the labels
/// of a 5-point item: a built-in set ("labels: frequentie"), five labels of its own ("labels: nooit; soms; …") or
/// "labels: eigen" for the custom labels given beside the lines. A 5-point Likert item without labels gets the default
/// set chosen on the editor.
/// </summary>
public static class ItemLines
{
    public const string Custom = "eigen";

    /// <param name="text">The lines.</param>
    /// <param name="defaultSet">The code of the built-in set for Likert items without labels, or <see cref="Custom"/>; empty: the agreement default.</param>
    /// <param name="customLabels">The editor's own labels, one per line (for <see cref="Custom"/>).</param>
    /// <param name="errors">Dutch messages per wrong line are added here.</param>
    public static List<ItemDraft> Parse(string? text, string? defaultSet, string? customLabels, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var custom = (customLabels ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        IReadOnlyList<string>? Set(string code, int number)
        {
            if (code.Equals(Custom, StringComparison.OrdinalIgnoreCase))
            {
                if (custom.Length != LabelSets.LabelCount)
                {
                    errors.Add(new ValidationError("labels", $"Geef {LabelSets.LabelCount} eigen antwoordlabels, één per regel, van laag naar hoog; nu {custom.Length}."));
                    return null;
                }

                return custom;
            }

            if (LabelSets.Find(code) is { } set)
            {
                return set.Labels;
            }

            var own = code.Split(';', StringSplitOptions.TrimEntries);
            if (own.Length > 1)
            {
                return own;
            }

            errors.Add(new ValidationError(number == 0 ? "labelSet" : "items",
                $"{(number == 0 ? "De" : $"Regel {number}: de")} labelset '{code}' bestaat niet (kies {string.Join(", ", LabelSets.All.Select(s => s.Code))}, {Custom} of vijf labels met ;)."));
            return null;
        }

        var defaults = string.IsNullOrWhiteSpace(defaultSet) || LabelSets.Find(defaultSet) == LabelSets.Agreement ? [] : Set(defaultSet.Trim(), 0) ?? [];
        var drafts = new List<ItemDraft>();
        foreach (var (line, number) in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((l, i) => (l, i + 1)))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || !Codes.TryParse<ItemKind>(parts[0], out var kind))
            {
                errors.Add(new ValidationError("items",
                    $"Regel {number} is geen vraag; schrijf bijvoorbeeld 'likert5 | Ik vertel de cliënt dat hij meebeslist' (soorten: {string.Join(", ", Codes.All<ItemKind>())})."));
                continue;
            }

            var draft = new ItemDraft(parts[1], kind);
            foreach (var part in parts.Skip(2).Where(p => p.Length > 0))
            {
                if (part.Equals("omgescoord", StringComparison.OrdinalIgnoreCase))
                {
                    draft = draft with { ReverseScored = true };
                }
                else if (part.StartsWith("labels:", StringComparison.OrdinalIgnoreCase))
                {
                    draft = draft with { Labels = Set(part["labels:".Length..].Trim(), number) ?? [] };
                }
                else if (kind == ItemKind.Getal && Bound(part) is { } bound)
                {
                    if (bound.Value is not { } value)
                    {
                        errors.Add(new ValidationError("items", $"Regel {number}: '{part}' is geen grens; schrijf bijvoorbeeld 'min 0' of 'max 10,5'."));
                    }
                    else
                    {
                        draft = bound.IsMinimum ? draft with { Minimum = value } : draft with { Maximum = value };
                    }
                }
                else if (kind is ItemKind.EnkeleKeuze or ItemKind.MeerdereKeuzes && draft.Options.Count == 0)
                {
                    draft = draft with { Options = part.Split(';', StringSplitOptions.TrimEntries) };
                }
                else
                {
                    errors.Add(new ValidationError("items", $"Regel {number}: '{(part.Length > 40 ? part[..40] + "…" : part)}' is niet te begrijpen bij een vraag van soort {kind.ToCode()}."));
                }
            }

            if (kind == ItemKind.Likert5 && draft.Labels.Count == 0)
            {
                draft = draft with { Labels = defaults };
            }

            drafts.Add(draft);
        }

        return drafts;
    }

    private static (bool IsMinimum, double? Value)? Bound(string part)
    {
        foreach (var (word, isMinimum) in new[] { ("min", true), ("max", false) })
        {
            if (part.StartsWith(word + " ", StringComparison.OrdinalIgnoreCase) || part.StartsWith(word + ":", StringComparison.OrdinalIgnoreCase))
            {
                return (isMinimum, Checks.TryParseNumber(part[(word.Length + 1)..], out var value) ? value : null);
            }
        }

        return null;
    }
}
