namespace Monitor.Core.Planning;

/// <summary>Stored codes and Dutch labels of <see cref="ActivityStatus"/> and <see cref="TargetGroup"/>.</summary>
public static class PlanCodes
{
    public static string Label(this ActivityStatus status, string language) => (status, language == "en") switch
    {
        (ActivityStatus.Gepland, false) => "gepland",
        (ActivityStatus.Gepland, true) => "planned",
        (ActivityStatus.Bezig, false) => "bezig",
        (ActivityStatus.Bezig, true) => "in progress",
        (ActivityStatus.Gereed, false) => "gereed",
        (ActivityStatus.Gereed, true) => "done",
        (_, false) => "vervallen",
        (_, true) => "cancelled",
    };

    public static string Label(this TargetGroup group, string language) => (group, language == "en") switch
    {
        (TargetGroup.Professionals, _) => "professionals",
        (TargetGroup.Clienten, false) => "cliënten",
        (TargetGroup.Clienten, true) => "clients",
        (TargetGroup.Management, _) => "management",
        (TargetGroup.Afdelingen, false) => "afdelingen",
        (TargetGroup.Afdelingen, true) => "departments",
        (_, false) => "overig",
        (_, true) => "other",
    };
}
