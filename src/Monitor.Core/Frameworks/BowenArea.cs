namespace Monitor.Core.Frameworks;

/// <summary>A feasibility area of focus from Bowen et al. (2009).</summary>
public sealed record BowenArea
{
    public required int Number { get; init; }
    public required string NameEn { get; init; }
    public required string NameNl { get; init; }
    public required string KeyQuestionEn { get; init; }
    public required string KeyQuestionNl { get; init; }
    public required string OutcomesEn { get; init; }

    /// <summary>One of the four areas seed 000 used; the default set for a new project.</summary>
    public required bool IsDefault { get; init; }

    public string Name(string language) => language == "en" ? NameEn : NameNl;

    public string KeyQuestion(string language) => language == "en" ? KeyQuestionEn : KeyQuestionNl;
}
