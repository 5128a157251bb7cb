using Monitor.Core.Charts;

namespace Monitor.Core.Effects;

/// <summary>The charts of the effect measurement: diverging stacked bars of the answers per item and group.</summary>
public static class EffectCharts
{
    private static readonly string[] _mixed = ["1 (meest negatief)", "2", "3 (neutraal)", "4", "5 (meest positief)"];

    /// <summary>
    /// Per 5-point item of a round (Likert or smileys) that was compared, one row per group (trained, untrained) with the
    /// shares of its answers, reverse-scored items turned around (so left is always unfavourable) and marked; items the
    /// small-group rule suppressed are left out. The answers are named by the items' labels as on the form (the Likert
    /// default, the smileys' words or the item's own labels), or by number when the chart's items have different labels. Null when no item qualifies.
    /// </summary>
    public static LikertChartSpec? Answers(SurveyAnalysis analysis, string id, string title) => Answers([("", analysis)], id, title);

    /// <summary>As above for several rounds in one chart, each item's heading starting with its round's name.</summary>
    public static LikertChartSpec? Answers(IReadOnlyList<(string Round, SurveyAnalysis Analysis)> rounds, string id, string title)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var items = rounds.SelectMany(r => r.Analysis.Items.Where(i => i.Comparison is not null && i.Item.Kind is ItemKind.Likert5 or ItemKind.Smiley5).Select(i => (r.Round, Item: i))).ToList();
        if (items.Count == 0)
        {
            return null;
        }

        static IReadOnlyList<int> Counts(Statistics.Descriptives d) => [.. Enumerable.Range(1, 5).Select(v => d.Counts.GetValueOrDefault(v))];
        var rows = new List<LikertRow>();
        foreach (var (round, item) in items)
        {
            var heading = $"{(round.Length > 0 ? round + " · " : "")}{item.Item.Position}. {item.Item.Text}{(item.Item.ReverseScored ? " (omgescoord)" : "")}";
            rows.Add(new LikertRow(item.Comparison!.GroupA, heading, Counts(item.Comparison.A)));
            rows.Add(new LikertRow(item.Comparison.GroupB, heading, Counts(item.Comparison.B)));
        }

        return new LikertChartSpec
        {
            Id = id,
            Title = title,
            Description = "Per vraag en groep de verdeling van de antwoorden in procenten: negatieve antwoorden links van de nul, neutraal half links en half rechts, positieve rechts. " +
                "Omgescoorde vragen zijn omgedraaid, zodat links steeds ongunstig is.",
            Answers = items.Select(i => i.Item.Item.AnswerLabels).Distinct(LabelsComparer.Instance).ToList() is [var labels] ? labels : _mixed,
            Rows = rows,
        };
    }

    private sealed class LabelsComparer : IEqualityComparer<IReadOnlyList<string>>
    {
        public static LabelsComparer Instance { get; } = new();

        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) => x is null ? y is null : y is not null && x.SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(IReadOnlyList<string> obj) => string.Join('\u001f', obj).GetHashCode(StringComparison.Ordinal);
    }
}
