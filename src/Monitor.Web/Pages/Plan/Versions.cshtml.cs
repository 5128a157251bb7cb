using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Planning;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Plan;

/// <summary>
/// The versions of the implementation plan (#23): which one is vastgesteld (the baseline), the history of concepts and
/// who discussed and decided them; the projectleider saves the plan as a new version here.
/// </summary>
[ProjectPermission(Capability.ViewProject)]
public sealed class VersionsModel : PageModel
{
    private readonly ProjectStore _projects;
    private readonly PlanVersionStore _versions;
    private readonly IAuthorizationService _authorization;

    public VersionsModel(ProjectStore projects, PlanVersionStore versions, IAuthorizationService authorization)
    {
        _projects = projects;
        _versions = versions;
        _authorization = authorization;
    }

    public Project Project { get; private set; } = null!;

    public IReadOnlyList<PlanVersion> Versions { get; private set; } = [];

    public PlanVersion? Baseline => Versions.FirstOrDefault(v => v.Status == PlanVersionStatus.Vastgesteld);

    public bool CanManage { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Errors { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await _projects.FindAsync(id, cancellationToken) is not { } project || await _versions.ListAsync(id, cancellationToken) is not { } versions)
        {
            return NotFound();
        }

        Project = project;
        Versions = versions;
        CanManage = (await _authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ManageProject))).Succeeded;
        return Page();
    }
}
