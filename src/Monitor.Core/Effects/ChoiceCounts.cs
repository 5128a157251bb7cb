namespace Monitor.Core.Effects;

/// <summary>One option of a choice item in one group: how many chose (ticked) it and their share of the group's respondents.</summary>
public sealed record OptionCount(int Position, string Option, int Count, double? Share);

/// <summary>
/// A choice item's answers in one group: <see cref="Respondents"/> answered the item (ticked at least one option of a
/// multiple-choice item) and per option the count and share of them. Single choice: the shares add up to 100 %; multiple
/// choice: each share is the % of respondents ticking that option, so they may add up to more.
/// </summary>
public sealed record ChoiceCounts(string Group, int Respondents, int Missing, IReadOnlyList<OptionCount> Options)
{
    /// <param name="item">The choice item with its options.</param>
    /// <param name="group">The group's name ("Getraind").</param>
    /// <param name="answers">Per respondent of the group the stored answer: the position (single choice) or the ticked positions as text "1;3" (multiple choice); nulls are missing.</param>
    public static ChoiceCounts Of(QuestionnaireItem item, string group, IReadOnlyList<(double? Value, string? Text)> answers)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(answers);
        var chosen = answers.Select(a => item.Kind == ItemKind.MeerdereKeuzes
                ? SurveyRoundStore.Ticked(a.Text)
                : a.Value is { } v ? new HashSet<int> { (int)v } : (IReadOnlySet<int>)new HashSet<int>())
            .Where(set => set.Count > 0).ToList();
        var options = item.Options.Select((option, i) =>
        {
            var count = chosen.Count(set => set.Contains(i + 1));
            return new OptionCount(i + 1, option, count, chosen.Count > 0 ? (double)count / chosen.Count : null);
        }).ToList();
        return new ChoiceCounts(group, chosen.Count, answers.Count - chosen.Count, options);
    }
}

/// <summary>A choice item compared as counts and percentages per group (trained, untrained); no mean and no test.</summary>
public sealed record ChoiceComparison(ChoiceCounts A, ChoiceCounts B);
