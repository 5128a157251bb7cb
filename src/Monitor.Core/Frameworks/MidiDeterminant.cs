namespace Monitor.Core.Frameworks;

/// <summary>One of the 29 MIDI determinants (Fleuren et al. 2014).</summary>
public sealed record MidiDeterminant
{
    public required int Number { get; init; }
    public required string GroupCode { get; init; }
    public required string NameNl { get; init; }
    public required string NameEn { get; init; }
    public required string GuidingQuestionNl { get; init; }

    /// <summary>likert5, percentage or yes_no_unknown.</summary>
    public required string AnswerScale { get; init; }

    /// <summary>Negatively phrased item (complexity, unrest): reverse-score before applying thresholds.</summary>
    public required bool ReverseScored { get; init; }

    /// <summary>True where the Dutch name is confirmed by a source (domain.md §1.3: determinants 1 and 2 only).</summary>
    public required bool NameVerified { get; init; }

    /// <summary>True where the guiding question's wording is checked against the MIDI manual (none yet: all paraphrases).</summary>
    public required bool QuestionVerified { get; init; }

    public string Name(string language) => language == "en" ? NameEn : NameNl;
}
