namespace Monitor.Core.Accounts;

/// <summary>Stored codes and labels of <see cref="ProjectRole"/>.</summary>
public static class ProjectRoles
{
    public static string Label(this ProjectRole role, string language) => (role, language == "en") switch
    {
        (ProjectRole.Projectleider, false) => "Projectleider",
        (ProjectRole.Projectleider, true) => "Project leader",
        (ProjectRole.Onderzoeker, false) => "Onderzoeker",
        (ProjectRole.Onderzoeker, true) => "Researcher",
        (ProjectRole.Management, _) => "Management",
        (_, false) => "Deelnemer",
        (_, true) => "Participant",
    };
}
