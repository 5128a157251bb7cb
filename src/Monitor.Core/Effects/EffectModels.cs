namespace Monitor.Core.Effects;

/// <summary>Who a questionnaire is for (stored as professionals, clienten).</summary>
public enum TargetGroup
{
    Professionals,
    Clienten,
}

/// <summary>The answer format of an item: 5-point Likert, 5 smileys (the client card, Pharos advice), a grade 1–10, yes/no/don't know, open text.</summary>
public enum ItemKind
{
    Likert5,
    Smiley5,
    Cijfer10,
    JaNeeWeetNiet,
    Open,
}

/// <summary>Which measurement a round is, in the order they come (stored as voormeting, tussenmeting, nameting, followup).</summary>
public enum Measurement
{
    Voormeting,
    Tussenmeting,
    Nameting,
    Followup,
}

/// <summary>Trained (intervention) or untrained (control), from the link, the form or the colour of the paper card (stored as getraind, ongetraind).</summary>
public enum Condition
{
    Getraind,
    Ongetraind,
}

/// <summary>How a response came in (stored as web, papier, import).</summary>
public enum ResponseSource
{
    Web,
    Papier,
    Import,
}

public sealed record QuestionnaireItem(long Id, int Position, string Section, string Text, ItemKind Kind, bool ReverseScored)
{
    /// <summary>The lowest and highest answer of a numeric item (null for yes/no and open items).</summary>
    public (double Min, double Max)? Scale => Kind switch
    {
        ItemKind.Likert5 or ItemKind.Smiley5 => (1, 5),
        ItemKind.Cijfer10 => (1, 10),
        _ => null,
    };

    /// <summary>An answer as analysed: reverse-scored items turned around on their scale.</summary>
    public double? Scored(double? answer) => answer is { } value && ReverseScored && Scale is { } scale ? scale.Max + scale.Min - value : answer;
}

/// <summary>A questionnaire; version n + 1 is a copy of <paramref name="PreviousId"/> made with "Nieuwe versie" (rounds keep the version they were made with).</summary>
public sealed record Questionnaire(long Id, long ProjectId, string Title, TargetGroup TargetGroup, IReadOnlyList<QuestionnaireItem> Items, int Version = 1, long? PreviousId = null);

/// <summary>A questionnaire of another project that may be copied, with the name of its project.</summary>
public sealed record CopySource(long Id, string Title, long ProjectId, string ProjectName);

public sealed record ItemDraft(string Text, ItemKind Kind, bool ReverseScored = false, string Section = "");

public sealed record MeasurementRound(long Id, long QuestionnaireId, string Name, Measurement Measurement, DateOnly OpensOn, DateOnly ClosesOn, int? Intended,
    Statistics.Sidedness Sidedness, int Responses);

public sealed record RoundDraft(string Name, Measurement Measurement, DateOnly OpensOn, DateOnly ClosesOn, int? Intended, Statistics.Sidedness Sidedness);

/// <summary>What an anonymous round link opens: the questionnaire and the condition the link stands for.</summary>
public sealed record RoundLinkContext(long RoundId, string ProjectName, string RoundName, Condition Condition, Questionnaire Questionnaire, bool Open);

/// <summary>One stored response with its answers per item id (numeric value or text).</summary>
public sealed record SurveyResponse(long Id, Condition Condition, ResponseSource Source, IReadOnlyDictionary<long, double?> Values, IReadOnlyDictionary<long, string> Texts);
