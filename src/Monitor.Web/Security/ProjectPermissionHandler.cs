using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Monitor.Core.Storage;

namespace Monitor.Web.Security;

/// <summary>
/// Checks the user's role in the project of the request (route value "id") against the permission.
/// Roles are read from the database on each request, so a changed role counts at once.
/// </summary>
internal sealed class ProjectPermissionHandler : AuthorizationHandler<ProjectPermissionRequirement>
{
    private readonly AccountStore _accounts;

    public ProjectPermissionHandler(AccountStore accounts) => _accounts = accounts;

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

        if (await _accounts.FindProjectRoleAsync(userId, projectId, http.RequestAborted) is { } role && ProjectAccess.Allows(role, requirement.Capability))
        {
            context.Succeed(requirement);
        }
    }
}
