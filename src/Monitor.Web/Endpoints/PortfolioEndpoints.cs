using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Portfolio;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>/api/v1/portfolio: the management dashboard's rows for the projects the caller may see.</summary>
internal static class PortfolioEndpoints
{
    public static RouteGroupBuilder MapPortfolioEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/portfolio").WithTags("Portfolio");

        // ?peildatum=yyyy-MM-dd: the projects as they stood on that date (default today)
        group.MapGet("/", async Task<Results<Ok<IReadOnlyList<PortfolioRow>>, ValidationProblem>> (string? peildatum, HttpContext http, PortfolioService portfolio, AccountStore accounts, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var input = new FieldParser();
            var on = input.Date(peildatum, "peildatum", "de peildatum");
            if (input.HasErrors)
            {
                return input.Problem();
            }

            return TypedResults.Ok(await portfolio.ListAsync(await VisibleProjectsAsync(http.User, accounts, cancellationToken), on ?? DutchClock.Today(time), cancellationToken));
        });

        return group;
    }

    /// <summary>
    /// Null (all projects) for a beheerder, otherwise the projects in which the user's role may see reports and
    /// dashboards (<see cref="Capability.ViewReports"/>: not deelnemer).
    /// </summary>
    internal static async Task<IReadOnlyCollection<long>?> VisibleProjectsAsync(ClaimsPrincipal user, AccountStore accounts, CancellationToken cancellationToken)
    {
        if (user.IsAdmin())
        {
            return null;
        }

        return user.UserId() is { } id
            ? (await accounts.GetProjectRolesAsync(id, cancellationToken)).Where(r => ProjectAccess.Allows(r.Value, Capability.ViewReports)).Select(r => r.Key).ToList()
            : [];
    }
}
