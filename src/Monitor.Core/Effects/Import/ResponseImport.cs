using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Effects.Linkage;

namespace Monitor.Core.Effects.Import;

/// <summary>
/// Which column is what: per item of the questionnaire its column (0-based), the condition's column or one condition for
/// the whole file, the personal code's column (optional), and the value mapping of text labels to answers
/// ("Helemaal mee eens" → 5), applied before the defaults of <see cref="ResponseImport.DefaultValues"/>.
/// </summary>
public sealed record ImportMapping(IReadOnlyDictionary<long, int> ItemColumns, int? ConditionColumn, Condition? FixedCondition, int? CodeColumn,
    IReadOnlyDictionary<string, string> Values);

/// <summary>A row that will be taken: its number, condition, personal code (if any) and checked answers.</summary>
public sealed record PreparedResponse(int Row, Condition Condition, PersonalCode? Code, IReadOnlyDictionary<long, string?> Answers,
    IReadOnlyList<(long Item, double? Value, string? Text)> Parsed);

/// <summary>A row not taken, with its number as in the file and the reason in Dutch.</summary>
public sealed record RefusedRow(int Row, string Reason);

/// <summary>What an import will do: the rows taken and the rows refused with their reasons.</summary>
public sealed record ImportPlan(IReadOnlyList<PreparedResponse> Taken, IReadOnlyList<RefusedRow> Refused);

/// <summary>
/// Turns the rows of another survey tool's export into responses of a round: each row checked like a typed-in answer
/// (<see cref="SurveyRoundStore.ParseAnswers"/>), after the value mapping; a row with any problem is refused whole, with
/// its number and the reason, and the others are taken.
/// </summary>
public static class ResponseImport
{
    public const int MaxValueMappings = 200;
    public const int ValueMaxLength = 200;

    /// <summary>The labels most Dutch survey tools export for the 5-point Likert scale and yes/no, with their answers.</summary>
    public static IReadOnlyDictionary<string, string> DefaultValues { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Helemaal mee oneens"] = "1",
        ["Mee oneens"] = "2",
        ["Oneens"] = "2",
        ["Neutraal"] = "3",
        ["Niet mee eens, niet mee oneens"] = "3",
        ["Mee eens"] = "4",
        ["Eens"] = "4",
        ["Helemaal mee eens"] = "5",
        ["Ja"] = "ja",
        ["Nee"] = "nee",
        ["Weet niet"] = "weetniet",
        ["Weet ik niet"] = "weetniet",
    };

