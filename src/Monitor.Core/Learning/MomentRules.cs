namespace Monitor.Core.Learning;

/// <summary>
/// Who may change or delete a high or low point (issue #19): those who manage the learning agenda (projectleider,
/// onderzoeker, beheerder) any; a deelnemer only one they added themselves, in a group they are a member of.
/// </summary>
public static class MomentRules
{
    public static bool MayChange(bool managesAgenda, long? userId, long? authorUserId, long? groupId, IReadOnlyCollection<long> groupsOfUser)
    {
        ArgumentNullException.ThrowIfNull(groupsOfUser);
        return managesAgenda
            || (userId is not null && authorUserId == userId && groupId is { } group && groupsOfUser.Contains(group));
    }
}
