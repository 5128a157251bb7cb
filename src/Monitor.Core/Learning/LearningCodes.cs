namespace Monitor.Core.Learning;

/// <summary>Labels of the learning agenda's and the timeline's enums in Dutch ("nl") and English ("en").</summary>
public static class LearningCodes
{
    public static string Label(this LearningStatus status, string language) => (status, language == "en") switch
    {
        (LearningStatus.Open, _) => "open",
        (LearningStatus.InUitvoering, false) => "in uitvoering",
        (LearningStatus.InUitvoering, true) => "in progress",
        (LearningStatus.Opgelost, false) => "opgelost",
        (LearningStatus.Opgelost, true) => "resolved",
        (_, false) => "losgelaten",
        (_, true) => "let go",
    };

    public static string Label(this LearningItemKind kind, string language) => (kind, language == "en") switch
    {
        (LearningItemKind.Leervraag, false) => "leervraag",
        (LearningItemKind.Leervraag, true) => "learning question",
        (_, false) => "knelpunt",
        (_, true) => "bottleneck",
    };

    public static string Label(this LearningSourceKind kind, string language) => (kind, language == "en") switch
    {
        (LearningSourceKind.Bijeenkomst, false) => "bijeenkomst",
        (LearningSourceKind.Bijeenkomst, true) => "meeting",
        (LearningSourceKind.Reflectie, false) => "reflectie",
        (LearningSourceKind.Reflectie, true) => "reflection",
        (LearningSourceKind.Actiepunt, false) => "actiepunt",
        (LearningSourceKind.Actiepunt, true) => "action item",
        (_, false) => "bevinding",
        (_, true) => "finding",
    };

    public static string Label(this TimelineEventKind kind, string language) => (kind, language == "en") switch
    {
        (TimelineEventKind.Bijeenkomst, false) => "bijeenkomst",
        (TimelineEventKind.Bijeenkomst, true) => "meeting",
        (TimelineEventKind.Fasebesluit, false) => "fasebesluit",
        (TimelineEventKind.Fasebesluit, true) => "phase decision",
        (TimelineEventKind.Mijlpaal, false) => "mijlpaal",
        (TimelineEventKind.Mijlpaal, true) => "milestone",
        (TimelineEventKind.Hoogtepunt, false) => "hoogtepunt",
        (TimelineEventKind.Hoogtepunt, true) => "high point",
        (_, false) => "dieptepunt",
        (_, true) => "low point",
    };
}
