using Monitor.Core.Meetings;

namespace Monitor.Core.Tests.Meetings;

public sealed class CadenceCheckTests
{
    private static readonly DateOnly _start = new(2025, 1, 6);

    private static DateOnly Day(int offset) => _start.AddDays(offset);

    public sealed class ThresholdDays
    {
        [TestCase(1, 1)]
        [TestCase(7, 10)]
        [TestCase(14, 21)]
        [TestCase(21, 31)]
        [TestCase(28, 42)]
        [TestCase(30, 45)]
        [TestCase(366, 549)]
        public void IsTheCadenceTimesOneAndAHalfRoundedDown(int cadence, int threshold) =>
            Assert.That(CadenceCheck.ThresholdDays(cadence), Is.EqualTo(threshold));

        [TestCase(0)]
        [TestCase(-7)]
        [TestCase(367)]
        public void RefusesACadenceOutsideOneToThreeHundredSixtySixDays(int cadence) =>
            Assert.That(() => CadenceCheck.ThresholdDays(cadence), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    public sealed class FindGaps
    {
        [Test]
        public void FlagsAnEightWeekHoleInAThreeWeeklyGroup()
        {
            // Every three weeks, then 56 days (> threshold 31) between day 42 and day 98.
            DateOnly[] held = [Day(0), Day(21), Day(42), Day(98), Day(119)];

            var gaps = CadenceCheck.FindGaps(held, 21, Day(119), null);

            Assert.That(gaps, Is.EqualTo(new[] { new CadenceGap(Day(42), Day(98), 56, IsOpen: false) }));
        }

        [Test]
        public void FlagsASixWeekHoleInAThreeWeeklyGroup()
        {
            DateOnly[] held = [Day(0), Day(21), Day(63), Day(84)];

            var gaps = CadenceCheck.FindGaps(held, 21, Day(84), null);

            Assert.That(gaps, Is.EqualTo(new[] { new CadenceGap(Day(21), Day(63), 42, IsOpen: false) }));
        }

        [TestCase(28)]
        [TestCase(31)]
        public void AcceptsAThreeWeeklyMeetingThatMovedUpToTheThreshold(int days)
        {
            DateOnly[] held = [Day(0), Day(days), Day(days + 21)];

            Assert.That(CadenceCheck.FindGaps(held, 21, Day(days + 21), null), Is.Empty);
        }

        [Test]
        public void FlagsThirtyTwoDaysInAThreeWeeklyGroupAsTheFirstSpanOverTheThreshold()
        {
            DateOnly[] held = [Day(0), Day(32)];

            Assert.That(CadenceCheck.FindGaps(held, 21, Day(32), null).Single().Days, Is.EqualTo(32));
        }

        [Test]
        public void FlagsEveryMissedWeekOfAWeeklyGroupOnceTheSpanExceedsTenDays()
        {
            // Weekly: threshold 10. Spans 7, 10, 11, 14, 7.
            DateOnly[] held = [Day(0), Day(7), Day(17), Day(28), Day(42), Day(49)];

            var gaps = CadenceCheck.FindGaps(held, 7, Day(49), null);

            Assert.That(gaps.Select(gap => (gap.From, gap.To, gap.Days)), Is.EqualTo(new[]
            {
                (Day(17), Day(28), 11),
                (Day(28), Day(42), 14),
            }));
        }

        [Test]
        public void ReportsAnOpenGapFromTheLastMeetingToTodayWhenItIsAlreadyTooLong()
        {
            DateOnly[] held = [Day(0), Day(21)];

            var gaps = CadenceCheck.FindGaps(held, 21, Day(60), null);

            Assert.That(gaps, Is.EqualTo(new[] { new CadenceGap(Day(21), Day(60), 39, IsOpen: true) }));
        }

        [Test]
        public void ReportsNoOpenGapWhileTheNextMeetingIsNotYetOverdue()
        {
            DateOnly[] held = [Day(0), Day(21)];

            Assert.That(CadenceCheck.FindGaps(held, 21, Day(52), null), Is.Empty, "31 days since the last meeting");
        }

        [Test]
        public void ListsClosedGapsInDateOrderBeforeTheOpenGap()
        {
            DateOnly[] held = [Day(0), Day(40), Day(100)];

            var gaps = CadenceCheck.FindGaps(held, 21, Day(150), null);

            Assert.That(gaps, Is.EqualTo(new[]
            {
                new CadenceGap(Day(0), Day(40), 40, IsOpen: false),
                new CadenceGap(Day(40), Day(100), 60, IsOpen: false),
                new CadenceGap(Day(100), Day(150), 50, IsOpen: true),
            }));
        }

        [Test]
        public void EndsTheOpenGapAtTheProjectEndWhenTheProjectEndedBeforeToday()
        {
            DateOnly[] held = [Day(0), Day(21)];

            var gaps = CadenceCheck.FindGaps(held, 21, Day(400), activeUntil: Day(70));

            Assert.That(gaps, Is.EqualTo(new[] { new CadenceGap(Day(21), Day(70), 49, IsOpen: true) }));
        }

        [Test]
        public void ReportsNoOpenGapWhenTheProjectEndedSoonAfterTheLastMeeting()
        {
            DateOnly[] held = [Day(0), Day(21)];

            Assert.That(CadenceCheck.FindGaps(held, 21, Day(400), activeUntil: Day(42)), Is.Empty);
        }

        [Test]
        public void ReportsNoOpenGapWhenTheProjectEndedOnOrBeforeTheLastMeeting()
        {
            DateOnly[] held = [Day(0), Day(21)];

            Assert.That(CadenceCheck.FindGaps(held, 21, Day(400), activeUntil: Day(10)), Is.Empty);
        }

        [Test]
        public void RunsTheOpenGapToTodayWhenTheProjectEndsLater()
        {
            DateOnly[] held = [Day(0)];

            var gaps = CadenceCheck.FindGaps(held, 7, Day(30), activeUntil: Day(365));

            Assert.That(gaps, Is.EqualTo(new[] { new CadenceGap(Day(0), Day(30), 30, IsOpen: true) }));
        }

        [Test]
        public void SortsTheMeetingsAndCountsADateHeldTwiceOnce()
        {
            DateOnly[] held = [Day(98), Day(0), Day(42), Day(21), Day(42), Day(119), Day(0)];

            var gaps = CadenceCheck.FindGaps(held, 21, Day(119), null);

            Assert.That(gaps, Is.EqualTo(new[] { new CadenceGap(Day(42), Day(98), 56, IsOpen: false) }));
        }

        [Test]
        public void FindsNoGapsForAGroupThatMeetsAdHoc()
        {
            DateOnly[] held = [Day(0), Day(200)];

            Assert.That(CadenceCheck.FindGaps(held, null, Day(400), null), Is.Empty);
        }

        [Test]
        public void FindsNoGapsBeforeTheFirstMeetingWasHeld() =>
            Assert.That(CadenceCheck.FindGaps([], 21, Day(400), null), Is.Empty);

        [Test]
        public void FindsNoGapWithASingleRecentMeeting() =>
            Assert.That(CadenceCheck.FindGaps([Day(0)], 21, Day(0), null), Is.Empty);

        [TestCase(0)]
        [TestCase(367)]
        public void RefusesACadenceOutsideOneToThreeHundredSixtySixDays(int cadence) =>
            Assert.That(() => CadenceCheck.FindGaps([Day(0)], cadence, Day(0), null), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
