using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Networks;
using Monitor.Web.Endpoints;

namespace Monitor.Web.Pages.Networks;

/// <summary>The learning networks the user's projects take part in (a beheerder sees all of them).</summary>
public sealed class IndexModel : PageModel
{
    private readonly NetworkStore _networks;

    public IndexModel(NetworkStore networks) => _networks = networks;

    public IReadOnlyList<Network> Networks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Networks = await _networks.ListAsync(NetworkEndpoints.Viewer(HttpContext), cancellationToken);
}
