namespace Monitor.Core.Innovation;

/// <summary>
/// Reach and adoption over time (Proctor et al. 2011): per month the share of professionals trained and using the
/// innovation and the share of the target group reached, per team and for all teams together; and sustainment ("blijven
/// doen"): is use holding up 6 and 12 months after the project's end compared with its last month?
/// </summary>
public static class Reach
{
    /// <summary>Use "holds" when it is at least this share of the level in the project's last counted month.</summary>
    public const double HoldsFrom = 0.8;

    /// <summary>The months after the project's end at which sustainment is looked at.</summary>
    private static readonly int[] SustainmentMonths = [6, 12];

    public static IReadOnlyList<ReachRow> PerMonth(IReadOnlyList<ReachCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rows = counts.Select(c => Row(c.Team, c.Month, [c])).ToList();
        rows.AddRange(counts.GroupBy(c => c.Month).Where(g => g.Count() > 1).Select(g => Row(null, g.Key, [.. g])));
        return [.. rows.OrderBy(r => r.Month).ThenBy(r => r.Team is null ? 1 : 0).ThenBy(r => r.Team, StringComparer.CurrentCulture)];
    }

    /// <summary>All teams together per month, the line the chart and the portfolio show.</summary>
    public static IReadOnlyList<ReachRow> Totals(IReadOnlyList<ReachCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return [.. counts.GroupBy(c => c.Month).OrderBy(g => g.Key).Select(g => Row(null, g.Key, [.. g]))];
    }

    /// <summary>Use 6 and 12 months after <paramref name="projectEnd"/> against the last counted month up to the end; empty without an end date.</summary>
    public static IReadOnlyList<Sustainment> Sustain(IReadOnlyList<ReachCount> counts, DateOnly? projectEnd)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (projectEnd is not { } end)
        {
            return [];
        }

        var totals = Totals(counts);
        var endMonth = new DateOnly(end.Year, end.Month, 1);
        var baseline = totals.LastOrDefault(r => r.Month <= endMonth);
        return [.. SustainmentMonths.Select(after =>
        {
            var month = endMonth.AddMonths(after);
            var then = totals.SingleOrDefault(r => r.Month == month);
            return new Sustainment(after, month, baseline, then, Verdict(baseline, then));
        })];
    }

    private static SustainmentVerdict Verdict(ReachRow? baseline, ReachRow? then)
    {
        if (then is null)
        {
            return SustainmentVerdict.NogNietGemeten;
        }

        if (baseline is null || baseline.ClientsReached == 0 && baseline.Users == 0)
        {
            return SustainmentVerdict.GeenBeginwaarde;
        }

        var holds = (baseline.Users == 0 || then.Users >= HoldsFrom * baseline.Users)
            && (baseline.ClientsReached == 0 || then.ClientsReached >= HoldsFrom * baseline.ClientsReached);
        return holds ? SustainmentVerdict.HoudtStand : SustainmentVerdict.NeemtAf;
    }

    private static ReachRow Row(string? team, DateOnly month, IReadOnlyList<ReachCount> counts)
    {
        var professionals = counts.Sum(c => c.Professionals);
        var trained = counts.Sum(c => c.Trained);
        var users = counts.Sum(c => c.Users);
        var target = counts.Sum(c => c.TargetClients);
        var reached = counts.Sum(c => c.ClientsReached);
        return new ReachRow(team, month, professionals, trained, users, target, reached,
            Percent(trained, professionals), Percent(users, professionals), Percent(reached, target));
    }

    private static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>One team (or all teams: <see cref="Team"/> null) in one month, with its shares in percent (null when the base is 0).</summary>
public sealed record ReachRow(string? Team, DateOnly Month, int Professionals, int Trained, int Users, int TargetClients, int ClientsReached,
    double? TrainedPercent, double? AdoptionPercent, double? ReachPercent);

/// <summary>Use some months after the project's end against its last month (stored in no table; computed).</summary>
public sealed record Sustainment(int MonthsAfterEnd, DateOnly Month, ReachRow? Baseline, ReachRow? Then, SustainmentVerdict Verdict);

public enum SustainmentVerdict
{
    NogNietGemeten,
    GeenBeginwaarde,
    HoudtStand,
    NeemtAf,
}
