using Monitor.Core.Meetings;

namespace Monitor.Core.Tests.Meetings;

public sealed class MeetingMetricsTests
{
    private static long _nextReflectionId = 1;

    private static MeetingFacts Meeting(long id, DateOnly heldOn, MeetingStatus status, AttendanceFact[] attendance, ReflectionFact[] reflections) =>
        new() { MeetingId = id, HeldOn = heldOn, Status = status, Attendance = attendance, Reflections = reflections };

    private static MeetingFacts Held(long id, DateOnly heldOn, AttendanceFact[] attendance, params ReflectionFact[] reflections) =>
        Meeting(id, heldOn, MeetingStatus.Gehouden, attendance, reflections);

    private static AttendanceFact Present(long member) => new(member, AttendanceStatus.Aanwezig);

    private static AttendanceFact Excused(long member) => new(member, AttendanceStatus.Afgemeld);

    private static AttendanceFact Absent(long member) => new(member, AttendanceStatus.Afwezig);

    private static ReflectionFact Answer(long? member, bool well = false, bool less = false, DateOnly? followedUpOn = null) =>
        new(Interlocked.Increment(ref _nextReflectionId), member, well, less, followedUpOn);

    private static DateOnly D(int month, int day) => new(2025, month, day);

    /// <summary>
    /// Four members (1–4) and a guest; three held meetings, one cancelled and one planned.
    ///
    /// 6 jan (10)  attendance 1 A, 2 A, 3 afgemeld, 4 A      expected 4, present 3 (0.75)
    ///             answers 1 (well+less, followed up 27 jan = next meeting: closed)
    ///                     2 (well)
    ///                     guest (well+less, not followed up: due, open)
    ///                     3 (less, followed up 20 feb, after 27 jan: due, not closed) – 3 was not present
    ///             responses 1, 2 = 2 of 3 present (0.667); well 3; less 3; due 3; closed 1
    /// 20 jan (11) cancelled – ignored
    /// 27 jan (12) attendance 1 A, 2 afwezig, 3 A, 4 A       expected 4, present 3 (1.0 responses)
    ///             answers 1 (less, followed up 10 feb, before 17 feb: closed)
    ///                     3 (well)
    ///                     4 (well+less, not followed up: due, open)
    ///             responses 3 of 3 (1.0); well 2; less 2; due 2; closed 1
    /// 17 feb (13) attendance 1 A, 2 A, 3 afwezig             expected 3, present 2
    ///             answers 1 (less, not followed up: pending, not due – no next meeting yet)
    ///                     2 (less, followed up 1 mrt: due and closed)
    ///                     guest (well)
    ///             responses 2 of 2 (1.0); well 1; less 2; due 1; closed 1
    /// 10 mrt (14) planned – ignored (else 1's answer of 17 feb would be due)
    ///
    /// Pooled: expected 11, present 8 (8/11), responses 7 (7/8), less 7, due 6, closed 3 (0.5).
    /// Members: 1 3/3, 2 2/3, 3 1/3, 4 2/2; all four were present at least once.
    /// </summary>
    private static readonly MeetingFacts[] _group =
    [
        Meeting(14, D(3, 10), MeetingStatus.Gepland, [Present(1), Present(2), Present(3), Present(4)], []),
        Held(12, D(1, 27), [Present(1), Absent(2), Present(3), Present(4)],
            Answer(1, less: true, followedUpOn: D(2, 10)),
            Answer(3, well: true),
            Answer(4, well: true, less: true)),
        Held(10, D(1, 6), [Present(1), Present(2), Excused(3), Present(4)],
            Answer(1, well: true, less: true, followedUpOn: D(1, 27)),
            Answer(2, well: true),
            Answer(null, well: true, less: true),
            Answer(3, less: true, followedUpOn: D(2, 20))),
        Meeting(11, D(1, 20), MeetingStatus.Geannuleerd, [Absent(1), Absent(2), Absent(3), Absent(4)], [Answer(1, well: true, less: true)]),
        Held(13, D(2, 17), [Present(1), Present(2), Absent(3)],
            Answer(1, less: true),
            Answer(2, less: true, followedUpOn: D(3, 1)),
            Answer(null, well: true)),
    ];

