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
}
