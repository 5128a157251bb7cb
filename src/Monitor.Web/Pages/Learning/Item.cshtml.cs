using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Learning;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Learning;

/// <summary>Changes one entry of the learning agenda; a new status is kept in its history with the date given.</summary>
[ProjectPermission(Capability.ManageFindings)]
public sealed class ItemModel : LearningPageModel
{
    private readonly LearningAgendaStore _agenda;

    public ItemModel(ProjectStore projects, IAuthorizationService authorization, LearningAgendaStore agenda) : base(projects, authorization) => _agenda = agenda;

    public LearningItem? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long itemId, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken) || await _agenda.FindAsync(id, itemId, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long itemId, string? kind, string? title, string? description, string? owner, string? actions, string? learned,
        string? status, string? statusOn, string? statusNote, string? sources, CancellationToken cancellationToken) =>
        await ChangeAsync(async () =>
        {
            var draft = NewModel.ReadDraft(kind, title, description, owner, actions, learned, status, statusOn, statusNote, sources);
            return await _agenda.UpdateAsync(id, itemId, draft, User.ToActor(), cancellationToken) ? draft.Title.Trim() : null;
        }, "Learning.Saved", $"/projecten/{id}/leeragenda#punt-{itemId}");
}
