using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Coding.Text;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Coding;

/// <summary>The documents of a project to code: minutes, reflections and uploads, with their coding counts; upload form.</summary>
[ProjectPermission(Capability.CodeData)]
[RequestSizeLimit(4 * DocumentText.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 4 * DocumentText.MaxUploadBytes)]
public sealed class IndexModel : CodingPageModel
{
    private readonly CodingDocumentStore _documents;
    private readonly RoundStore _rounds;

    public IndexModel(ProjectStore projects, CodingDocumentStore documents, RoundStore rounds) : base(projects)
    {
        _documents = documents;
        _rounds = rounds;
    }

    public IReadOnlyList<CodingDocument> Documents { get; private set; } = [];

    public IReadOnlyList<CodingRound> OpenRounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Documents = await _documents.ListDocumentsAsync(id, cancellationToken);
        var me = User.UserId();
        OpenRounds = (await _rounds.ListRoundsAsync(id, cancellationToken)).Where(r => r.Status == RoundStatus.Open && r.Coders.Any(c => c.Id == me)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(long id, string? title, string? sourceType, string? heldOn, IFormFile? file, CancellationToken cancellationToken)
    {
        var back = $"/projecten/{id}/codering";
        if (file is null || file.Length == 0)
        {
            Errors = "Kies een bestand (.txt, .md of .docx).";
            return LocalRedirect(back);
        }

        try
        {
            var input = new FieldParser();
            var date = input.Date(heldOn, "heldOn", "de datum");
            input.ThrowIfAny();
            await using var stream = file.OpenReadStream();
            var read = DocumentText.Read(file.FileName, stream);
            var documentId = await _documents.AddUploadAsync(id, string.IsNullOrWhiteSpace(title) ? Path.GetFileNameWithoutExtension(file.FileName) : title, sourceType ?? "", file.FileName, read.Text, date, User.ToActor(), cancellationToken);
            Message = $"'{file.FileName}' is toegevoegd." + (read.Notice is { } notice ? " " + notice : "");
            return LocalRedirect($"/projecten/{id}/codering/documenten/{documentId}");
        }
        catch (DocumentTextException ex)
        {
            Errors = ex.Message;
        }
        catch (ValidationException ex)
        {
            Errors = string.Join("\n", ex.Errors.Select(e => e.Message));
        }

        return LocalRedirect(back);
    }
}