    public sealed class PerMeeting
    {
        [Test]
        public void GivesOneRowPerHeldMeetingInDateOrderIgnoringCancelledAndPlannedOnes()
        {
            var rows = MeetingMetrics.Compute(_group).Meetings;

            Assert.That(rows.Select(row => (row.MeetingId, row.HeldOn)), Is.EqualTo(new[] { (10L, D(1, 6)), (12L, D(1, 27)), (13L, D(2, 17)) }));
        }

        [Test]
        public void ComputesTheWorkedExampleMeetingByMeeting()
        {
            var rows = MeetingMetrics.Compute(_group).Meetings;

            Assert.That(rows, Is.EqualTo(new[]
            {
                new MeetingMetricsRow(10, D(1, 6), Expected: 4, Present: 3, AttendanceRate: 0.75, Responses: 2, ResponseRate: 2.0 / 3,
                    WellCount: 3, LessCount: 3, LessDue: 3, LessClosed: 1),
                new MeetingMetricsRow(12, D(1, 27), Expected: 4, Present: 3, AttendanceRate: 0.75, Responses: 3, ResponseRate: 1,
                    WellCount: 2, LessCount: 2, LessDue: 2, LessClosed: 1),
                new MeetingMetricsRow(13, D(2, 17), Expected: 3, Present: 2, AttendanceRate: 2.0 / 3, Responses: 2, ResponseRate: 1,
                    WellCount: 1, LessCount: 2, LessDue: 1, LessClosed: 1),
            }));
        }

        [Test]
        public void OrdersMeetingsOnTheSameDayByMeetingId()
        {
            var metrics = MeetingMetrics.Compute([Held(8, D(1, 6), [Present(1)]), Held(7, D(1, 6), [Present(1)])]);

            Assert.That(metrics.Meetings.Select(row => row.MeetingId), Is.EqualTo(new[] { 7L, 8L }));
        }

        [Test]
        public void CountsNeitherGuestsNorAbsentMembersAsResponsesButCountsTheirAnswers()
        {
            var row = MeetingMetrics.Compute(
            [
                Held(1, D(1, 6), [Present(1), Absent(2), Excused(3)],
                    Answer(null, well: true, less: true),
                    Answer(2, well: true),
                    Answer(3, less: true)),
            ]).Meetings.Single();

            Assert.That((row.Responses, row.ResponseRate), Is.EqualTo((0, (double?)0)));
            Assert.That((row.WellCount, row.LessCount), Is.EqualTo((2, 2)));
        }

        [Test]
        public void CountsAMemberWhoAnsweredTwiceAsOneResponse()
        {
            var row = MeetingMetrics.Compute([Held(1, D(1, 6), [Present(1), Present(2)], Answer(1, well: true), Answer(1, less: true))]).Meetings.Single();

            Assert.That((row.Responses, row.ResponseRate), Is.EqualTo((1, (double?)0.5)));
            Assert.That((row.WellCount, row.LessCount), Is.EqualTo((1, 1)));
        }

        [Test]
        public void GivesNoRatesForAMeetingWithoutAttendanceRows()
        {
            var row = MeetingMetrics.Compute([Held(1, D(1, 6), [], Answer(null, well: true))]).Meetings.Single();

            Assert.That((row.Expected, row.Present, row.AttendanceRate, row.Responses, row.ResponseRate), Is.EqualTo((0, 0, (double?)null, 0, (double?)null)));
        }

        [Test]
        public void GivesNoResponseRateWhenNobodyWasPresent()
        {
            var row = MeetingMetrics.Compute([Held(1, D(1, 6), [Excused(1), Absent(2)])]).Meetings.Single();

            Assert.That((row.AttendanceRate, row.ResponseRate), Is.EqualTo(((double?)0, (double?)null)));
        }
    }

    public sealed class LoopClosure
    {
        private static MeetingMetricsRow First(DateOnly? followedUpOn, params MeetingFacts[] later) =>
            MeetingMetrics.Compute([Held(1, D(1, 6), [Present(1)], Answer(1, less: true, followedUpOn: followedUpOn)), .. later]).Meetings[0];

        [Test]
        public void ClosesAnAnswerFollowedUpInTheNextMeeting()
        {
            var row = First(D(1, 27), Held(2, D(1, 27), [Present(1)]));

            Assert.That((row.LessDue, row.LessClosed), Is.EqualTo((1, 1)));
        }

