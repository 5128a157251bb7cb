namespace Monitor.Core.Planning;

/// <summary>
/// The phase a project was in on a date, from its recorded phase decisions (gates) — never from the plan or the
/// current phase alone. Before the first decision the project was in the phase that decision left; from a decision
/// on, in the phase it entered. A project without decisions has been in its current phase since its start (its phase
/// only changes by a decision). Before the project's start the phase is unknown (null, "fase onbekend").
/// </summary>
public sealed class PhaseHistory
{
    private readonly DateOnly _start;
    private readonly int _initial;
    private readonly List<(DateOnly On, int To)> _changes;

    private PhaseHistory(DateOnly start, int initial, List<(DateOnly On, int To)> changes)
    {
        _start = start;
        _initial = initial;
        _changes = changes;
    }

    /// <summary>A history from the project's start, its current phase and its decisions (any order).</summary>
    public static PhaseHistory From(DateOnly start, int currentPhase, IEnumerable<(DateOnly DecidedOn, int FromPhase, int ToPhase)> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var ordered = decisions.OrderBy(d => d.DecidedOn).ToList();
        return new PhaseHistory(start, ordered.Count > 0 ? ordered[0].FromPhase : currentPhase, [.. ordered.Select(d => (d.DecidedOn, d.ToPhase))]);
    }

    /// <summary>The history of a plan's recorded decisions.</summary>
    public static PhaseHistory From(DateOnly start, ImplementationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return From(start, plan.CurrentPhase, plan.Transitions.Select(t => (t.DecidedOn, t.FromPhase, t.ToPhase)));
    }

    /// <summary>The phase on <paramref name="date"/>; null before the project started.</summary>
    public int? At(DateOnly date)
    {
        if (date < _start)
        {
            return null;
        }

        var phase = _initial;
        foreach (var (on, to) in _changes)
        {
            if (on > date)
            {
                break;
            }

            phase = to;
        }

        return phase;
    }
}
