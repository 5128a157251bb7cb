using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Accounts;
using Monitor.Core.Networks;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// Cross-organisation work (issue #23): /api/v1/networks (the networks the caller's projects take part in and what their
/// member projects shared; a beheerder sees all), /api/v1/projects/{id}/network-shares (what the project shares, share
/// and unshare: projectleider and onderzoeker), /api/v1/projects/{id}/groups/{groupId}/guests (guests from other
/// organisations in one group: projectleider) and /api/v1/me/guest-groups (the groups the caller is a guest in).
/// </summary>
internal static class NetworkEndpoints
{
    public static RouteGroupBuilder MapNetworkEndpoints(this IEndpointRouteBuilder routes)
    {
        var networks = routes.MapGroup("/api/v1/networks").WithTags("Networks");
        networks.MapGet("/", ListNetworksAsync);
        networks.MapGet("/{networkId:long}/items", SharedItemsAsync);
        routes.MapGet("/api/v1/me/guest-groups", GuestGroupsAsync).WithTags("Account");

        var project = routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Networks")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(ApiResults.RefuseInvalidAsync);
        var share = ProjectAccess.PolicyName(Capability.ManageFindings);
        var manage = ProjectAccess.PolicyName(Capability.ManageProject);
        project.MapGet("/network-shares", ListCandidatesAsync).RequireAuthorization(share);
        project.MapPost("/network-shares", ShareAsync).RequireAuthorization(share);
        project.MapDelete("/network-shares/{networkId:long}/{kind}/{itemId:long}", UnshareAsync).RequireAuthorization(share);
        project.MapGet("/groups/{groupId:long}/guests", ListGuestsAsync).RequireAuthorization(manage);
        project.MapPost("/groups/{groupId:long}/guests", InviteGuestAsync).RequireAuthorization(manage);
        project.MapDelete("/groups/{groupId:long}/guests/{guestId:long}", RemoveGuestAsync).RequireAuthorization(manage);
        return networks;
    }

    /// <summary>The user the network rules apply to: null for a beheerder (sees every network).</summary>
    internal static long? Viewer(HttpContext http) => http.User.IsAdmin() ? null : http.User.UserId() ?? -1;

    private static async Task<Ok<IReadOnlyList<Network>>> ListNetworksAsync(HttpContext http, NetworkStore networks, CancellationToken cancellationToken) =>
        TypedResults.Ok(await networks.ListAsync(Viewer(http), cancellationToken));

    private static async Task<Results<Ok<NetworkItemsResponse>, ProblemHttpResult>> SharedItemsAsync(long networkId, HttpContext http, NetworkStore networks, CancellationToken cancellationToken)
    {
        if (await networks.FindAsync(networkId, Viewer(http), cancellationToken) is not { } network)
        {
            return await networks.ExistsAsync(networkId, cancellationToken)
                ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang", detail: "Alleen wie een rol heeft in een project van dit netwerk ziet wat er gedeeld is.")
                : ApiResults.NotFound("Netwerk niet gevonden", $"Er is geen netwerk {networkId}.");
        }

        return TypedResults.Ok(new NetworkItemsResponse(network, await networks.SharedItemsAsync(networkId, cancellationToken)));
    }

    private static async Task<Ok<IReadOnlyList<GuestGroup>>> GuestGroupsAsync(HttpContext http, GroupGuestStore guests, CancellationToken cancellationToken) =>
        TypedResults.Ok(http.User.UserId() is { } user ? await guests.GroupsOfAsync(user, cancellationToken) : []);

    private static async Task<Results<Ok<SharesResponse>, ProblemHttpResult>> ListCandidatesAsync(long id, NetworkStore networks, CancellationToken cancellationToken) =>
        await networks.CandidatesAsync(id, cancellationToken) is { } candidates
            ? TypedResults.Ok(new SharesResponse(await networks.ListForProjectAsync(id, cancellationToken), candidates))
            : ApiResults.ProjectNotFound(id);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ShareAsync(long id, ShareBody body, HttpContext http, NetworkStore networks, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var kind = input.RequiredCode<ShareKind>(body.Kind, "kind", "soort gedeeld punt");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await networks.ShareAsync(id, body.NetworkId, kind!.Value, body.ItemId, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : ApiResults.NotFound("Netwerk of project niet gevonden", $"Er is geen netwerk {body.NetworkId} of geen project {id}.");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UnshareAsync(long id, long networkId, string kind, long itemId, HttpContext http, NetworkStore networks, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var parsed = input.RequiredCode<ShareKind>(kind, "kind", "soort gedeeld punt");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await networks.UnshareAsync(id, networkId, parsed!.Value, itemId, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : ApiResults.NotFound("Niet gedeeld", $"Dit project deelt {kind} {itemId} niet met netwerk {networkId}.");
    }

    private static async Task<Results<Ok<IReadOnlyList<GroupGuest>>, ProblemHttpResult>> ListGuestsAsync(long id, long groupId, GroupGuestStore guests, CancellationToken cancellationToken) =>
        await guests.ListAsync(id, groupId, cancellationToken) is { } list ? TypedResults.Ok(list) : ApiResults.GroupNotFound(groupId);

    /// <summary>An existing account by e-mail, or a new one when displayName and a temporary password are given (to be changed at the first login).</summary>
    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> InviteGuestAsync(long id, long groupId, GuestBody body, HttpContext http,
        GroupGuestStore guests, Passwords passwords, CancellationToken cancellationToken)
    {
        NewAccount? account = null;
        if (!string.IsNullOrEmpty(body.Password))
        {
            var errors = AccountStore.ValidateIdentity(body.Email, body.DisplayName).Concat(PasswordRules.Validate(body.Password, body.Email)).ToList();
            if (errors.Count > 0)
            {
                return ApiResults.Invalid(errors);
            }

            account = new NewAccount { Email = body.Email!.Trim(), DisplayName = body.DisplayName!.Trim(), PasswordHash = passwords.Hash(body.Password), MustChangePassword = true };
        }

        return await guests.InviteAsync(id, groupId, new GuestInvitation { Email = body.Email ?? "", Organisation = body.Organisation ?? "", NewAccount = account }, http.User.ToActor(), cancellationToken) is { } guestId
            ? ApiResults.Created($"/api/v1/projects/{id}/groups/{groupId}/guests#{guestId}", guestId)
            : ApiResults.GroupNotFound(groupId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveGuestAsync(long id, long groupId, long guestId, HttpContext http, GroupGuestStore guests, CancellationToken cancellationToken) =>
        await guests.RemoveAsync(id, groupId, guestId, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : ApiResults.NotFound("Gast niet gevonden", $"Groep {groupId} van dit project heeft geen gast {guestId}.");

    internal sealed record NetworkItemsResponse(Network Network, IReadOnlyList<SharedItem> Items);

    internal sealed record SharesResponse(IReadOnlyList<Network> Networks, IReadOnlyList<ShareCandidate> Items);

    internal sealed record ShareBody(long NetworkId, string? Kind, long ItemId);

    internal sealed record GuestBody(string? Email, string? Organisation, string? DisplayName, string? Password);
}
