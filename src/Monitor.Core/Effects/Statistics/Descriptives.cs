namespace Monitor.Core.Effects.Statistics;

/// <summary>Per item and group: n, mean, standard deviation (n − 1), median, counts per answer and missing answers.</summary>
public sealed record Descriptives(int N, int Missing, double? Mean, double? StandardDeviation, double? Median, IReadOnlyDictionary<double, int> Counts)
{
    /// <param name="answers">One entry per respondent; null is a missing answer.</param>
    public static Descriptives Of(IEnumerable<double?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var all = answers.ToList();
        var values = all.Where(a => a is not null).Select(a => a!.Value).ToList();
        var counts = values.GroupBy(v => v).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        if (values.Count == 0)
        {
            return new Descriptives(0, all.Count, null, null, null, counts);
        }

        var mean = values.Average();
        double? sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : null;
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Descriptives(values.Count, all.Count - values.Count, mean, sd, median, counts);
    }
}
