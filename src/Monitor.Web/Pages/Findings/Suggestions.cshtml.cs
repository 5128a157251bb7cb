using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Findings;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Findings;

/// <summary>Candidate findings from the coded data, each with its evidence and counts: accept, merge into a finding, or dismiss.</summary>
[ProjectPermission(Capability.ManageFindings)]
public sealed class SuggestionsModel : FindingsPageModel
{
    private readonly FindingSuggester _suggester;

    public SuggestionsModel(ProjectStore projects, FindingStore findings, IAuthorizationService authorization, FindingSuggester suggester) : base(projects, findings, authorization) => _suggester = suggester;

    public IReadOnlyList<FindingSuggestion> Suggestions { get; private set; } = [];

    public IReadOnlyList<Finding> Existing { get; private set; } = [];

    private string Back => $"/projecten/{ProjectId}/bevindingen/suggesties";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Suggestions = await _suggester.SuggestAsync(id, cancellationToken);
        Existing = await Findings.ListAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, string key, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        long? findingId = null;
        var result = await ChangeAsync(async () => (findingId = await _suggester.AcceptAsync(id, key, User.ToActor(), cancellationToken)) is not null,
            "Findings.SuggestionAccepted", Back);
        return findingId is { } created ? LocalRedirect($"/projecten/{id}/bevindingen/{created}") : result;
    }

    public async Task<IActionResult> OnPostMergeAsync(long id, string key, long findingId, CancellationToken cancellationToken) =>
        await LoadProjectAsync(id, cancellationToken)
            ? await ChangeAsync(() => _suggester.MergeAsync(id, key, findingId, User.ToActor(), cancellationToken), "Findings.SuggestionMerged", Back)
            : NotFound();

    public async Task<IActionResult> OnPostDismissAsync(long id, string key, CancellationToken cancellationToken) =>
        await LoadProjectAsync(id, cancellationToken)
            ? await ChangeAsync(async () =>
            {
                await _suggester.DismissAsync(id, key, User.ToActor(), cancellationToken);
                return true;
            }, "Findings.SuggestionDismissed", Back)
            : NotFound();
}
