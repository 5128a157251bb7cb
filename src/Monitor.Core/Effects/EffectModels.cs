namespace Monitor.Core.Effects;

/// <summary>Who a questionnaire is for (stored as professionals, clienten).</summary>
public enum TargetGroup
{
    Professionals,
    Clienten,
}

/// <summary>
/// The answer format of an item: 5-point Likert, 5 smileys (the client card, Pharos advice), a grade 1–10, yes/no/don't
/// know, open text, a number (optional bounds), one option of several (stored as its position 1..k) or several options
/// (stored as one answer whose text holds the ticked positions, "1;3").
/// </summary>
public enum ItemKind
{
    Likert5,
    Smiley5,
    Cijfer10,
    JaNeeWeetNiet,
    Open,
    Getal,
    EnkeleKeuze,
    MeerdereKeuzes,
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
    /// <summary>The options of a choice item, in order (an answer is an option's position, 1-based); empty for other kinds.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>The item's own answer labels of a 5-point item, lowest first; empty: the kind's default (<see cref="AnswerLabels"/>).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The lowest number a number item accepts (null: no bound).</summary>
    public double? Minimum { get; init; }

    /// <summary>The highest number a number item accepts (null: no bound).</summary>
    public double? Maximum { get; init; }

    /// <summary>The lowest and highest answer of an item on a fixed integer scale (null for other kinds, numbers included).</summary>
    public (double Min, double Max)? Scale => Kind switch
    {
        ItemKind.Likert5 or ItemKind.Smiley5 => (1, 5),
        ItemKind.Cijfer10 => (1, 10),
        _ => null,
    };

    /// <summary>Whether the answers are numbers analysed by mean, SD, median and t-tests: scale items and number items.</summary>
    public bool IsNumeric => Scale is not null || Kind == ItemKind.Getal;

    /// <summary>Whether the answers are options of <see cref="Options"/>: counted per option, never averaged.</summary>
    public bool IsChoice => Kind is ItemKind.EnkeleKeuze or ItemKind.MeerdereKeuzes;

    /// <summary>The bounds for floor and ceiling warnings: the scale, or a number item's bounds (infinite where none is set).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public (double Min, double Max) Bounds => Scale ?? (Minimum ?? double.NegativeInfinity, Maximum ?? double.PositiveInfinity);

    /// <summary>The labels of the answers 1–5 of a 5-point item as the respondent sees them: its own, or the kind's default; empty for other kinds.</summary>
    public IReadOnlyList<string> AnswerLabels => Labels.Count > 0 ? Labels : Kind switch
    {
        ItemKind.Likert5 => LabelSets.Agreement.Labels,
        ItemKind.Smiley5 => LabelSets.Smileys,
        _ => [],
    };

    /// <summary>An answer as analysed: reverse-scored items turned around on their scale.</summary>
    public double? Scored(double? answer) => answer is { } value && ReverseScored && Scale is { } scale ? scale.Max + scale.Min - value : answer;
}

/// <summary>A questionnaire; version n + 1 is a copy of <paramref name="PreviousId"/> made with "Nieuwe versie" (rounds keep the version they were made with).</summary>
public sealed record Questionnaire(long Id, long ProjectId, string Title, TargetGroup TargetGroup, IReadOnlyList<QuestionnaireItem> Items, int Version = 1, long? PreviousId = null);

/// <summary>A questionnaire of another project that may be copied, with the name of its project.</summary>
public sealed record CopySource(long Id, string Title, long ProjectId, string ProjectName);

public sealed record ItemDraft(string Text, ItemKind Kind, bool ReverseScored = false, string Section = "")
{
    /// <summary>The options of a choice item (2–20, each at most 200 characters).</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Own answer labels of a 5-point item (exactly 5, lowest first); empty: the kind's default.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    /// <summary>The draft of an existing item, for a copy or a new version: options, labels and bounds included.</summary>
    public static ItemDraft From(QuestionnaireItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ItemDraft(item.Text, item.Kind, item.ReverseScored, item.Section) { Options = item.Options, Labels = item.Labels, Minimum = item.Minimum, Maximum = item.Maximum };
    }
}

public sealed record MeasurementRound(long Id, long QuestionnaireId, string Name, Measurement Measurement, DateOnly OpensOn, DateOnly ClosesOn, int? Intended,
    Statistics.Sidedness Sidedness, int Responses);

public sealed record RoundDraft(string Name, Measurement Measurement, DateOnly OpensOn, DateOnly ClosesOn, int? Intended, Statistics.Sidedness Sidedness);

/// <summary>What an anonymous round link opens: the questionnaire and the condition the link stands for.</summary>
public sealed record RoundLinkContext(long RoundId, string ProjectName, string RoundName, Condition Condition, Questionnaire Questionnaire, bool Open);

/// <summary>One stored response with its answers per item id (numeric value or text).</summary>
public sealed record SurveyResponse(long Id, Condition Condition, ResponseSource Source, IReadOnlyDictionary<long, double?> Values, IReadOnlyDictionary<long, string> Texts);
