using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Participation;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Participation;

/// <summary>The write actions of the participation page: record or change a moment, delete one. Projectleider and onderzoeker.</summary>
[ProjectPermission(Capability.ManageFindings)]
public sealed class ManageModel : ProjectPageModel
{
    private readonly ParticipationStore _participation;

    public ManageModel(ProjectStore projects, ParticipationStore participation) : base(projects) => _participation = participation;

    public IActionResult OnGet(long id) => LocalRedirect(Back(id));

    public Task<IActionResult> OnPostSaveAsync(long id, long? momentId, long? groupId, string? heldOn, string? level, string? party, string? asked, string? doneWithIt, string? fedBackOn,
        CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            var input = new FieldParser();
            var draft = ParticipationForm.ToDraft(input, groupId, heldOn, level, party, asked, doneWithIt, fedBackOn);
            input.ThrowIfAny();
            return momentId is { } existing
                ? await _participation.UpdateAsync(id, existing, draft!, User.ToActor(), cancellationToken)
                : await _participation.CreateAsync(id, draft!, User.ToActor(), cancellationToken) is not null;
        }, "Participation.Saved", Back(id));

    public Task<IActionResult> OnPostDeleteAsync(long id, long momentId, CancellationToken cancellationToken) =>
        ChangeAsync(() => _participation.DeleteAsync(id, momentId, User.ToActor(), cancellationToken), "Participation.Deleted", Back(id));

    private static string Back(long id) => $"/projecten/{id}/participatie";
}
