using Monitor.Core.Effects.Statistics;

namespace Monitor.Core.Tests.Effects;

/// <summary>
/// The tests of the effect measurement (#18) pinned to 3 decimals (4 significant digits where R prints them) against the
/// worked examples of R's own documentation: ?t.test on the sleep data (Student 1908), ?wilcox.test on the Hollander &amp;
/// Wolfe depression data and its two-sample example, ?p.adjust for Holm.
/// </summary>
public sealed class StatisticalTestsTests
{
    // R: sleep$extra by group (Cushny and Peebles; Student 1908)
    private static readonly double[] _sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] _sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [Test]
    [Description("R: t.test(extra ~ group, data = sleep) → t = -1.8608, df = 17.776, p-value = 0.07939")]
    public void WelchMatchesRsSleepExample()
    {
        var result = StatisticalTests.Welch(_sleep1, _sleep2, Sidedness.Tweezijdig);

        Assert.That(result.Statistic, Is.EqualTo(-1.8608).Within(0.00005));
        Assert.That(result.DegreesOfFreedom, Is.EqualTo(17.776).Within(0.0005));
        Assert.That(result.P, Is.EqualTo(0.07939).Within(0.000005));
        Assert.That(StatisticalTests.Welch(_sleep1, _sleep2, Sidedness.Kleiner).P, Is.EqualTo(0.07939 / 2).Within(0.00001), "one-sided, as seed 000 tested");
        Assert.That(StatisticalTests.Welch(_sleep1, _sleep2, Sidedness.Groter).P, Is.EqualTo(1 - 0.07939 / 2).Within(0.00001));
    }

    [Test]
    [Description("R: t.test(sleep$extra[1:10], sleep$extra[11:20], paired = TRUE) → t = -4.0621, df = 9, p-value = 0.002833")]
    public void PairedTMatchesRsSleepExample()
    {
        var result = StatisticalTests.PairedT(_sleep1, _sleep2, Sidedness.Tweezijdig);

        Assert.That(result.Statistic, Is.EqualTo(-4.0621).Within(0.00005));
        Assert.That(result.DegreesOfFreedom, Is.EqualTo(9));
        Assert.That(result.P, Is.EqualTo(0.002833).Within(0.0000005));
    }

    [Test]
    [Description("Cohen's d on the sleep data: (0.75 - 2.33) / pooled SD 1.8986 = -0.832; 95 % CI by Hedges & Olkin's standard error [-1.746, 0.081]")]
    public void CohensDWithItsConfidenceInterval()
    {
        var d = StatisticalTests.CohensD(_sleep1, _sleep2);

        Assert.That(d.D, Is.EqualTo(-0.832).Within(0.0005));
        Assert.That(d.Lower, Is.EqualTo(-1.746).Within(0.0005));
        Assert.That(d.Upper, Is.EqualTo(0.081).Within(0.0005));
    }

    [Test]
    [Description("R ?wilcox.test: x, y depression scores paired, alternative = \"greater\" → V = 40, p-value = 0.01953 (exact)")]
    public void SignedRankMatchesRsDepressionExample()
    {
        double[] x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30];
        double[] y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

        var result = StatisticalTests.SignedRank(x, y, Sidedness.Groter);

        Assert.That(result.Statistic, Is.EqualTo(40));
        Assert.That(result.P, Is.EqualTo(0.01953).Within(0.000005));
        Assert.That(result.Exact, Is.True);
        Assert.That(StatisticalTests.SignedRank(x, y, Sidedness.Tweezijdig).P, Is.EqualTo(0.03906).Within(0.000005));
    }

    [Test]
    [Description("R ?wilcox.test: two-sample example, alternative = \"greater\" → W = 35, p-value = 0.1272 (exact)")]
    public void MannWhitneyMatchesRsTwoSampleExample()
    {
        double[] x = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
        double[] y = [1.15, 0.88, 0.90, 0.74, 1.21];

        var result = StatisticalTests.MannWhitney(x, y, Sidedness.Groter);

        Assert.That(result.Statistic, Is.EqualTo(35));
        Assert.That(result.P, Is.EqualTo(0.1272).Within(0.00005));
        Assert.That(result.Exact, Is.True);
        Assert.That(StatisticalTests.MannWhitney(x, y, Sidedness.Tweezijdig).P, Is.EqualTo(0.2544).Within(0.0001));
    }

    [Test]
    [Description("Likert answers with ties: the normal approximation with tie correction; equal groups give p = 1, a clear shift a small p")]
    public void MannWhitneyWithTiesUsesTheNormalApproximation()
    {
        double[] trained = [5, 5, 4, 4, 4, 5, 3, 4, 5, 5, 4, 4];
        double[] untrained = [3, 2, 3, 4, 2, 3, 3, 2, 4, 3, 3, 2];

        var shifted = StatisticalTests.MannWhitney(trained, untrained, Sidedness.Groter);
        var same = StatisticalTests.MannWhitney(trained, trained, Sidedness.Tweezijdig);

        Assert.That(shifted.Exact, Is.False);
        Assert.That(shifted.Statistic, Is.EqualTo(133), "rank sum 5 × 22 + 6 × 15.5 + 8 = 211 minus 12 × 13 / 2");
        // R: wilcox.test(trained, untrained, alternative = "greater") uses the same approximation: sigma² = m·n/12 · (m + n + 1
        // - Σ(t³ - t) / ((m + n)(m + n - 1))) with ties of 4, 7, 8 and 5 answers, z = (133 - 72 - 0.5) / 16.668 = 3.6297
        Assert.That(shifted.P, Is.EqualTo(0.0001419).Within(0.0000005));
        Assert.That(same.P, Is.EqualTo(1));
    }

    [Test]
    [Description("Holm's step-down correction as R's p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), \"holm\") = 0.05 0.08 0.09 0.09 0.09, in the given order")]
    public void HolmMatchesRsPAdjust()
    {
        Assert.That(StatisticalTests.Holm([0.03, 0.01, 0.05, 0.02, 0.04]), Is.EqualTo(new[] { 0.09, 0.05, 0.09, 0.08, 0.09 }).Within(1e-12));
        Assert.That(StatisticalTests.Holm([0.5, 0.6]), Is.EqualTo(new[] { 1.0, 1.0 }));
    }

    [Test]
    [Description("Per item: n, missing, mean, SD (n - 1), median and the count per answer")]
    public void DescriptivesCountAnswersAndMissing()
    {
        var result = Descriptives.Of([4, 5, null, 3, 4, null]);

        Assert.That((result.N, result.Missing, result.Mean, result.Median), Is.EqualTo((4, 2, (double?)4.0, (double?)4.0)));
        Assert.That(result.StandardDeviation, Is.EqualTo(Math.Sqrt(2.0 / 3)).Within(1e-12));
        Assert.That(result.Counts, Is.EqualTo(new Dictionary<double, int> { [3] = 1, [4] = 2, [5] = 1 }));
    }
}
