using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Findings;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Findings;

/// <summary>The write actions on one finding (ManageFindings: onderzoeker, projectleider); each goes back to the finding.</summary>
[ProjectPermission(Capability.ManageFindings)]
public sealed class ManageModel : FindingsPageModel
{
    public ManageModel(ProjectStore projects, FindingStore findings, IAuthorizationService authorization) : base(projects, findings, authorization)
    {
    }

    private static string Back(long id, long findingId) => $"/projecten/{id}/bevindingen/{findingId}";

    public IActionResult OnGet(long id, long findingId) => LocalRedirect(Back(id, findingId));

    public Task<IActionResult> OnPostEditAsync(long id, long findingId, string? kind, string? heading, string? title, string? explanation, string? determinants, string? bowen, string? phase, CancellationToken cancellationToken) =>
        ChangeAsync(() => Findings.UpdateAsync(id, findingId, Draft(kind, heading, title, explanation, determinants, bowen, phase), User.ToActor(), cancellationToken), "Findings.Saved", Back(id, findingId));

    public Task<IActionResult> OnPostStatusAsync(long id, long findingId, string? status, string? heldOn, string? participants, string? changes, CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            if (!Codes.TryParse<FindingStatus>(status, out var parsed))
            {
                throw new ValidationException([new ValidationError("status", "Kies concept, besproken of vastgesteld.")]);
            }

            FindingSession? session = null;
            if (parsed == FindingStatus.Besproken)
            {
                var input = new FieldParser();
                var date = input.RequiredDate(heldOn, "heldOn", "de datum van de gezamenlijke sessie");
                input.ThrowIfAny();
                session = new FindingSession(date!.Value, participants ?? "", changes ?? "");
            }

            return await Findings.SetStatusAsync(id, findingId, parsed, session, User.ToActor(), cancellationToken);
        }, "Findings.StatusChanged", Back(id, findingId));

    public Task<IActionResult> OnPostAddEvidenceAsync(long id, long findingId, string? kind, long targetId, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(async () => Codes.TryParse<EvidenceKind>(kind, out var parsed)
                ? await Findings.AddEvidenceAsync(id, findingId, parsed, targetId, note ?? "", User.ToActor(), cancellationToken)
                : throw new ValidationException([new ValidationError("kind", "Kies codering, reflectie, bijeenkomst of activiteit.")]),
            "Findings.EvidenceAdded", Back(id, findingId));

    public Task<IActionResult> OnPostRemoveEvidenceAsync(long id, long findingId, long evidenceId, CancellationToken cancellationToken) =>
        ChangeAsync(() => Findings.RemoveEvidenceAsync(id, findingId, evidenceId, User.ToActor(), cancellationToken), "Findings.EvidenceRemoved", Back(id, findingId));

    public async Task<IActionResult> OnPostDeleteAsync(long id, long findingId, CancellationToken cancellationToken) =>
        await ChangeAsync(() => Findings.DeleteAsync(id, findingId, User.ToActor(), cancellationToken), "Findings.Deleted", $"/projecten/{id}/bevindingen");
}
