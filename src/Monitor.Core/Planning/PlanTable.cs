using System.Globalization;
using System.Text;
using Monitor.Core.Common;

namespace Monitor.Core.Planning;

/// <summary>
/// The implementation plan as a table, shared by <see cref="PlanCsv"/> and <see cref="PlanXlsx"/>:
/// the Dutch headings, how a draft becomes cells, and how rows of cells become validated drafts.
/// </summary>
internal static class PlanTable
{
    public const int MaxRows = 2000;
    public const int MaxBytes = 5 * 1024 * 1024;
    public const string FileField = "bestand";

    /// <summary>Column positions in <see cref="Headings"/>.</summary>
    public static class Column
    {
        public const int Phase = 0;
        public const int Title = 1;
        public const int Description = 2;
        public const int TargetGroup = 3;
        public const int Actors = 4;
        public const int Barriers = 5;
        public const int Facilitators = 6;
        public const int Preconditions = 7;
        public const int Owner = 8;
        public const int PlannedMonth = 9;
        public const int Status = 10;
        public const int StartedOn = 11;
        public const int CompletedOn = 12;
        public const int Determinants = 13;
    }

    public static readonly IReadOnlyList<string> Headings =
    [
        "fase", "activiteit", "omschrijving", "doelgroep", "actoren", "belemmerende factoren", "bevorderende factoren",
        "randvoorwaarden", "uitvoerder/eigenaar", "planning (maand)", "status", "gestart op", "gereed op", "determinanten",
    ];

    /// <summary>Spreadsheet column widths in characters, by heading.</summary>
    public static readonly IReadOnlyList<double> Widths = [6, 40, 50, 14, 30, 40, 40, 40, 25, 16, 11, 12, 12, 16];

    public static readonly IReadOnlyList<string> GoalHeadings = ["fase", "doel"];

    public static readonly IReadOnlyList<double> GoalWidths = [6, 80];

    private const string DateFormat = "yyyy-MM-dd";

    private static readonly Dictionary<string, TargetGroup> _targetGroups = new(StringComparer.OrdinalIgnoreCase)
    {
        ["professionals"] = TargetGroup.Professionals,
        ["cliënten"] = TargetGroup.Clienten,
        ["clienten"] = TargetGroup.Clienten,
        ["management"] = TargetGroup.Management,
        ["afdelingen"] = TargetGroup.Afdelingen,
        ["overig"] = TargetGroup.Overig,
    };

