using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Networks;
using Monitor.Web.Endpoints;

namespace Monitor.Web.Pages.Networks;

/// <summary>
/// One learning network: what its member projects chose to share (vastgestelde findings and lessons), with project,
/// organisation and date. Only for whom has a role in a member project (and the beheerder); nothing else of any project.
/// </summary>
public sealed class NetworkModel : PageModel
{
    private readonly NetworkStore _networks;

    public NetworkModel(NetworkStore networks) => _networks = networks;

    public Network Network { get; private set; } = null!;

    public IReadOnlyList<SharedItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long networkId, CancellationToken cancellationToken)
    {
        if (await _networks.FindAsync(networkId, NetworkEndpoints.Viewer(HttpContext), cancellationToken) is not { } network)
        {
            return await _networks.ExistsAsync(networkId, cancellationToken) ? Forbid() : NotFound();
        }

        Network = network;
        Items = await _networks.SharedItemsAsync(networkId, cancellationToken);
        return Page();
    }
}
