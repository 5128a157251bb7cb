namespace Monitor.Core.Projects;

/// <summary>Maps <see cref="GroupKind"/> to its stored code and its Dutch/English label.</summary>
public static class GroupKinds
{
    public static string Label(this GroupKind kind, string language) => (kind, language == "en") switch
    {
        (GroupKind.Ontwikkelgroep, false) => "Ontwikkelgroep",
        (GroupKind.Ontwikkelgroep, true) => "Development group",
        (GroupKind.Ontwikkelteam, false) => "Ontwikkelteam",
        (GroupKind.Ontwikkelteam, true) => "Development team",
        (GroupKind.Veranderteam, false) => "Veranderteam",
        (GroupKind.Veranderteam, true) => "Change team",
        (GroupKind.Kernteam, false) => "Kernteam",
        (GroupKind.Kernteam, true) => "Core team",
        (GroupKind.Leernetwerk, false) => "Leernetwerk",
        (GroupKind.Leernetwerk, true) => "Learning network",
        (GroupKind.Stuurgroep, false) => "Stuurgroep",
        (GroupKind.Stuurgroep, true) => "Steering group",
        (_, false) => "Overig",
        (_, true) => "Other",
    };
}
