using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Networks;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Networks;

/// <summary>
/// What this project shares with its learning networks: each vastgestelde finding and each concluded lesson, shared or
/// not per network by an explicit action of the projectleider or onderzoeker. Nothing is shared by default.
/// </summary>
[ProjectPermission(Capability.ManageFindings)]
public sealed class ShareModel : ProjectPageModel
{
    private readonly NetworkStore _networks;

    public ShareModel(ProjectStore projects, NetworkStore networks) : base(projects) => _networks = networks;

    public IReadOnlyList<Network> Networks { get; private set; } = [];

    public IReadOnlyList<ShareCandidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken) || await _networks.CandidatesAsync(id, cancellationToken) is not { } candidates)
        {
            return NotFound();
        }

        Candidates = candidates;
        Networks = await _networks.ListForProjectAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostShareAsync(long id, long networkId, string? kind, long itemId, CancellationToken cancellationToken) =>
        ChangeAsync(async () => await _networks.ShareAsync(id, networkId, Kind(kind), itemId, User.ToActor(), cancellationToken), "Networks.Shared", Back(id, kind, itemId));

    public Task<IActionResult> OnPostUnshareAsync(long id, long networkId, string? kind, long itemId, CancellationToken cancellationToken) =>
        ChangeAsync(async () => await _networks.UnshareAsync(id, networkId, Kind(kind), itemId, User.ToActor(), cancellationToken), "Networks.Unshared", Back(id, kind, itemId));

    private static ShareKind Kind(string? kind)
    {
        var input = new FieldParser();
        var parsed = input.RequiredCode<ShareKind>(kind, "kind", "soort gedeeld punt");
        input.ThrowIfAny();
        return parsed!.Value;
    }

    private static string Back(long id, string? kind, long itemId) =>
        $"/projecten/{id}/netwerk#{(Codes.TryParse<ShareKind>(kind, out var k) ? k.ToCode() : "item")}-{itemId}";
}
