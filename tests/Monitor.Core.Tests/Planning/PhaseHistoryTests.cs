using Monitor.Core.Planning;

namespace Monitor.Core.Tests.Planning;

public sealed class PhaseHistoryTests
{
    private static readonly DateOnly _start = new(2020, 9, 1);

    [Test]
    public void ThePhaseOnADateIsTheOneTheLatestDecisionByThenEnteredAndBeforeTheFirstTheOneItLeft()
    {
        var history = PhaseHistory.From(_start, 4, [(new DateOnly(2022, 3, 1), 3, 4), (new DateOnly(2021, 9, 1), 0, 1), (new DateOnly(2021, 11, 1), 1, 3)]);

        Assert.That(history.At(new DateOnly(2021, 6, 15)), Is.EqualTo(0), "before the first decision: the phase it left");
        Assert.That(history.At(new DateOnly(2021, 9, 1)), Is.EqualTo(1), "from the day of a decision on");
        Assert.That(history.At(new DateOnly(2022, 2, 28)), Is.EqualTo(3));
        Assert.That(history.At(new DateOnly(2026, 1, 1)), Is.EqualTo(4));
        Assert.That(history.At(new DateOnly(2020, 8, 31)), Is.Null, "before the project's start nothing is recorded: fase onbekend");
    }

    [Test]
    public void WithoutDecisionsTheProjectHasBeenInItsCurrentPhaseSinceItsStart()
    {
        var history = PhaseHistory.From(_start, 2, []);

        Assert.That(history.At(_start), Is.EqualTo(2));
        Assert.That(history.At(new DateOnly(2030, 1, 1)), Is.EqualTo(2));
    }

    [Test]
    public void AnActivityAsOfADateHasTheStatusItHadThen()
    {
        var done = new PlanActivityDraft { Phase = 0, Title = "Testen", Status = ActivityStatus.Gereed, StartedOn = new DateOnly(2020, 9, 14), CompletedOn = new DateOnly(2021, 1, 29) };

        Assert.That(done.AsOf(new DateOnly(2021, 1, 29)).Status, Is.EqualTo(ActivityStatus.Gereed));
        Assert.That(done.AsOf(new DateOnly(2020, 12, 31)), Is.EqualTo(done with { Status = ActivityStatus.Bezig, CompletedOn = null }));
        Assert.That(done.AsOf(new DateOnly(2020, 9, 1)), Is.EqualTo(done with { Status = ActivityStatus.Gepland, StartedOn = null, CompletedOn = null }));
        var cancelled = done with { Status = ActivityStatus.Vervallen, CompletedOn = null };
        Assert.That(cancelled.AsOf(new DateOnly(2020, 9, 1)), Is.EqualTo(cancelled));
    }
}