        [Test]
        public void ClosesAnAnswerFollowedUpBeforeTheNextMeeting()
        {
            var row = First(D(1, 10), Held(2, D(1, 27), [Present(1)]));

            Assert.That((row.LessDue, row.LessClosed), Is.EqualTo((1, 1)));
        }

        [Test]
        public void CountsAFollowUpAfterTheNextMeetingAsDueButNotClosed()
        {
            var row = First(D(1, 28), Held(2, D(1, 27), [Present(1)]));

            Assert.That((row.LessDue, row.LessClosed), Is.EqualTo((1, 0)));
        }

        [Test]
        public void CountsAnAnswerNeverFollowedUpAsDueOnceTheNextMeetingWasHeld()
        {
            var row = First(null, Held(2, D(1, 27), [Present(1)]));

            Assert.That((row.LessDue, row.LessClosed), Is.EqualTo((1, 0)));
        }

        [Test]
        public void LeavesTheAnswersOfTheLastMeetingPendingUntilTheyAreFollowedUp()
        {
            var row = First(null);

            Assert.That((row.LessCount, row.LessDue, row.LessClosed), Is.EqualTo((1, 0, 0)));
            Assert.That(MeetingMetrics.Compute([Held(1, D(1, 6), [Present(1)], Answer(1, less: true))]).LoopClosureRate, Is.Null);
        }

        [Test]
        public void CountsAFollowedUpAnswerOfTheLastMeetingAsDueAndClosed()
        {
            var row = First(D(1, 20));

            Assert.That((row.LessDue, row.LessClosed), Is.EqualTo((1, 1)));
        }

        [TestCase(MeetingStatus.Gepland)]
        [TestCase(MeetingStatus.Geannuleerd)]
        public void DoesNotTakeAPlannedOrCancelledMeetingAsTheNextMeeting(MeetingStatus status)
        {
            var row = First(null, Meeting(2, D(1, 27), status, [Present(1)], []));

            Assert.That(row.LessDue, Is.EqualTo(0));
        }

        [Test]
        public void TakesTheFirstHeldMeetingOnALaterDayAsTheNextMeeting()
        {
            // The meeting on the same day is not the next one; 3 feb is, so a follow-up on 10 feb is late.
            var row = First(D(2, 10), Held(4, D(2, 24), [Present(1)]), Held(2, D(1, 6), [Present(1)]), Held(3, D(2, 3), [Present(1)]));

            Assert.That((row.LessDue, row.LessClosed), Is.EqualTo((1, 0)));
        }

        [Test]
        public void IgnoresAnswersWithoutAMinderGewerktPart()
        {
            var metrics = MeetingMetrics.Compute(
            [
                Held(1, D(1, 6), [Present(1)], Answer(1, well: true, followedUpOn: D(1, 10))),
                Held(2, D(1, 27), [Present(1)]),
            ]);

            Assert.That((metrics.LessTotal, metrics.LessDue, metrics.LessClosed, metrics.LoopClosureRate), Is.EqualTo((0, 0, 0, (double?)null)));
        }
    }

    public sealed class PerMember
    {
        [Test]
        public void ComputesTheWorkedExampleMemberByMemberInOrderOfMemberId()
        {
            var members = MeetingMetrics.Compute(_group).Members;

            Assert.That(members, Is.EqualTo(new[]
            {
                new MemberAttendanceRow(1, Meetings: 3, Present: 3, Rate: 1),
                new MemberAttendanceRow(2, Meetings: 3, Present: 2, Rate: 2.0 / 3),
                new MemberAttendanceRow(3, Meetings: 3, Present: 1, Rate: 1.0 / 3),
                new MemberAttendanceRow(4, Meetings: 2, Present: 2, Rate: 1),
            }));
        }

        [Test]
        public void ListsAMemberWhoWasNeverPresentWithRateZero()
        {
            var metrics = MeetingMetrics.Compute([Held(1, D(1, 6), [Present(2), Absent(1)]), Held(2, D(1, 27), [Excused(1)])]);

            Assert.That(metrics.Members, Is.EqualTo(new[] { new MemberAttendanceRow(1, 2, 0, 0), new MemberAttendanceRow(2, 1, 1, 1) }));
            Assert.That(metrics.PresentMembers, Is.EqualTo(1));
        }

