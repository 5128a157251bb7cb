using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Common;
using Monitor.Core.Planning;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Plan;

/// <summary>
/// One plan version: its steps, what changed against another version (by default the one before), the plan as it
/// was frozen, and — for the projectleider, while it is not vastgesteld — the form for its next status step.
/// </summary>
[ProjectPermission(Capability.ViewProject)]
public sealed class VersionModel : PageModel
{
    private readonly ProjectStore _projects;
    private readonly PlanVersionStore _versions;
    private readonly IAuthorizationService _authorization;
    private readonly TimeProvider _time;

    public VersionModel(ProjectStore projects, PlanVersionStore versions, IAuthorizationService authorization, TimeProvider time)
    {
        _projects = projects;
        _versions = versions;
        _authorization = authorization;
        _time = time;
    }

    public Project Project { get; private set; } = null!;

    public PlanVersion Version { get; private set; } = null!;

    public IReadOnlyList<PlanVersion> Others { get; private set; } = [];

    /// <summary>The version compared with, or null when this is the only one.</summary>
    public PlanVersion? Against { get; private set; }

    public PlanDiff? Diff { get; private set; }

    public bool CanManage { get; private set; }

    /// <summary>Whether a status step can still be taken (not vastgesteld, not vervangen).</summary>
    public bool IsOpen => Version.Status is PlanVersionStatus.Concept or PlanVersionStatus.TerBespreking;

    public DateOnly Today { get; private set; }

    /// <summary>?tegen=: the id of the version to compare with.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Tegen { get; set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Errors { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, long versionId, CancellationToken cancellationToken)
    {
        if (await _projects.FindAsync(id, cancellationToken) is not { } project || await _versions.ListAsync(id, cancellationToken) is not { } versions
            || versions.FirstOrDefault(v => v.Id == versionId) is not { } version)
        {
            return NotFound();
        }

        Project = project;
        Version = version;
        Others = [.. versions.Where(v => v.Id != versionId)];
        Against = Tegen is { } chosen ? Others.FirstOrDefault(v => v.Id == chosen) : Others.Where(v => v.Number < version.Number).MaxBy(v => v.Number);
        Diff = Against is null ? null : PlanDiff.Compare(Against.Snapshot, version.Snapshot);
        Today = DutchClock.Today(_time);
        CanManage = (await _authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ManageProject))).Succeeded;
        return Page();
    }

    /// <summary>"fase 1 · 2021-04" for an activity in the frozen plan.</summary>
    public static string Where(PlanActivityDraft fields) => $"{fields.Phase} · {fields.PlannedMonth?.ToString() ?? "–"}";
}
