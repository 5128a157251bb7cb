namespace Monitor.Core.Innovation;

/// <summary>
/// The use of the innovation as it stood on a date, for reports that go to management and the municipality: the core
/// elements, fidelity from the checklists of conversations up to that date (percentages from
/// <see cref="Fidelity.ManagementMinimum"/> checklists up), reach per month up to that month, and sustainment.
/// </summary>
public sealed record InnovationUse(IReadOnlyList<CoreElement> Elements, FidelitySummary Fidelity, IReadOnlyList<ReachRow> ReachTotals, IReadOnlyList<Sustainment> Sustainment);

/// <summary>Reads <see cref="InnovationUse"/> as of a date (the end of a report's period, or today).</summary>
public sealed class InnovationUseReader
{
    private readonly CoreElementStore _elements;
    private readonly FidelityStore _fidelity;
    private readonly ReachStore _reach;

    public InnovationUseReader(CoreElementStore elements, FidelityStore fidelity, ReachStore reach)
    {
        _elements = elements;
        _fidelity = fidelity;
        _reach = reach;
    }

    /// <summary>Null when there is no such project.</summary>
    public async Task<InnovationUse?> ReadAsync(long projectId, DateOnly asOf, DateOnly? projectEnd, CancellationToken cancellationToken = default)
    {
        if (await _elements.ListAsync(projectId, cancellationToken) is not { } elements)
        {
            return null;
        }

        var checklists = (await _fidelity.ListAsync(projectId, cancellationToken: cancellationToken)).Where(c => c.ConversationOn <= asOf).ToList();
        var month = new DateOnly(asOf.Year, asOf.Month, 1);
        var counts = (await _reach.ListAsync(projectId, cancellationToken) ?? []).Where(c => c.Month <= month).ToList();
        return new InnovationUse(elements, Fidelity.Summarise(elements, checklists, Fidelity.ManagementMinimum), Reach.Totals(counts), Reach.Sustain(counts, projectEnd));
    }
}
