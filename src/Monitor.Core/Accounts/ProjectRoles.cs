namespace Monitor.Core.Accounts;

/// <summary>Stored codes and labels of <see cref="ProjectRole"/>.</summary>
public static class ProjectRoles
{
    public static string ToCode(this ProjectRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? code, out ProjectRole role)
    {
        foreach (var candidate in Enum.GetValues<ProjectRole>())
        {
            if (string.Equals(candidate.ToCode(), code, StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    public static ProjectRole Parse(string code) =>
        TryParse(code, out var role) ? role : throw new FormatException($"Unknown project role '{code}'.");

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
