using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Coding;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Coding;

/// <summary>Blind double-coding rounds of a project: the list and a form to start one.</summary>
[ProjectPermission(Capability.CodeData)]
public sealed class RoundsModel : CodingPageModel
{
    public RoundsModel(ProjectStore projects, CodingStore coding) : base(projects, coding)
    {
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

        Rounds = await Coding.ListRoundsAsync(id, cancellationToken);
        Researchers = await Coding.ListResearchersAsync(id, cancellationToken);
        Documents = await Coding.ListDocumentsAsync(id, cancellationToken);
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
            roundId = await Coding.CreateRoundAsync(id, name ?? "", coders ?? [], documents ?? [], User.ToActor(), cancellationToken);
            return true;
        }, "De ronde is gestart. Iedere codeur ziet alleen de eigen coderingen tot de ronde gesloten is.", $"/projecten/{id}/codering/rondes");
        return roundId > 0 ? LocalRedirect($"/projecten/{id}/codering/rondes/{roundId}") : result;
    }
}