    private static readonly Dictionary<string, ActivityStatus> _statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gepland"] = ActivityStatus.Gepland,
        ["bezig"] = ActivityStatus.Bezig,
        ["gereed"] = ActivityStatus.Gereed,
        ["vervallen"] = ActivityStatus.Vervallen,
    };

    public static string Label(TargetGroup group) => group switch
    {
        TargetGroup.Professionals => "professionals",
        TargetGroup.Clienten => "cliënten",
        TargetGroup.Management => "management",
        TargetGroup.Afdelingen => "afdelingen",
        TargetGroup.Overig => "overig",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    public static string Label(ActivityStatus status) => status switch
    {
        ActivityStatus.Gepland => "gepland",
        ActivityStatus.Bezig => "bezig",
        ActivityStatus.Gereed => "gereed",
        ActivityStatus.Vervallen => "vervallen",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The cells of one activity, in the order of <see cref="Headings"/>.</summary>
    public static string[] ToCells(PlanActivityDraft activity) =>
    [
        activity.Phase.ToString(CultureInfo.InvariantCulture),
        activity.Title,
        activity.Description,
        Label(activity.TargetGroup),
        activity.Actors,
        activity.Barriers,
        activity.Facilitators,
        activity.Preconditions,
        activity.Owner,
        activity.PlannedMonth?.ToString() ?? "",
        Label(activity.Status),
        activity.StartedOn?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "",
        activity.CompletedOn?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "",
        string.Join(", ", activity.Determinants.Select(d => d.ToString(CultureInfo.InvariantCulture))),
    ];

    /// <summary>Reads the whole input, or adds an error and returns null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static byte[]? ReadAll(Stream input, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                errors.Add(new(FileField, "Het bestand is groter dan 5 MB. Splits het plan over meerdere bestanden."));
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads activities from <paramref name="rows"/>: the first non-empty row holds the headings (in any order,
    /// any case); empty rows are skipped; every problem is added to <paramref name="errors"/>.
    /// </summary>
    public static List<PlanActivityDraft> ReadActivities(IReadOnlyList<PlanTableRow> rows, string fieldPrefix, List<ValidationError> errors)
    {
        var activities = new List<PlanActivityDraft>();
        if (!TryFindColumns(rows, Headings, fieldPrefix, errors, out var columns, out var dataRows))
        {
            return activities;
        }

        foreach (var row in dataRows)
        {
            var reader = new RowReader(row, columns, Headings, fieldPrefix, errors);
            var phase = reader.Phase(Column.Phase);
            var title = reader.Text(Column.Title, PlanActivityDraft.MaxTitleLength, required: true);
            var description = reader.Text(Column.Description, PlanActivityDraft.MaxTextLength);
            var targetGroup = reader.Choice(
                Column.TargetGroup, _targetGroups, null, "doelgroep", "professionals, cliënten, management, afdelingen of overig");
            var actors = reader.Text(Column.Actors, PlanActivityDraft.MaxTextLength);
            var barriers = reader.Text(Column.Barriers, PlanActivityDraft.MaxTextLength);
            var facilitators = reader.Text(Column.Facilitators, PlanActivityDraft.MaxTextLength);
            var preconditions = reader.Text(Column.Preconditions, PlanActivityDraft.MaxTextLength);
            var owner = reader.Text(Column.Owner, PlanActivityDraft.MaxTextLength);
            var plannedMonth = reader.Month(Column.PlannedMonth);

            // An empty status means the activity has not started: that is what a fresh plan looks like.
            var status = reader.Choice(Column.Status, _statuses, ActivityStatus.Gepland, "status", "gepland, bezig, gereed of vervallen");
            var startedOn = reader.Date(Column.StartedOn);
            var completedOn = reader.Date(Column.CompletedOn);
            if (startedOn is { } started && completedOn is { } completed && completed < started)
            {
                reader.Error(Column.CompletedOn, $"De datum gereed op ({reader.Cell(Column.CompletedOn).Trim()}) ligt vóór de datum gestart op ({reader.Cell(Column.StartedOn).Trim()}).");
            }

            var determinants = reader.Determinants(Column.Determinants);
            if (reader.HasErrors)
            {
                continue;
            }

            activities.Add(new PlanActivityDraft
            {
                Phase = phase!.Value,
                Title = title,
                Description = description,
                TargetGroup = targetGroup!.Value,
                Actors = actors,
                Barriers = barriers,
                Facilitators = facilitators,
                Preconditions = preconditions,
                Owner = owner,
                PlannedMonth = plannedMonth,
                Status = status!.Value,
                StartedOn = startedOn,
                CompletedOn = completedOn,
                Determinants = determinants,
            });
        }

        return activities;
    }

    /// <summary>Reads phase goals (fase, doel) the way <see cref="ReadActivities"/> reads activities.</summary>
    public static List<PhaseGoal> ReadGoals(IReadOnlyList<PlanTableRow> rows, string fieldPrefix, List<ValidationError> errors)
    {
        var goals = new List<PhaseGoal>();
        if (!TryFindColumns(rows, GoalHeadings, fieldPrefix, errors, out var columns, out var dataRows))
        {
            return goals;
        }

        foreach (var row in dataRows)
        {
            var reader = new RowReader(row, columns, GoalHeadings, fieldPrefix, errors);
            var phase = reader.Phase(0);
            var goal = reader.Text(1, PlanActivityDraft.MaxTextLength, required: true);
            if (!reader.HasErrors)
            {
                goals.Add(new PhaseGoal(phase!.Value, goal));
            }
        }

        return goals;
    }

    private static bool TryFindColumns(
        IReadOnlyList<PlanTableRow> rows,
        IReadOnlyList<string> headings,
        string fieldPrefix,
        List<ValidationError> errors,
        out int[] columns,
        out List<PlanTableRow> dataRows)
    {
        columns = [];
        dataRows = [];
        var header = rows.FirstOrDefault(r => !r.IsEmpty);
        if (header is null)
        {
            return true;
        }

        var found = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            found.TryAdd(Normalize(header.Cells[i]), i);
        }

        if (!headings.Any(found.ContainsKey))
        {
            // Probably a title line or another sheet: one error says more than one per missing column.
            errors.Add(new(
                $"{fieldPrefix}rij {header.Number}",
                $"Rij {header.Number} heeft geen kolomkoppen van het implementatieplan. De eerste rij moet deze kolomkoppen hebben: {string.Join("; ", headings)}."));
            return false;
        }

        columns = new int[headings.Count];
        var complete = true;
        for (var h = 0; h < headings.Count; h++)
        {
            if (found.TryGetValue(headings[h], out var index))
            {
                columns[h] = index;
                continue;
            }

            complete = false;
            errors.Add(new(
                $"{fieldPrefix}rij {header.Number}, {headings[h]}",
                $"De kolom '{headings[h]}' ontbreekt. De eerste rij moet deze kolomkoppen hebben: {string.Join("; ", headings)}."));
        }

        if (!complete)
        {
            return false;
        }

        dataRows = rows.Where(r => r.Number > header.Number && !r.IsEmpty).ToList();
        if (dataRows.Count > MaxRows)
        {
            errors.Add(new(
                FileField,
                $"Het bestand heeft {dataRows.Count} rijen; er kunnen er maximaal {MaxRows} tegelijk worden ingelezen. Splits het plan over meerdere bestanden."));
            dataRows = [];
            return false;
        }

        return true;
    }

    /// <summary>Trimmed and in one Unicode form, so "cliënten" typed on a Mac matches too.</summary>
    private static string Normalize(string text) => text.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>Reads and checks the cells of one row, adding an error per bad cell.</summary>
    private sealed class RowReader(
        PlanTableRow row, int[] columns, IReadOnlyList<string> headings, string fieldPrefix, List<ValidationError> errors)
    {
        public bool HasErrors { get; private set; }

        public string Cell(int column)
        {
            var index = columns[column];
            return index < row.Cells.Count ? row.Cells[index] ?? "" : "";
        }

        public void Error(int column, string message)
        {
            errors.Add(new($"{fieldPrefix}rij {row.Number}, {headings[column]}", message));
            HasErrors = true;
        }

        public int? Phase(int column)
        {
            var text = Cell(column).Trim();
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number is >= 0 and <= 5 && number == decimal.Truncate(number))
            {
                return (int)number;
            }

            Error(column, text.Length == 0
                ? "De fase is verplicht: vul een Movisie-fase in van 0 (ontwikkelen) tot en met 5 (blijven doen)."
                : $"'{text}' is geen fase: vul een Movisie-fase in van 0 (ontwikkelen) tot en met 5 (blijven doen).");
            return null;
        }

        public string Text(int column, int maxLength, bool required = false)
        {
            var text = Cell(column);
            if (required && string.IsNullOrWhiteSpace(text))
            {
                Error(column, $"De kolom '{headings[column]}' is verplicht.");
            }
            else if (text.Length > maxLength)
            {
                Error(column, $"De tekst in '{headings[column]}' is te lang: {text.Length} tekens, maximaal {maxLength}.");
            }

            return text;
        }

        public T? Choice<T>(int column, Dictionary<string, T> choices, T? whenEmpty, string noun, string options)
            where T : struct
        {
            var text = Normalize(Cell(column));
            if (text.Length == 0 && whenEmpty is not null)
            {
                return whenEmpty;
            }

            if (choices.TryGetValue(text, out var value))
            {
                return value;
            }

            Error(column, text.Length == 0 ? $"Kies een {noun}: {options}." : $"'{text}' is geen {noun}: kies {options}.");
            return null;
        }

        public YearMonth? Month(int column)
        {
            var text = Cell(column).Trim();
            if (text.Length == 0)
            {
                return null;
            }

            if (YearMonth.TryParse(text, out var month))
            {
                return month;
            }

            Error(column, $"'{text}' is geen maand in de vorm jjjj-mm (bijvoorbeeld 2021-03).");
            return null;
        }

        public DateOnly? Date(int column)
        {
            var text = Cell(column).Trim();
            if (text.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Error(column, $"'{text}' is geen datum in de vorm jjjj-mm-dd (bijvoorbeeld 2021-03-15).");
            return null;
        }

        public IReadOnlyList<int> Determinants(int column)
        {
            var numbers = new SortedSet<int>();
            foreach (var part in Cell(column).Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 29)
                {
                    Error(column, $"'{part}' is geen MIDI-determinant: gebruik nummers van 1 tot en met 29, gescheiden door komma's (bijvoorbeeld 13, 16, 17).");
                }
                else if (!numbers.Add(number))
                {
                    Error(column, $"Determinant {number} staat er twee keer in.");
                }
            }

            return [.. numbers];
        }
    }
}
