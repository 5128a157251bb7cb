using Monitor.Core.Learning;

namespace Monitor.Core.Tests.Learning;

[Description("issue #19: high and low points are changed by their author or by who manages the agenda")]
public sealed class MomentRulesTests
{
    private static readonly long[] _groupsOfUser = [10, 11];

    [TestCase(true, 7L, 99L, null, true, TestName = "A projectleider or onderzoeker changes any moment, also one of the whole project")]
    [TestCase(false, 7L, 7L, 10L, true, TestName = "A deelnemer changes their own moment in their own group")]
    [TestCase(false, 7L, 7L, 12L, false, TestName = "A deelnemer does not change their own moment in a group they left or never joined")]
    [TestCase(false, 7L, 8L, 10L, false, TestName = "A deelnemer does not change someone else's moment in their group")]
    [TestCase(false, 7L, null, 10L, false, TestName = "A deelnemer does not change a demo moment without author")]
    [TestCase(false, 7L, 7L, null, false, TestName = "A deelnemer does not change a moment of the whole project")]
    [TestCase(false, null, null, 10L, false, TestName = "Nobody without an account changes a moment")]
    public void DecidesWhoMayChangeAMoment(bool managesAgenda, long? userId, long? authorUserId, long? groupId, bool expected) =>
        Assert.That(MomentRules.MayChange(managesAgenda, userId, authorUserId, groupId, _groupsOfUser), Is.EqualTo(expected));
}
