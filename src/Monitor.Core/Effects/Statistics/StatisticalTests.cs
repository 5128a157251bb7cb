using MathNet.Numerics.Distributions;

namespace Monitor.Core.Effects.Statistics;

/// <summary>
/// The statistical tests of the effect measurement, as a researcher would run them in R: Welch's t-test, the paired
/// t-test, Cohen's d with its confidence interval, Mann-Whitney U (R's <c>wilcox.test</c> W) and Wilcoxon's signed-rank
/// test (V), exact for samples under 50 without ties and otherwise the normal approximation with tie and continuity
/// correction, and Holm's correction across items. Distributions from MathNet.Numerics. Every method is pinned against
/// the worked examples of R's documentation in the tests.
/// </summary>
public static class StatisticalTests
{
    /// <summary>R uses exact distributions below this sample size when there are no ties (and no zero differences).</summary>
    public const int ExactBelow = 50;

    /// <summary>Welch's t-test of two independent groups (x minus y).</summary>
    /// <exception cref="ArgumentException">A group has fewer than 2 values or both have no variance.</exception>
    public static TestResult Welch(IReadOnlyList<double> x, IReadOnlyList<double> y, Sidedness sidedness)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count < 2 || y.Count < 2)
        {
            throw new ArgumentException("Welch's t-test needs at least 2 values per group.");
        }

        var (mx, vx) = MeanVariance(x);
        var (my, vy) = MeanVariance(y);
        var sx = vx / x.Count;
        var sy = vy / y.Count;
        if (sx + sy == 0)
        {
            throw new ArgumentException("Both groups have no variance; a t-test cannot be computed.");
        }

        var t = (mx - my) / Math.Sqrt(sx + sy);
        var df = (sx + sy) * (sx + sy) / (sx * sx / (x.Count - 1) + sy * sy / (y.Count - 1));
        return new TestResult("Welch t", t, df, TP(t, df, sidedness), sidedness);
    }

    /// <summary>The paired t-test of linked pairs (after minus before).</summary>
    public static TestResult PairedT(IReadOnlyList<double> after, IReadOnlyList<double> before, Sidedness sidedness)
    {
        var d = Differences(after, before);
        if (d.Count < 2)
        {
            throw new ArgumentException("The paired t-test needs at least 2 linked pairs.");
        }

        var (mean, variance) = MeanVariance(d);
        if (variance == 0)
        {
            throw new ArgumentException("All differences are equal; a t-test cannot be computed.");
        }

        var t = mean / Math.Sqrt(variance / d.Count);
        return new TestResult("gepaarde t", t, d.Count - 1, TP(t, d.Count - 1, sidedness), sidedness);
    }

    /// <summary>Cohen's d of x against y with the pooled standard deviation, and its 95 % confidence interval.</summary>
    public static EffectSize CohensD(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count < 2 || y.Count < 2)
        {
            throw new ArgumentException("Cohen's d needs at least 2 values per group.");
        }

        var (mx, vx) = MeanVariance(x);
        var (my, vy) = MeanVariance(y);
        var pooled = Math.Sqrt(((x.Count - 1) * vx + (y.Count - 1) * vy) / (x.Count + y.Count - 2));
        if (pooled == 0)
        {
            throw new ArgumentException("Both groups have no variance; Cohen's d cannot be computed.");
        }

        var d = (mx - my) / pooled;
        var n1 = (double)x.Count;
        var n2 = (double)y.Count;
        var se = Math.Sqrt((n1 + n2) / (n1 * n2) + d * d / (2 * (n1 + n2)));
        var z = Normal.InvCDF(0, 1, 0.975);
        return new EffectSize(d, d - z * se, d + z * se);
    }

    /// <summary>Mann-Whitney U as R's W: the rank sum of x minus n(x)(n(x)+1)/2 (for ordinal items such as Likert answers).</summary>
    public static TestResult MannWhitney(IReadOnlyList<double> x, IReadOnlyList<double> y, Sidedness sidedness)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException("Mann-Whitney U needs values in both groups.");
        }

        var all = x.Concat(y).ToList();
        var ranks = Ranks(all);
        var w = ranks.Take(x.Count).Sum() - x.Count * (x.Count + 1) / 2.0;
        var ties = TieSizes(all);
        int m = x.Count, n = y.Count;
        if (m < ExactBelow && n < ExactBelow && ties.All(t => t == 1))
        {
            return new TestResult("Mann-Whitney U", w, null, ExactP(MannWhitneyCounts(m, n), (int)Math.Round(w), sidedness), sidedness, Exact: true);
        }

        var z = w - m * n / 2.0;
        var sigma = Math.Sqrt(m * n / 12.0 * (m + n + 1 - ties.Sum(t => (double)t * t * t - t) / ((m + n) * (m + n - 1.0))));
        return new TestResult("Mann-Whitney U", w, null, NormalP(z, sigma, sidedness), sidedness);
    }

    /// <summary>Wilcoxon's signed-rank test of linked pairs (after minus before); V is the sum of the ranks of the positive differences; zero differences are left out.</summary>
    public static TestResult SignedRank(IReadOnlyList<double> after, IReadOnlyList<double> before, Sidedness sidedness)
    {
        var all = Differences(after, before);
        var d = all.Where(v => v != 0).ToList();
        if (d.Count == 0)
        {
            throw new ArgumentException("All differences are zero; the signed-rank test cannot be computed.");
        }

        var absolute = d.Select(Math.Abs).ToList();
        var ranks = Ranks(absolute);
        var v = d.Select((value, i) => value > 0 ? ranks[i] : 0).Sum();
        var ties = TieSizes(absolute);
        var n = d.Count;
        if (n < ExactBelow && ties.All(t => t == 1) && d.Count == all.Count)
        {
            return new TestResult("Wilcoxon signed-rank", v, null, ExactP(SignedRankCounts(n), (int)Math.Round(v), sidedness), sidedness, Exact: true);
        }

        var z = v - n * (n + 1) / 4.0;
        var sigma = Math.Sqrt(n * (n + 1) * (2 * n + 1) / 24.0 - ties.Sum(t => (double)t * t * t - t) / 48.0);
        return new TestResult("Wilcoxon signed-rank", v, null, NormalP(z, sigma, sidedness), sidedness);
    }

    /// <summary>Holm's step-down correction of p-values across items (R's <c>p.adjust(p, "holm")</c>), in the order given.</summary>
    public static IReadOnlyList<double> Holm(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var order = Enumerable.Range(0, p.Count).OrderBy(i => p[i]).ToList();
        var adjusted = new double[p.Count];
        var running = 0.0;
        for (var rank = 0; rank < order.Count; rank++)
        {
            running = Math.Max(running, Math.Min(1, (p.Count - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }

    /// <summary>The p-value of an exact null distribution given as the number of arrangements per value of the statistic (as R's pwilcox, psignrank).</summary>
    private static double ExactP(double[] counts, int statistic, Sidedness sidedness)
    {
        var total = counts.Sum();
        double AtMost(int k) => k < 0 ? 0 : counts.Take(Math.Min(k, counts.Length - 1) + 1).Sum() / total;
        return sidedness switch
        {
            Sidedness.Groter => 1 - AtMost(statistic - 1),
            Sidedness.Kleiner => AtMost(statistic),
            _ => Math.Min(1, 2 * Math.Min(AtMost(statistic), 1 - AtMost(statistic - 1))),
        };
    }

    private static double TP(double t, double df, Sidedness sidedness) => sidedness switch
    {
        Sidedness.Groter => 1 - StudentT.CDF(0, 1, df, t),
        Sidedness.Kleiner => StudentT.CDF(0, 1, df, t),
        _ => 2 * (1 - StudentT.CDF(0, 1, df, Math.Abs(t))),
    };

    /// <summary>The normal approximation with R's continuity correction of 0.5 towards the mean.</summary>
    private static double NormalP(double z, double sigma, Sidedness sidedness)
    {
        var correction = sidedness switch
        {
            Sidedness.Groter => 0.5,
            Sidedness.Kleiner => -0.5,
            _ => 0.5 * Math.Sign(z),
        };
        var standard = (z - correction) / sigma;
        return sidedness switch
        {
            Sidedness.Groter => 1 - Normal.CDF(0, 1, standard),
            Sidedness.Kleiner => Normal.CDF(0, 1, standard),
            _ => Math.Min(1, 2 * Math.Min(Normal.CDF(0, 1, standard), 1 - Normal.CDF(0, 1, standard))),
        };
    }

    private static List<double> Differences(IReadOnlyList<double> after, IReadOnlyList<double> before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        if (after.Count != before.Count)
        {
            throw new ArgumentException("A paired test needs as many values after as before.");
        }

        return [.. after.Select((a, i) => a - before[i])];
    }

    private static (double Mean, double Variance) MeanVariance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return (mean, values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>Mid-ranks (ties get their average rank), 1-based, in the order of the values.</summary>
    private static double[] Ranks(List<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToList();
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Count;)
        {
            var j = i;
            while (j + 1 < order.Count && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = (i + j) / 2.0 + 1;
            }

            i = j + 1;
        }

        return ranks;
    }

    private static List<int> TieSizes(IEnumerable<double> values) => [.. values.GroupBy(v => v).Select(g => g.Count())];

    /// <summary>How many arrangements give each U from 0 to m·n (the exact null distribution).</summary>
    private static double[] MannWhitneyCounts(int m, int n)
    {
        // f[i][j][u]: arrangements of i x's and j y's with U = u; f(i, j) = f(i - 1, j) shifted by j + f(i, j - 1)
        var table = new double[m + 1, n + 1][];
        for (var i = 0; i <= m; i++)
        {
            for (var j = 0; j <= n; j++)
            {
                var counts = new double[i * j + 1];
                if (i == 0 || j == 0)
                {
                    counts[0] = 1;
                }
                else
                {
                    var withX = table[i - 1, j];
                    var withY = table[i, j - 1];
                    for (var u = 0; u < withX.Length; u++)
                    {
                        counts[u + j] += withX[u];
                    }

                    for (var u = 0; u < withY.Length; u++)
                    {
                        counts[u] += withY[u];
                    }
                }

                table[i, j] = counts;
            }
        }

        return table[m, n];
    }

    /// <summary>How many sign patterns give each V from 0 to n(n+1)/2.</summary>
    private static double[] SignedRankCounts(int n)
    {
        var counts = new double[n * (n + 1) / 2 + 1];
        counts[0] = 1;
        for (var rank = 1; rank <= n; rank++)
        {
            for (var v = counts.Length - 1; v >= rank; v--)
            {
                counts[v] += counts[v - rank];
            }
        }

        return counts;
    }
}
