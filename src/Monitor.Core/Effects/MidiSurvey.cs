namespace Monitor.Core.Effects;

/// <summary>
/// The MIDI survey rule (domain.md §1.4, unverified in the primary source and therefore configurable): a determinant
/// counts as a barrier when at least <see cref="MidiThresholds.Barrier"/> of the respondents answer negatively (1 or 2 on
/// the 5-point scale, after reverse scoring) and as a facilitator when at least <see cref="MidiThresholds.Facilitator"/>
/// answer positively (4 or 5).
/// </summary>
public static class MidiSurvey
{
    public static MidiVerdict Classify(IReadOnlyList<int?> answers, bool reverseScored, MidiThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(thresholds);
        var given = answers.Where(a => a is >= 1 and <= 5).Select(a => reverseScored ? 6 - a!.Value : a!.Value).ToList();
        if (given.Count == 0)
        {
            return new MidiVerdict(0, 0, 0, MidiOutcome.GeenAntwoorden);
        }

        var negative = (double)given.Count(a => a <= 2) / given.Count;
        var positive = (double)given.Count(a => a >= 4) / given.Count;
        var outcome = negative >= thresholds.Barrier ? MidiOutcome.Belemmerend
            : positive >= thresholds.Facilitator ? MidiOutcome.Bevorderend
            : MidiOutcome.Neutraal;
        return new MidiVerdict(given.Count, negative, positive, outcome);
    }
}

/// <summary>The shares that make a determinant a barrier or a facilitator (defaults 20 % and 80 %).</summary>
public sealed record MidiThresholds(double Barrier = 0.2, double Facilitator = 0.8);

/// <summary>How many answered, the shares negative and positive (after reverse scoring), and the verdict.</summary>
public sealed record MidiVerdict(int N, double NegativeShare, double PositiveShare, MidiOutcome Outcome);

public enum MidiOutcome
{
    GeenAntwoorden,
    Belemmerend,
    Neutraal,
    Bevorderend,
}
