using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Import;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Effects;

/// <summary>
/// Import of responses from another survey tool's export (projectleider and onderzoeker), in three steps on one page:
/// upload a CSV or XLSX file (5 MB) for a round, map its columns to the items, the condition and the personal code and
/// its labels to answers, look at a preview of the first rows and the rows that will not be taken, then import the rows
/// that pass in one transaction with a report of the others. The file travels along in the form between the steps.
/// </summary>
[ProjectPermission(Capability.ManageFindings)]
[RequestSizeLimit(2 * ResponseTable.MaxBytes)]
[RequestFormLimits(ValueLengthLimit = 2 * ResponseTable.MaxBytes, MultipartBodyLengthLimit = 2 * ResponseTable.MaxBytes)]
public sealed class ImportModel : ProjectPageModel
{
    public const int PreviewRows = 10;

    private readonly SurveyRoundStore _rounds;
    private readonly ResponseImportStore _import;

    public ImportModel(ProjectStore projects, SurveyRoundStore rounds, ResponseImportStore import) : base(projects)
    {
        _rounds = rounds;
        _import = import;
    }

    public IReadOnlyList<MeasurementRound> Rounds { get; private set; } = [];

    public MeasurementRound? Round { get; private set; }

    public Questionnaire? Questionnaire { get; private set; }

    public ResponseTable? Table { get; private set; }

    public string FileName { get; private set; } = "";

    public string FileContent { get; private set; } = "";

    /// <summary>The chosen column per item (0-based; -1: none), guessed from the headings at first.</summary>
    public IReadOnlyDictionary<long, int> ItemColumns { get; private set; } = new Dictionary<long, int>();

    public int ConditionColumn { get; private set; } = -1;

    public string FixedCondition { get; private set; } = "";

    public int CodeColumn { get; private set; } = -1;

    public string ValueLines { get; private set; } = "";

    public ImportPlan? Preview { get; private set; }

    public ImportReport? Report { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, long? ronde, CancellationToken cancellationToken) =>
        await LoadAsync(id, ronde, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(long id, long ronde, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, ronde, cancellationToken) || Questionnaire is null)
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            Problems = ["Kies een bestand om in te lezen."];
            return Page();
        }

        if (file.Length > ResponseTable.MaxBytes)
        {
            Problems = ["Het bestand is groter dan 5 MB. Splits de antwoorden over meerdere bestanden."];
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        FileName = Path.GetFileName(file.FileName);
        FileContent = Convert.ToBase64String(buffer.ToArray());
        if (!ReadTable())
        {
            return Page();
        }

        // a first guess: the column whose heading is the item's text, the condition and code columns by their usual names
        ItemColumns = Questionnaire.Items.ToDictionary(i => i.Id, i => Find(h => Same(h, i.Text) || Same(h, $"v{i.Position}")));
        ConditionColumn = Find(h => h.Contains("conditie", StringComparison.OrdinalIgnoreCase) || h.Contains("groep", StringComparison.OrdinalIgnoreCase) || h.Contains("kleur", StringComparison.OrdinalIgnoreCase));
        CodeColumn = Find(h => h.Contains("code", StringComparison.OrdinalIgnoreCase));
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(long id, long ronde, CancellationToken cancellationToken) => await MappedAsync(id, ronde, async mapping =>
    {
        Preview = ResponseImport.Prepare(Questionnaire!, Table!, mapping);
        await Task.CompletedTask;
    }, cancellationToken);

    public async Task<IActionResult> OnPostImportAsync(long id, long ronde, CancellationToken cancellationToken) => await MappedAsync(id, ronde, async mapping =>
    {
        Report = await _import.ImportAsync(id, ronde, Table!, mapping, User.ToActor(), cancellationToken);
        if (Report is not null)
        {
            Message = string.Format(System.Globalization.CultureInfo.CurrentCulture, T["Import.Survey.Done"].Value, Report.Imported, Report.Refused.Count);
        }
    }, cancellationToken);

    private async Task<IActionResult> MappedAsync(long id, long ronde, Func<ImportMapping, Task> step, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, ronde, cancellationToken) || Questionnaire is null)
        {
            return NotFound();
        }

        var form = Request.Form;
        FileName = Path.GetFileName(form["fileName"].ToString());
        FileContent = form["content"].ToString();
        if (!ReadTable())
        {
            return Page();
        }

        int Column(string name) => int.TryParse(form[name].ToString(), out var column) ? column : -1;
        ItemColumns = Questionnaire.Items.ToDictionary(i => i.Id, i => Column($"col{i.Id}"));
        ConditionColumn = Column("conditionColumn");
        FixedCondition = form["fixedCondition"].ToString();
        CodeColumn = Column("codeColumn");
        ValueLines = form["values"].ToString();
        var problems = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, number) in ValueLines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((l, i) => (l, i + 1)))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0)
            {
                values[parts[0]] = parts[1];
            }
            else
            {
                problems.Add($"Regel {number} van de waarden is geen vertaling; schrijf bijvoorbeeld 'Helemaal mee eens = 5'.");
            }
        }

        Condition? fixedCondition = Codes.TryParse<Condition>(FixedCondition, out var chosen) ? chosen : null;
        try
        {
            if (problems.Count == 0)
            {
                await step(new ImportMapping(ItemColumns.Where(c => c.Value >= 0).ToDictionary(c => c.Key, c => c.Value), ConditionColumn >= 0 ? ConditionColumn : null, fixedCondition,
                    CodeColumn >= 0 ? CodeColumn : null, values));
            }
        }
        catch (ValidationException ex)
        {
            problems.AddRange(ex.Errors.Select(e => e.Message));
        }

        Problems = problems;
        return Page();
    }

    private bool ReadTable()
    {
        try
        {
            Table = ResponseTable.Read(FileName, Convert.FromBase64String(FileContent));
            return true;
        }
        catch (FormatException)
        {
            Problems = ["Het bestand is onderweg beschadigd; kies het opnieuw."];
        }
        catch (ValidationException ex)
        {
            Problems = [.. ex.Errors.Select(e => e.Message)];
        }

        Table = null;
        return false;
    }

    private int Find(Func<string, bool> match)
    {
        var headers = Table!.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            if (match(headers[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Same(string a, string b) =>
        string.Equals(a.Trim().TrimEnd('.', '?', ':'), b.Trim().TrimEnd('.', '?', ':'), StringComparison.OrdinalIgnoreCase);

    private async Task<bool> LoadAsync(long id, long? roundId, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return false;
        }

        Rounds = await _rounds.ListAsync(id, cancellationToken);
        Round = Rounds.SingleOrDefault(r => r.Id == roundId);
        Questionnaire = Round is null ? null : await _import.QuestionnaireOfAsync(id, Round.Id, cancellationToken);
        return true;
    }
}
