using Monitor.Core.Effects;
using Monitor.Core.Effects.Statistics;

namespace Monitor.Core.Tests.Effects;

public sealed class ItemComparisonTests
{
    [Test]
    [Description("issue #18: an item compared between trained and untrained professionals, with the tests, the effect size and a sentence in words")]
    public void ComparesTwoGroupsAndSaysItInWords()
    {
        double?[] trained = [4, 5, 4, 4, 3, 5, 4, 4, 5, 4, 3, 4];
        double?[] untrained = [3, 3, 4, 2, 3, 3, 4, 3, 2, 3, 3, null];

        var result = ItemComparison.Compare("Ik bespreek keuzemogelijkheden", "Getraind", trained, "Niet getraind", untrained, 1, 5, Sidedness.Groter);

        Assert.That((result.A.N, result.B.N, result.B.Missing), Is.EqualTo((12, 11, 1)));
        Assert.That(result.Welch!.P, Is.LessThan(0.001));
        Assert.That(result.MannWhitney!.Exact, Is.False, "Likert answers tie");
        // (49/12 - 33/11) / sqrt((4.9167 + 4) / 21) = 1.0833 / 0.6516
        Assert.That(result.Effect!.D, Is.EqualTo(1.663).Within(0.0005));
        Assert.That(result.Summary, Does.StartWith("Getraind scoort gemiddeld 1,1 hoger dan Niet getraind (4,1 tegen 3,0); het verschil is statistisch significant"));
        Assert.That(result.Summary, Does.Contain("(p < 0,001, eenzijdig getoetst)").And.EndWith("de effectgrootte is groot (d = 1,66)."));
        Assert.That(result.Warnings, Has.Some.StartsWith("Plafondeffect bij Getraind: 25 %"));
    }

    [Test]
    [Description("issue #18: small groups and equal answers are flagged in words rather than tested silently")]
    public void SmallOrUniformGroupsAreFlagged()
    {
        var small = ItemComparison.Compare("Item", "A", [4, 5, 4], "B", [3, 4, 2, 3], 1, 5, Sidedness.Tweezijdig);
        var uniform = ItemComparison.Compare("Item", "A", [3, 3, 3], "B", [3, 3], 1, 5, Sidedness.Tweezijdig);
        var empty = ItemComparison.Compare("Item", "A", [4], "B", [], 1, 5, Sidedness.Tweezijdig);

        Assert.That(small.Warnings, Has.Some.StartsWith("Kleine groepen"));
        Assert.That(uniform.Welch, Is.Null);
        Assert.That(uniform.Summary, Does.StartWith("Niet te vergelijken"));
        Assert.That(empty.Warnings, Has.Some.StartsWith("Te weinig antwoorden om te toetsen (A: 1, B: 0)"));
    }

    [Test]
    [Description("issue #18: a determinant is a barrier from 20 % negative (after reverse scoring) and a facilitator from 80 % positive; thresholds configurable")]
    public void TheMidiRuleClassifiesWithConfigurableThresholds()
    {
        int?[] answers = [4, 5, 4, 4, 2, 5, 4, 4, 5, 4];
        var defaults = new MidiThresholds();

        Assert.That(MidiSurvey.Classify(answers, reverseScored: false, defaults).Outcome, Is.EqualTo(MidiOutcome.Bevorderend), "90 % positive, 10 % negative");
        Assert.That(MidiSurvey.Classify(answers, reverseScored: true, defaults).Outcome, Is.EqualTo(MidiOutcome.Belemmerend), "reverse scored: 90 % negative");
        Assert.That(MidiSurvey.Classify([4, 5, 2, 2, 4, 4, 4, 4, 4, 4], false, defaults).Outcome, Is.EqualTo(MidiOutcome.Belemmerend), "exactly 20 % negative");
        Assert.That(MidiSurvey.Classify([4, 3, 3, 4, 4, 4, 4, 4, 4, 5], false, defaults).Outcome, Is.EqualTo(MidiOutcome.Bevorderend), "exactly 80 % positive");
        Assert.That(MidiSurvey.Classify([4, 3, 3, 4, 4, 4, 4, 4, 4, 5], false, new MidiThresholds(Facilitator: 0.9)).Outcome, Is.EqualTo(MidiOutcome.Neutraal));
        Assert.That(MidiSurvey.Classify([null, null], false, defaults).Outcome, Is.EqualTo(MidiOutcome.GeenAntwoorden));
    }
}
