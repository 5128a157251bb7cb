using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Accounts;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>GET /api/v1/me: who the token or cookie belongs to and their roles (handy to check a new token).</summary>
internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/me").WithTags("Account");

        group.MapGet("/", async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> (HttpContext http, AccountStore accounts, CancellationToken cancellationToken) =>
        {
            if (http.User.UserId() is not { } id || await accounts.FindAsync(id, cancellationToken) is not { } account)
            {
                return TypedResults.Unauthorized();
            }

            var roles = await accounts.GetProjectRolesAsync(id, cancellationToken);
            return TypedResults.Ok(new MeResponse(account.Id, account.DisplayName, account.Email, account.IsAdmin,
                roles.Select(r => new MeRole(r.Key, r.Value.ToString().ToLowerInvariant())).ToList()));
        });

        return group;
    }

    internal sealed record MeResponse(long Id, string DisplayName, string Email, bool IsAdmin, IReadOnlyList<MeRole> Roles);

    internal sealed record MeRole(long ProjectId, string Role);
}
