namespace Monitor.Core.Innovation;

/// <summary>
/// Fidelity (programmatrouw) from checklists: per core element the share of conversations in which it happened, overall
/// and per team and month. A share is only given from <c>minimumN</c> checklists up (management sees aggregates from 5
/// respondents, see <see cref="ManagementMinimum"/>); below that the count is shown without a percentage.
/// </summary>
public static class Fidelity
{
    /// <summary>The smallest number of checklists behind an aggregate that management may see.</summary>
    public const int ManagementMinimum = 5;

    public static FidelitySummary Summarise(IReadOnlyList<CoreElement> elements, IReadOnlyList<Checklist> checklists, int minimumN)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(checklists);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumN, 1);
        var overall = elements.Select(e => Share(e, checklists, minimumN)).ToList();
        var cells = checklists
            .GroupBy(c => (c.Team, Month: new DateOnly(c.ConversationOn.Year, c.ConversationOn.Month, 1)))
            .OrderBy(g => g.Key.Team, StringComparer.CurrentCulture).ThenBy(g => g.Key.Month)
            .Select(g =>
            {
                var group = g.ToList();
                return new FidelityCell(g.Key.Team, g.Key.Month, group.Count,
                    [.. elements.Select(e => Share(e, group, minimumN))], Overall(elements, group, minimumN));
            })
            .ToList();
        return new FidelitySummary(checklists.Count, minimumN, overall, cells, Overall(elements, checklists, minimumN));
    }

    private static ElementShare Share(CoreElement element, IReadOnlyList<Checklist> checklists, int minimumN)
    {
        var asked = checklists.Where(c => c.Elements.ContainsKey(element.Id)).ToList();
        var delivered = asked.Count(c => c.Elements[element.Id]);
        return new ElementShare(element.Id, element.Name, asked.Count, delivered, asked.Count >= minimumN ? Percent(delivered, asked.Count) : null);
    }

    /// <summary>All ticks together: delivered element-conversations over asked element-conversations.</summary>
    private static double? Overall(IReadOnlyList<CoreElement> elements, IReadOnlyList<Checklist> checklists, int minimumN)
    {
        if (checklists.Count < minimumN)
        {
            return null;
        }

        var ids = elements.Select(e => e.Id).ToHashSet();
        var asked = checklists.Sum(c => c.Elements.Count(kv => ids.Contains(kv.Key)));
        var delivered = checklists.Sum(c => c.Elements.Count(kv => ids.Contains(kv.Key) && kv.Value));
        return asked == 0 ? null : Percent(delivered, asked);
    }

    private static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>How often one core element happened: <see cref="Percent"/> is null below the minimum number of checklists.</summary>
public sealed record ElementShare(long ElementId, string Name, int Checklists, int Delivered, double? Percent);

/// <summary>One team in one month.</summary>
public sealed record FidelityCell(string Team, DateOnly Month, int Checklists, IReadOnlyList<ElementShare> Elements, double? Overall);

public sealed record FidelitySummary(int Checklists, int MinimumN, IReadOnlyList<ElementShare> Elements, IReadOnlyList<FidelityCell> PerTeamAndMonth, double? Overall);
