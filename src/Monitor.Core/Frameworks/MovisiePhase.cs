namespace Monitor.Core.Frameworks;

/// <summary>A Movisie implementation phase (0 ontwikkelen … 5 blijven doen) with the developer's recommended activities.</summary>
public sealed record MovisiePhase
{
    public required int Number { get; init; }
    public required string NameNl { get; init; }
    public required string NameEn { get; init; }
    public required string DescriptionNl { get; init; }
    public required string GrolStageEn { get; init; }
    public required string MovisieGrouping { get; init; }
    public required IReadOnlyList<MovisieActivity> RecommendedActivities { get; init; }

    /// <summary>The name in the UI language: English for "en", Dutch otherwise.</summary>
    public string Name(string language) => language == "en" ? NameEn : NameNl;
}
