namespace Monitor.Core.Meetings;

/// <summary>The order of a meeting's agenda: positions handed out again after a move.</summary>
public static class AgendaOrder
{
    /// <summary>
    /// Given the agenda's positions in ascending order, the positions to give the items in their new order: the same
    /// numbers where they already increase, one more than the previous one where two were equal. So the closing item
    /// (<see cref="LookBackAgenda.ClosingPosition"/>) keeps its number while it stays last.
    /// </summary>
    public static IReadOnlyList<int> Renumber(IReadOnlyList<int> ascending)
    {
        ArgumentNullException.ThrowIfNull(ascending);
        var result = new int[ascending.Count];
        for (var i = 0; i < ascending.Count; i++)
        {
            result[i] = i == 0 ? ascending[0] : Math.Max(ascending[i], result[i - 1] + 1);
        }

        return result;
    }
}
