using Monitor.Core.Planning;

namespace Monitor.Core.Tests.Planning;

public sealed class PlanScoringTests
{
    private static readonly DateOnly _today = new(2021, 6, 15);

    private static PlanActivity Activity(int phase, ActivityStatus status, string? month = null, string? started = null, string? completed = null) => new()
    {
        Id = 1,
        ProjectId = 1,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        Fields = new PlanActivityDraft
        {
            Phase = phase,
            Title = "x",
            Status = status,
            PlannedMonth = month is null ? null : YearMonth.Parse(month),
            StartedOn = started is null ? null : DateOnly.Parse(started, System.Globalization.CultureInfo.InvariantCulture),
            CompletedOn = completed is null ? null : DateOnly.Parse(completed, System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    private static ImplementationPlan Plan(int current, params PlanActivity[] activities) => new(1, current, [], activities, []);

    [Test]
    public void CountsDoneActivitiesAndLeavesCancelledOnesOut()
    {
        var scores = PlanScoring.Score(Plan(1,
            Activity(1, ActivityStatus.Gereed, "2021-03", "2021-03-01", "2021-03-20"),
            Activity(1, ActivityStatus.Bezig, "2021-09", "2021-04-01"),
            Activity(1, ActivityStatus.Vervallen, "2021-02"),
            Activity(1, ActivityStatus.Gereed, "2021-05", "2021-05-03", "2021-05-31")), _today);

        var phase1 = scores[1];
        Assert.That((phase1.Activities, phase1.Done, phase1.Cancelled), Is.EqualTo((3, 2, 1)));
        Assert.That(phase1.Completion, Is.EqualTo(2.0 / 3).Within(1e-9));
        Assert.That(phase1.IsComplete, Is.False);
        Assert.That(phase1.FirstStart, Is.EqualTo(new DateOnly(2021, 3, 1)));
        Assert.That(phase1.DurationDays, Is.EqualTo(106), "1 March to today (15 June), the phase is still open");
        Assert.That(phase1.IsCurrent, Is.True);
    }

    [Test]
    public void CountsOverdueOnlyForPassedMonthsOfOpenActivities()
    {
        var scores = PlanScoring.Score(Plan(1,
            Activity(2, ActivityStatus.Gepland, "2021-05"),
            Activity(2, ActivityStatus.Bezig, "2021-01", "2021-01-10"),
            Activity(2, ActivityStatus.Gepland, "2021-06"),
            Activity(2, ActivityStatus.Gereed, "2021-02", "2021-02-01", "2021-04-01"),
            Activity(2, ActivityStatus.Vervallen, "2020-12"),
            Activity(2, ActivityStatus.Gepland)), _today);

        Assert.That(scores[2].Overdue, Is.EqualTo(2), "May and January have passed; June is this month; done, cancelled and unplanned do not count");
    }

    [Test]
    public void AnEmptyPhaseHasNoCompletionAndNoDuration()
    {
        var scores = PlanScoring.Score(Plan(0), _today);

        Assert.That(scores, Has.Count.EqualTo(6));
        Assert.That(scores.Select(s => s.Completion), Has.All.Null);
        Assert.That(scores.Select(s => s.DurationDays), Has.All.Null);
        Assert.That(scores.Select(s => s.IsComplete), Has.All.False);
    }

    [Test]
    public void ACompletePhaseEndsAtItsLastCompletionAndSuggestsTheNextPhase()
    {
        var scores = PlanScoring.Score(Plan(3,
            Activity(3, ActivityStatus.Gereed, "2021-02", "2021-01-04", "2021-02-26"),
            Activity(3, ActivityStatus.Gereed, "2021-03", "2021-02-01", "2021-03-31"),
            Activity(3, ActivityStatus.Vervallen)), _today);

        Assert.That(scores[3].IsComplete, Is.True);
        Assert.That(scores[3].Completed, Is.EqualTo(new DateOnly(2021, 3, 31)));
        Assert.That(scores[3].DurationDays, Is.EqualTo(86));
        Assert.That(PlanScoring.SuggestNextPhase(scores), Is.EqualTo(4));
    }

    [Test]
    public void SuggestsNothingForAnIncompleteOrLastPhase()
    {
        var open = PlanScoring.Score(Plan(3, Activity(3, ActivityStatus.Bezig, "2021-06", "2021-06-01")), _today);
        var last = PlanScoring.Score(Plan(5, Activity(5, ActivityStatus.Gereed, "2021-06", "2021-06-01", "2021-06-02")), _today);
        var onlyCancelled = PlanScoring.Score(Plan(2, Activity(2, ActivityStatus.Vervallen)), _today);

        Assert.That(PlanScoring.SuggestNextPhase(open), Is.Null);
        Assert.That(PlanScoring.SuggestNextPhase(last), Is.Null);
        Assert.That(PlanScoring.SuggestNextPhase(onlyCancelled), Is.Null, "a phase with only cancelled activities is not complete");
    }
}
