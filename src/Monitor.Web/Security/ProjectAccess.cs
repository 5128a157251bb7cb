using Monitor.Core.Accounts;

namespace Monitor.Web.Security;

/// <summary>The one table of which project role may do what; a beheerder may do everything.</summary>
public static class ProjectAccess
{
    public static bool Allows(ProjectRole role, Capability capability) => capability switch
    {
        Capability.ViewProject => true,
        Capability.ViewMeetingDetails => role is ProjectRole.Projectleider or ProjectRole.Onderzoeker or ProjectRole.Deelnemer,
        Capability.ManageProject => role is ProjectRole.Projectleider,
        Capability.CodeData => role is ProjectRole.Onderzoeker,
        Capability.ViewReports => role is ProjectRole.Projectleider or ProjectRole.Onderzoeker or ProjectRole.Management,
        Capability.ManageFindings => role is ProjectRole.Projectleider or ProjectRole.Onderzoeker,
        Capability.ViewAudit => role is ProjectRole.Projectleider,
        Capability.ManagePrivacy => role is ProjectRole.Projectleider,
        _ => false,
    };

    public static string PolicyName(Capability capability) => $"project:{capability}";

    /// <summary>Which projects the user may do <paramref name="capability"/> in (all for a beheerder), for choices across projects such as copying a questionnaire.</summary>
    public static async Task<Func<long, bool>> ProjectsAllowingAsync(System.Security.Claims.ClaimsPrincipal user, AccountStore accounts, Capability capability, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (user.IsAdmin())
        {
            return _ => true;
        }

        var roles = user.UserId() is { } userId ? await accounts.GetProjectRolesAsync(userId, cancellationToken) : new Dictionary<long, ProjectRole>();
        return projectId => roles.TryGetValue(projectId, out var role) && Allows(role, capability);
    }
}