    /// <summary>The words a condition column may hold besides the codes getraind and ongetraind: card colours and trial terms.</summary>
    private static readonly Dictionary<string, Condition> _conditionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["geel"] = Condition.Getraind,
        ["wit"] = Condition.Ongetraind,
        ["interventie"] = Condition.Getraind,
        ["controle"] = Condition.Ongetraind,
        ["niet getraind"] = Condition.Ongetraind,
    };

    /// <exception cref="ValidationException">The mapping itself is wrong (no item column, a column the file lacks, no condition); nothing can be taken.</exception>
    public static ImportPlan Prepare(Questionnaire questionnaire, ResponseTable table, ImportMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mapping);
        CheckMapping(questionnaire, table, mapping);
        var values = new Dictionary<string, string>(DefaultValues, StringComparer.OrdinalIgnoreCase);
        foreach (var (label, value) in mapping.Values)
        {
            values[label.Trim()] = value.Trim();
        }

        var own = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (label, value) in mapping.Values)
        {
            own[label.Trim()] = value.Trim();
        }

        var items = questionnaire.Items.ToDictionary(i => i.Id);
        var taken = new List<PreparedResponse>();
        var refused = new List<RefusedRow>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var reasons = new List<string>();
            var condition = mapping.FixedCondition;
            if (mapping.ConditionColumn is { } conditionColumn)
            {
                var cell = row.Cell(conditionColumn);
                var word = values.GetValueOrDefault(cell, cell);
                condition = Codes.TryParse<Condition>(word.ToLowerInvariant(), out var parsed) ? parsed
                    : _conditionWords.TryGetValue(word, out var known) ? known
                    : null;
                if (condition is null)
                {
                    reasons.Add($"de conditie '{Shorten(cell)}' is onbekend (gebruik getraind of ongetraind, geel of wit, interventie of controle)");
                }
            }

            PersonalCode? code = null;
            if (mapping.CodeColumn is { } codeColumn && row.Cell(codeColumn) is { Length: > 0 } codeText)
            {
                code = PersonalCode.Parse(codeText);
                if (code is null)
                {
                    reasons.Add("de persoonlijke code is geen code van twee letters, de geboortedag en één cijfer (zoals MA073)");
                }
                else if (!codes.Add(code.Text))
                {
                    reasons.Add("dezelfde persoonlijke code staat al in een eerdere rij");
                }
            }

            var answers = mapping.ItemColumns.ToDictionary(m => m.Key, m => (string?)Translate(items[m.Key], row.Cell(m.Value), values, own));
            var errors = new List<ValidationError>();
            var parsedAnswers = SurveyRoundStore.ParseAnswers(questionnaire, answers, errors);
            reasons.AddRange(errors.Select(e => Lower(e.Message.TrimEnd('.'))));
            if (reasons.Count > 0)
            {
                refused.Add(new RefusedRow(row.Number, string.Create(CultureInfo.InvariantCulture, $"Rij {row.Number}: {string.Join("; ", reasons)}.")));
            }
            else
            {
                taken.Add(new PreparedResponse(row.Number, condition!.Value, code, answers, parsedAnswers));
            }
        }

        return new ImportPlan(taken, refused);
    }

    /// <summary>
    /// A cell as the answer <see cref="SurveyRoundStore.ParseAnswers"/> reads. The file's own value mapping applies to every
    /// kind; the built-in labels (Likert, ja/nee) only to scale and yes/no items, so an option "Neutraal" stays an option. A
    /// choice cell holding an option's text becomes its position ("klantmanager;jobcoach" → "1;2"); a number stays a position.
    /// </summary>
    private static string Translate(QuestionnaireItem item, string cell, Dictionary<string, string> all, Dictionary<string, string> own)
    {
        if (own.TryGetValue(cell, out var mapped))
        {
            return mapped;
        }

        if (!item.IsChoice)
        {
            return item.Kind is ItemKind.Getal or ItemKind.Open ? cell : all.GetValueOrDefault(cell, cell);
        }

        string Position(string text)
        {
            var index = item.Options.ToList().FindIndex(o => string.Equals(o, text.Trim(), StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? (index + 1).ToString(CultureInfo.InvariantCulture) : text.Trim();
        }

        return item.Kind == ItemKind.EnkeleKeuze ? Position(cell) : string.Join(';', cell.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Position));
    }

    private static void CheckMapping(Questionnaire questionnaire, ResponseTable table, ImportMapping mapping)
    {
        var errors = new List<ValidationError>();
        if (mapping.ItemColumns.Count == 0)
        {
            errors.Add(new ValidationError("items", "Koppel minstens één kolom aan een vraag van de vragenlijst."));
        }

        foreach (var (itemId, column) in mapping.ItemColumns)
        {
            if (questionnaire.Items.All(i => i.Id != itemId))
            {
                errors.Add(new ValidationError("items", $"Vraag {itemId} hoort niet bij deze vragenlijst."));
            }

            CheckColumn(errors, table, column, "items");
        }

        if (mapping.ConditionColumn is null && mapping.FixedCondition is null)
        {
            errors.Add(new ValidationError("condition", "Kies de kolom met de conditie, of één conditie voor het hele bestand."));
        }

        if (mapping.ConditionColumn is { } conditionColumn)
        {
            CheckColumn(errors, table, conditionColumn, "condition");
        }

        if (mapping.CodeColumn is { } codeColumn)
        {
            CheckColumn(errors, table, codeColumn, "code");
        }

        if (mapping.Values.Count > MaxValueMappings)
        {
            errors.Add(new ValidationError("values", $"Hooguit {MaxValueMappings} waarden om te vertalen."));
        }

        foreach (var (label, value) in mapping.Values)
        {
            if (label.Length > ValueMaxLength || value.Length > ValueMaxLength)
            {
                errors.Add(new ValidationError("values", $"Een waarde om te vertalen is langer dan {ValueMaxLength} tekens."));
            }
        }

        Checks.ThrowIfAny(errors);
    }

    private static void CheckColumn(List<ValidationError> errors, ResponseTable table, int column, string field)
    {
        if (column < 0 || column >= table.Headers.Count)
        {
            errors.Add(new ValidationError(field, $"Kolom {column + 1} bestaat niet: het bestand heeft {table.Headers.Count} kolommen."));
        }
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string Lower(string message) => message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}
