namespace Monitor.Core.Effects.Statistics;

/// <summary>
/// The outcome of one test: its statistic (t, U/W or V), degrees of freedom where they apply, the p-value for the chosen
/// sidedness, and whether the p-value is exact (small samples without ties) or from the normal approximation.
/// </summary>
public sealed record TestResult(string Test, double Statistic, double? DegreesOfFreedom, double P, Sidedness Sidedness, bool Exact = false);

/// <summary>Cohen's d (pooled standard deviation) with a 95 % confidence interval (Hedges &amp; Olkin's large-sample standard error).</summary>
public sealed record EffectSize(double D, double Lower, double Upper);
