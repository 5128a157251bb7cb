using Monitor.Core.Learning;

namespace Monitor.Core.Tests.Learning;

public sealed class LearningSuggesterTests
{
    private static LessAnswer Answer(long reflection, long meeting, string text, params int[] determinants) => new()
    {
        ReflectionId = reflection,
        MeetingId = meeting,
        HeldOn = new DateOnly(2026, 1, 1).AddDays((int)meeting * 14),
        GroupId = 1,
        Text = text,
        Determinants = determinants,
    };

    [Test]
    public void SuggestsADeterminantCodedInAnswersOfTwoMeetings()
    {
        var suggestions = LearningSuggester.Suggest([Answer(1, 1, "Planning liep uit", 12), Answer(2, 2, "Geen tijd gehad", 12), Answer(3, 2, "Rommelig", 5)]);

        Assert.That(suggestions.Select(s => (s.Key, s.Determinant)), Is.EqualTo(new[] { ("midi-12", (int?)12) }));
        Assert.That(suggestions[0].ReflectionIds, Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(suggestions[0].MeetingIds, Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public void DoesNotSuggestADeterminantOfOneMeetingOnly()
    {
        Assert.That(LearningSuggester.Suggest([Answer(1, 1, "a", 12), Answer(2, 1, "b", 12)]), Is.Empty);
    }

    [Test]
    public void SuggestsAWordSharedByAnswersOfThreeMeetingsIgnoringAccentsAndCase()
    {
        var suggestions = LearningSuggester.Suggest([
            Answer(1, 1, "De Cliënten kwamen niet"),
            Answer(2, 2, "Weinig clienten bereikt"),
            Answer(3, 3, "cliënten haakten af"),
            Answer(4, 4, "Goed gesprek"),
        ]);

        Assert.That(suggestions.Select(s => s.Word), Is.EqualTo(new[] { "clienten" }));
        Assert.That(suggestions[0].ReflectionIds, Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public void LeavesOutAnswersAnEntryLinksAlready()
    {
        var answers = new[] { Answer(1, 1, "x", 12), Answer(2, 2, "y", 12) with { AlreadyLinked = true } };

        Assert.That(LearningSuggester.Suggest(answers), Is.Empty);
    }

    [Test]
    public void GivesTheSameListWhateverTheOrderOfTheAnswers()
    {
        var answers = new[]
        {
            Answer(1, 1, "voorbereiding ontbrak", 3), Answer(2, 2, "voorbereiding matig", 3, 7), Answer(3, 3, "voorbereiding", 7),
            Answer(4, 4, "rooster", 7),
        };

        var forward = LearningSuggester.Suggest(answers);
        var backward = LearningSuggester.Suggest(answers.Reverse());

        Assert.That(backward, Is.EqualTo(forward).Using<LearningSuggestion>((a, b) => a.Key == b.Key && a.ReflectionIds.SequenceEqual(b.ReflectionIds)));
        Assert.That(forward.Select(s => s.Key), Is.EqualTo(new[] { "midi-7", "woord-voorbereiding", "midi-3" }));
    }

    [TestCase("Te weinig tijd voor de voorbereiding", new[] { "voorbereiding" })]
    [TestCase("Hebben we minder gewerkt? Misschien.", new string[0])]
    [TestCase("Overleg, overleg en OVERLEG", new[] { "overleg" })]
    [TestCase("", new string[0])]
    public void ReadsTheSignificantWords(string text, string[] expected)
    {
        Assert.That(LearningSuggester.SignificantWords(text), Is.EqualTo(expected));
    }
}
