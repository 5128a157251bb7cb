using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Monitor.Core.Accounts;
using Monitor.Core.Networks;

namespace Monitor.Web.Security;

/// <summary>
/// Checks the user's role in the project of the request (route value "id") against the capability.
/// Roles are read from the database on each request, so a changed role counts at once. A guest from another organisation
/// (no project role) counts as deelnemer only on the routes of their own group: its page, its meetings and their API.
/// </summary>
internal sealed class ProjectPermissionHandler : AuthorizationHandler<ProjectPermissionRequirement>
{
    private readonly AccountStore _accounts;
    private readonly GroupGuestStore _guests;

    public ProjectPermissionHandler(AccountStore accounts, GroupGuestStore guests)
    {
        _accounts = accounts;
        _guests = guests;
    }

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProjectPermissionRequirement requirement)
    {
        if (context.User.UserId() is not { } userId)
        {
            return;
        }

        if (context.User.IsAdmin())
        {
            context.Succeed(requirement);
            return;
        }

        var http = context.Resource as HttpContext;
        if (http?.GetRouteValue("id") is not { } raw || !long.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var projectId))
        {
            return;
        }

        // A page may check several capabilities; the role is read once per request and project.
        var key = $"monitor:role:{projectId}";
        if (!http.Items.TryGetValue(key, out var cached))
        {
            cached = await _accounts.FindProjectRoleAsync(userId, projectId, http.RequestAborted);
            if (cached is null && await _guests.HasAccessAsync(userId, projectId, RouteId(http, "groupId"), RouteId(http, "meetingId"), http.RequestAborted))
            {
                cached = ProjectRole.Deelnemer;
                http.Items[GroupGuestAccess.ItemKey] = true;
            }

            http.Items[key] = cached;
        }

        if (cached is ProjectRole role && ProjectAccess.Allows(role, requirement.Capability))
        {
            context.Succeed(requirement);
        }
    }

    private static long? RouteId(HttpContext http, string name) =>
        http.GetRouteValue(name) is { } raw && long.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
