using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Interop.Refi;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Coding;

/// <summary>
/// REFI-QDA exchange: download the project as .qdpx or the codings as CSV; import a .qdpx with a report of what was
/// kept and dropped; link coders from imported files to researchers of the project (only on confirmation).
/// </summary>
[ProjectPermission(Capability.CodeData)]
[RequestSizeLimit(ProjectExchange.MaxQdpxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ProjectExchange.MaxQdpxBytes + 1024 * 1024)]
public sealed class ExchangeModel : CodingPageModel
{
    private readonly ProjectExchange _exchange;
    private readonly FileCoderStore _fileCoders;
    private readonly RoundStore _rounds;

    public ExchangeModel(ProjectStore projects, ProjectExchange exchange, FileCoderStore fileCoders, RoundStore rounds) : base(projects)
    {
        _exchange = exchange;
        _fileCoders = fileCoders;
        _rounds = rounds;
    }

    public IReadOnlyList<FileCoder> FileCoders { get; private set; } = [];

    public IReadOnlyList<(long Id, string Name)> Researchers { get; private set; } = [];

    private string Back => $"/projecten/{ProjectId}/codering/uitwisselen";

    public IReadOnlyList<RefiImportLine>? Report { get; private set; }

    public ProjectImportResult? Result { get; private set; }

    // not TempData: the outcome is shown on this very response
    public string? ImportMessage { get; private set; }

    public string? ImportErrors { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await LoadCodersAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMapAsync(long id, long fileCoderId, long? userId, CancellationToken cancellationToken) =>
        await LoadProjectAsync(id, cancellationToken)
            ? await ChangeAsync(() => _fileCoders.MapAsync(id, fileCoderId, userId ?? 0, User.ToActor(), cancellationToken), "Exchange.Mapped", Back)
            : NotFound();

    private async Task LoadCodersAsync(long id, CancellationToken cancellationToken)
    {
        FileCoders = await _fileCoders.ListAsync(id, cancellationToken);
        Researchers = await _rounds.ListResearchersAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(long id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            ImportErrors = "Kies een .qdpx-bestand.";
            return Page();
        }

        try
        {
            await using var stream = file.OpenReadStream();
            Result = await _exchange.ImportQdpxAsync(id, stream, User.ToActor(), cancellationToken);
            Report = Result.Lines;
            ImportMessage = $"'{file.FileName}' is ingelezen: {Result.Documents} documenten, {Result.Codes} nieuwe codes, {Result.Codings} coderingen.";
        }
        catch (ValidationException ex)
        {
            ImportErrors = string.Join("\n", ex.Errors.Select(e => e.Message));
        }

        await LoadCodersAsync(id, cancellationToken);
        return Page();
    }
}
