namespace Monitor.Core.Participation;

/// <summary>
/// A rung of the participation ladder used in Dutch social policy, from being told to deciding along (stored as
/// informeren, raadplegen, adviseren, coproduceren, meebeslissen). The order is the ladder's.
/// </summary>
public enum ParticipationLevel
{
    Informeren,
    Raadplegen,
    Adviseren,
    Coproduceren,
    Meebeslissen,
}

/// <summary>Labels of <see cref="ParticipationLevel"/> in Dutch ("nl") and English ("en").</summary>
public static class ParticipationLevels
{
    public static string Label(this ParticipationLevel level, string language) => (level, language == "en") switch
    {
        (ParticipationLevel.Informeren, false) => "informeren",
        (ParticipationLevel.Informeren, true) => "informing",
        (ParticipationLevel.Raadplegen, false) => "raadplegen",
        (ParticipationLevel.Raadplegen, true) => "consulting",
        (ParticipationLevel.Adviseren, false) => "adviseren",
        (ParticipationLevel.Adviseren, true) => "advising",
        (ParticipationLevel.Coproduceren, false) => "coproduceren",
        (ParticipationLevel.Coproduceren, true) => "co-producing",
        (_, false) => "meebeslissen",
        (_, true) => "co-deciding",
    };
}