        [Test]
        public void LeavesOutMembersWhoOnlyHaveRowsAtMeetingsThatWereNotHeld()
        {
            var metrics = MeetingMetrics.Compute(
            [
                Held(1, D(1, 6), [Present(1)]),
                Meeting(2, D(1, 27), MeetingStatus.Geannuleerd, [Present(2)], []),
                Meeting(3, D(2, 17), MeetingStatus.Gepland, [Present(3)], []),
            ]);

            Assert.That(metrics.Members.Select(member => member.MemberId), Is.EqualTo(new[] { 1L }));
        }

        [Test]
        public void CountsADuplicateAttendanceRowOnce()
        {
            var metrics = MeetingMetrics.Compute([Held(1, D(1, 6), [Present(1), Present(1), Absent(2)])]);

            Assert.That((metrics.Expected, metrics.Present), Is.EqualTo((2, 1)));
            Assert.That(metrics.Members[0], Is.EqualTo(new MemberAttendanceRow(1, 1, 1, 1)));
        }
    }

    public sealed class Pooled
    {
        [Test]
        public void ComputesTheWorkedExampleTotalsAsSumsOverSums()
        {
            var metrics = MeetingMetrics.Compute(_group);

            Assert.That((metrics.Expected, metrics.Present, metrics.PresentMembers, metrics.Responses), Is.EqualTo((11, 8, 4, 7)));
            Assert.That(metrics.AttendanceRate, Is.EqualTo(8.0 / 11));
            Assert.That(metrics.ResponseRate, Is.EqualTo(7.0 / 8));
            Assert.That((metrics.LessTotal, metrics.LessDue, metrics.LessClosed), Is.EqualTo((7, 6, 3)));
            Assert.That(metrics.LoopClosureRate, Is.EqualTo(0.5));
        }

        [Test]
        public void WeighsMeetingsByTheirSizeRatherThanAveragingTheirRates()
        {
            // 1 of 1 and 1 of 3: pooled 2/4 = 0.5, not (1 + 1/3) / 2.
            var metrics = MeetingMetrics.Compute(
            [
                Held(1, D(1, 6), [Present(1)]),
                Held(2, D(1, 27), [Present(1), Absent(2), Absent(3)]),
            ]);

            Assert.That(metrics.AttendanceRate, Is.EqualTo(0.5));
        }

        [Test]
        public void GivesZerosAndNoRatesWithoutMeetings()
        {
            var metrics = MeetingMetrics.Compute([]);

            Assert.That(metrics.Meetings, Is.Empty);
            Assert.That(metrics.Members, Is.Empty);
            Assert.That((metrics.Expected, metrics.Present, metrics.PresentMembers, metrics.Responses, metrics.LessTotal, metrics.LessDue, metrics.LessClosed),
                Is.EqualTo((0, 0, 0, 0, 0, 0, 0)));
            Assert.That(new[] { metrics.AttendanceRate, metrics.ResponseRate, metrics.LoopClosureRate }, Is.All.Null);
        }

        [Test]
        public void GivesNoRatesWhenOnlyCancelledAndPlannedMeetingsExist()
        {
            var metrics = MeetingMetrics.Compute(
            [
                Meeting(1, D(1, 6), MeetingStatus.Geannuleerd, [Present(1)], [Answer(1, well: true, less: true, followedUpOn: D(1, 6))]),
                Meeting(2, D(1, 27), MeetingStatus.Gepland, [Present(1)], []),
            ]);

            Assert.That(metrics.Meetings, Is.Empty);
            Assert.That((metrics.Expected, metrics.LessTotal), Is.EqualTo((0, 0)));
            Assert.That(new[] { metrics.AttendanceRate, metrics.ResponseRate, metrics.LoopClosureRate }, Is.All.Null);
        }

        [Test]
        public void GivesNoResponseRateWhenNobodyWasEverPresent()
        {
            var metrics = MeetingMetrics.Compute([Held(1, D(1, 6), [Absent(1)], Answer(null, well: true))]);

            Assert.That((metrics.AttendanceRate, metrics.ResponseRate), Is.EqualTo(((double?)0, (double?)null)));
        }
    }
}
