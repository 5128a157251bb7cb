namespace Monitor.Core.Effects;

/// <summary>A named set of the five answer labels of a 5-point item, lowest first.</summary>
public sealed record LabelSet(string Code, string Name, IReadOnlyList<string> Labels);

/// <summary>
/// The built-in answer labels of 5-point items that the questionnaire editor offers (agreement is the default of a Likert
/// item), and the default words of the 5 smileys. An item may carry its own five labels instead.
/// </summary>
public static class LabelSets
{
    public const int LabelCount = 5;
    public const int LabelMaxLength = 100;

    public static LabelSet Agreement { get; } = new("eens", "helemaal oneens … helemaal eens", ["helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens"]);

    public static IReadOnlyList<LabelSet> All { get; } =
    [
        Agreement,
        new("frequentie", "nooit … altijd", ["nooit", "zelden", "soms", "vaak", "altijd"]),
        new("kwaliteit", "zeer slecht … zeer goed", ["zeer slecht", "slecht", "niet slecht, niet goed", "goed", "zeer goed"]),
        new("tevredenheid", "zeer ontevreden … zeer tevreden", ["zeer ontevreden", "ontevreden", "neutraal", "tevreden", "zeer tevreden"]),
        new("belang", "helemaal niet belangrijk … heel belangrijk", ["helemaal niet belangrijk", "niet belangrijk", "neutraal", "belangrijk", "heel belangrijk"]),
    ];

    /// <summary>What the 5 smileys stand for (the chart legend and the report name them so).</summary>
    public static IReadOnlyList<string> Smileys { get; } = ["heel negatief", "negatief", "neutraal", "positief", "heel positief"];

    /// <summary>The built-in set with this code (case ignored), or null.</summary>
    public static LabelSet? Find(string? code) => All.FirstOrDefault(s => string.Equals(s.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
