using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Monitor.Core.Common;
using Monitor.Core.Networks;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Admin;

/// <summary>The beheerder sets up learning networks and which projects take part; what is shared, each project decides itself.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class NetworksModel : PageModel
{
    private readonly NetworkStore _networks;
    private readonly ProjectStore _projects;
    private readonly IStringLocalizer<SharedResource> _t;

    public NetworksModel(NetworkStore networks, ProjectStore projects, IStringLocalizer<SharedResource> t)
    {
        _networks = networks;
        _projects = projects;
        _t = t;
    }

    public IReadOnlyList<Network> Networks { get; private set; } = [];

    public IReadOnlyList<ProjectSummary> Projects { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Errors { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Networks = await _networks.ListAsync(null, cancellationToken);
        Projects = await _projects.ListAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostCreateAsync(string? name, string? description, CancellationToken cancellationToken) =>
        ChangeAsync(async () => { await _networks.CreateAsync(name ?? "", description ?? "", false, User.ToActor(), cancellationToken); return true; });

    public Task<IActionResult> OnPostAddAsync(long networkId, long projectId, CancellationToken cancellationToken) =>
        ChangeAsync(() => _networks.AddProjectAsync(networkId, projectId, User.ToActor(), cancellationToken));

    public Task<IActionResult> OnPostRemoveAsync(long networkId, long projectId, CancellationToken cancellationToken) =>
        ChangeAsync(() => _networks.RemoveProjectAsync(networkId, projectId, User.ToActor(), cancellationToken));

    private async Task<IActionResult> ChangeAsync(Func<Task<bool>> change)
    {
        try
        {
            if (!await change())
            {
                return NotFound();
            }

            Message = _t["Networks.Saved"];
        }
        catch (ValidationException ex)
        {
            Errors = string.Join("\n", ex.Errors.Select(e => e.Message));
        }

        return RedirectToPage();
    }
}
