using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Coding;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Coding;

/// <summary>Blind double-coding rounds of a project: the list and a form to start one.</summary>
[ProjectPermission(Capability.CodeData)]
public sealed class RoundsModel : CodingPageModel
{
    private readonly RoundStore _rounds;
    private readonly CodingDocumentStore _documents;

    public RoundsModel(ProjectStore projects, RoundStore rounds, CodingDocumentStore documents) : base(projects)
    {
        _rounds = rounds;
        _documents = documents;
    }

    public IReadOnlyList<CodingRound> Rounds { get; private set; } = [];

    public IReadOnlyList<(long Id, string Name)> Researchers { get; private set; } = [];

    public IReadOnlyList<CodingDocument> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Rounds = await _rounds.ListRoundsAsync(id, cancellationToken);
        Researchers = await _rounds.ListResearchersAsync(id, cancellationToken);
        Documents = await _documents.ListDocumentsAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? name, long[]? coders, long[]? documents, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        long roundId = 0;
        var result = await ChangeAsync(async () =>
        {
            roundId = await _rounds.CreateRoundAsync(id, name ?? "", coders ?? [], documents ?? [], User.ToActor(), cancellationToken);
            return true;
        }, "Coding.Round.Started", $"/projecten/{id}/codering/rondes");
        return roundId > 0 ? LocalRedirect($"/projecten/{id}/codering/rondes/{roundId}") : result;
    }
}
