using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Innovation;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Innovation;

/// <summary>
/// The checklist a logged-in professional (self-report) or an observer (projectleider, onderzoeker) ticks after a
/// conversation; a deelnemer files self-reports only.
/// </summary>
[ProjectPermission(Capability.ViewMeetingDetails)]
public sealed class ChecklistModel : InnovationPageModel
{
    private readonly CoreElementStore _elements;
    private readonly FidelityStore _fidelity;
    private readonly TimeProvider _time;

    public ChecklistModel(ProjectStore projects, IAuthorizationService authorization, CoreElementStore elements, FidelityStore fidelity, TimeProvider time) : base(projects, authorization)
    {
        _elements = elements;
        _fidelity = fidelity;
        _time = time;
    }

    public ChecklistForm? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken) || await _elements.ListAsync(id, cancellationToken) is not { } elements)
        {
            return NotFound();
        }

        Form = new ChecklistForm(elements, DutchClock.Today(_time), await _fidelity.TeamsAsync(id, cancellationToken), ChooseTeam: true, ChooseKind: CanAnalyse);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? conversationOn, string? team, string? kind, long[]? delivered, string? note, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await ChangeAsync(async () =>
        {
            var fields = new FieldParser();
            var on = fields.RequiredDate(conversationOn, "conversationOn", "de datum van het gesprek");
            // only projectleider and onderzoeker observe; a professional reports on their own conversation
            var chosen = CanAnalyse ? fields.Code<ChecklistKind>(kind, "kind", "soort checklist") : null;
            fields.ThrowIfAny();
            var draft = new ChecklistDraft
            {
                Team = team ?? "",
                ConversationOn = on!.Value,
                Kind = chosen ?? ChecklistKind.Zelfrapportage,
                Delivered = delivered ?? [],
                Note = note ?? "",
            };
            return await _fidelity.RecordAsync(id, draft, User.ToActor(), cancellationToken) is null ? null : UiText.Date(draft.ConversationOn);
        }, "Innovation.ChecklistSaved", $"/projecten/{id}/kernelementen");
    }
}
