using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Frameworks;
using Monitor.Core.Privacy;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Projects;

[ProjectPermission(Capability.ViewProject)]
public sealed class DetailModel : PageModel
{
    private readonly ProjectStore _projects;
    private readonly FrameworkStore _frameworks;
    private readonly IAuthorizationService _authorization;

    public DetailModel(ProjectStore projects, FrameworkStore frameworks, IAuthorizationService authorization)
    {
        _projects = projects;
        _frameworks = frameworks;
        _authorization = authorization;
    }

    /// <summary>False for management: meeting notes and member rosters are raw material, not aggregates.</summary>
    public bool ShowDetails { get; private set; }

    public bool CanViewAudit { get; private set; }

    public bool CanManagePrivacy { get; private set; }

    public bool CanCode { get; private set; }

    public bool CanViewReports { get; private set; }

    /// <summary>Projectleider and onderzoeker decide what the project shares with its learning networks.</summary>
    public bool CanShare { get; private set; }

    /// <summary>Set by OnGetAsync before the page renders (a 404 is returned otherwise).</summary>
    public Project? Project { get; private set; }

    public IReadOnlyList<MovisiePhase> Phases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await _projects.FindAsync(id, cancellationToken) is not { } project)
        {
            return NotFound();
        }

        // the same rule as the API: management sees the structure and counts, not members or meeting notes
        var audience = await Audiences.ForAsync(_authorization, HttpContext);
        Project = project.For(audience);
        Phases = await _frameworks.ListPhasesAsync(cancellationToken);
        ShowDetails = audience == Audience.Team;
        CanViewAudit = await IsAllowedAsync(Capability.ViewAudit);
        CanManagePrivacy = await IsAllowedAsync(Capability.ManagePrivacy);
        CanCode = await IsAllowedAsync(Capability.CodeData);
        CanViewReports = await IsAllowedAsync(Capability.ViewReports);
        CanShare = await IsAllowedAsync(Capability.ManageFindings);
        return Page();
    }

    public string PhaseName(int number) => UiText.PhaseName(Phases, number);

    private async Task<bool> IsAllowedAsync(Capability capability) =>
        (await _authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(capability))).Succeeded;
}
