using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Coding;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Coding;

/// <summary>
/// The codebooks: built-in MIDI, Movisie and Bowen (read-only, with definition and coding guidance) and the
/// project's own codebooks with hierarchical codes (create, rename, describe, move, merge), .qdc import/export.
/// </summary>
[ProjectPermission(Capability.CodeData)]
[RequestSizeLimit(CodebookExchange.MaxQdcBytes + 64 * 1024)]
public sealed class CodebooksModel : CodingPageModel
{
    private readonly CodebookStore _codebooks;
    private readonly CodebookExchange _exchange;

    public CodebooksModel(ProjectStore projects, CodebookStore codebooks, CodebookExchange exchange) : base(projects)
    {
        _codebooks = codebooks;
        _exchange = exchange;
    }

    public IReadOnlyList<Codebook> Codebooks { get; private set; } = [];

    private string Back => $"/projecten/{ProjectId}/codeboeken";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Codebooks = await _codebooks.ListCodebooksAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCodebookAsync(long id, string? name, string? description, CancellationToken cancellationToken) =>
        await LoadProjectAsync(id, cancellationToken)
            ? await ChangeAsync(async () => await _codebooks.CreateCodebookAsync(id, name ?? "", description ?? "", User.ToActor(), cancellationToken) > 0, "Coding.CodebookCreated", Back)
            : NotFound();

    public async Task<IActionResult> OnPostCodeAsync(long id, long codebookId, string? nameNl, string? nameEn, string? definition, string? guidance, long? parentId, CancellationToken cancellationToken) =>
        await LoadProjectAsync(id, cancellationToken)
            ? await ChangeAsync(async () => await _codebooks.AddCodeAsync(id, codebookId, Draft(nameNl, nameEn, definition, guidance, parentId), User.ToActor(), cancellationToken) is not null, "Coding.CodeAdded", Back)
            : NotFound();

    public async Task<IActionResult> OnPostEditAsync(long id, long codeId, string? nameNl, string? nameEn, string? definition, string? guidance, long? parentId, CancellationToken cancellationToken) =>
        await LoadProjectAsync(id, cancellationToken)
            ? await ChangeAsync(() => _codebooks.UpdateCodeAsync(id, codeId, Draft(nameNl, nameEn, definition, guidance, parentId), User.ToActor(), cancellationToken), "Coding.CodeChanged", Back)
            : NotFound();

    public async Task<IActionResult> OnPostMergeAsync(long id, long codeId, long intoCodeId, CancellationToken cancellationToken) =>
        await LoadProjectAsync(id, cancellationToken)
            ? await ChangeAsync(() => _codebooks.MergeCodeAsync(id, codeId, intoCodeId, User.ToActor(), cancellationToken), "Coding.CodesMerged", Back)
            : NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(long id, long codebookId, CancellationToken cancellationToken) =>
        await LoadProjectAsync(id, cancellationToken)
            ? await ChangeAsync(() => _codebooks.DeleteCodebookAsync(id, codebookId, User.ToActor(), cancellationToken), "Coding.CodebookDeleted", Back)
            : NotFound();

    public async Task<IActionResult> OnPostImportAsync(long id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            Errors = "Kies een .qdc-bestand.";
            return LocalRedirect(Back);
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var result = await _exchange.ImportCodebookAsync(id, Path.GetFileNameWithoutExtension(file.FileName), stream, User.ToActor(), cancellationToken);
            Message = T["Coding.CodebookImported", result.Name, result.Codes].Value
                + (result.NewGuids > 0 ? " " + T["Coding.CodebookNewGuids", result.NewGuids].Value : "");
        }
        catch (Monitor.Core.Common.ValidationException ex)
        {
            Errors = string.Join("\n", ex.Errors.Select(e => e.Message));
        }

        return LocalRedirect(Back);
    }

    private static CodeDraft Draft(string? nameNl, string? nameEn, string? definition, string? guidance, long? parentId) =>
        new(nameNl ?? "", nameEn ?? "", definition ?? "", guidance ?? "", parentId);
}
