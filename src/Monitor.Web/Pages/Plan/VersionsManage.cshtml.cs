using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Planning;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Planning;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Plan;

/// <summary>
/// The write actions of plan versions (save the plan as a version, take a status step), on a page of their own so the
/// ManageProject policy guards them declaratively; each posts, saves and goes back.
/// </summary>
[ProjectPermission(Capability.ManageProject)]
public sealed class VersionsManageModel : ProjectPageModel
{
    private readonly PlanVersionStore _versions;
    private readonly TimeProvider _time;

    public VersionsManageModel(ProjectStore projects, PlanVersionStore versions, TimeProvider time) : base(projects)
    {
        _versions = versions;
        _time = time;
    }

    public IActionResult OnGet(long id) => LocalRedirect(Back(id));

    public Task<IActionResult> OnPostCreateAsync(long id, string? name, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(async () => await _versions.CreateAsync(id, name, note, User.ToActor(), cancellationToken) is null ? null : name!.Trim(), "PlanVersions.Saved", Back(id));

    public Task<IActionResult> OnPostStatusAsync(long id, long versionId, string? status, string? on, long? groupId, long? meetingId, string? who, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            var input = new FieldParser();
            var step = new PlanVersionStepInput(status, on, groupId, meetingId, who, note).ToDraft(input, DutchClock.Today(_time));
            input.ThrowIfAny();
            return await _versions.ChangeStatusAsync(id, versionId, step!, User.ToActor(), cancellationToken);
        }, "PlanVersions.StepSaved", $"{Back(id)}/{versionId}");

    private static string Back(long id) => $"/projecten/{id}/plan/versies";
}
