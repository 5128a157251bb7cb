namespace Monitor.Core.Coding.Agreement;

/// <summary>Krippendorff's α for nominal data (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").</summary>
public static class KrippendorffAlpha
{
    /// <summary>
    /// α nominal from a reliability data matrix: <paramref name="valuesByCoder"/>[coder][unit], null = missing.
    /// Rows may differ in length (units past the end of a row are missing for that coder). Values are compared ordinally.
    /// </summary>
    public static AlphaResult Nominal(IReadOnlyList<IReadOnlyList<string?>> valuesByCoder)
    {
        ArgumentNullException.ThrowIfNull(valuesByCoder);

        var unitCount = valuesByCoder.Count == 0 ? 0 : valuesByCoder.Max(row => row.Count);
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var unitTallies = new List<Dictionary<int, int>>(unitCount);
        for (var unit = 0; unit < unitCount; unit++)
        {
            var tally = new Dictionary<int, int>();
            foreach (var row in valuesByCoder)
            {
                if (unit >= row.Count || row[unit] is not { } value)
                {
                    continue;
                }

                if (!categories.TryGetValue(value, out var category))
                {
                    category = categories.Count;
                    categories.Add(value, category);
                }

                tally[category] = tally.GetValueOrDefault(category) + 1;
            }

            unitTallies.Add(tally);
        }

        long units = 0;
        long values = 0;
        var totals = new long[categories.Count];
        var disagreeing = 0.0;
        foreach (var tally in unitTallies)
        {
            var m = tally.Values.Sum();
            if (m < 2)
            {
                continue;
            }

            units++;
            values += m;
            // Σ(c≠k) n_uc·n_uk = m² − Σ n_uc², each pair weighted 1/(m − 1).
            long sameCategoryPairs = 0;
            foreach (var (category, count) in tally)
            {
                totals[category] += count;
                sameCategoryPairs += (long)count * count;
            }

            disagreeing += (double)(((long)m * m) - sameCategoryPairs) / (m - 1);
        }

        var expectedPairs = (double)values * values;
        foreach (var total in totals)
        {
            expectedPairs -= (double)total * total;
        }

        return FromCoincidences(units, values, disagreeing, expectedPairs);
    }

    /// <summary>
    /// α = 1 − Do/De with Do = <paramref name="disagreeingCoincidences"/> / n and
    /// De = <paramref name="disagreeingExpectedPairs"/> / (n(n − 1)), i.e. Σ(c≠k) o_ck and Σ(c≠k) n_c·n_k.
    /// </summary>
    internal static AlphaResult FromCoincidences(
        long units, long values, double disagreeingCoincidences, double disagreeingExpectedPairs)
    {
        if (values < 2)
        {
            return new AlphaResult
            {
                Units = units,
                PairableValues = values,
                ObservedDisagreement = 0,
                ExpectedDisagreement = 0,
                Alpha = null,
                Note = AgreementNotes.NoPairableValues,
            };
        }

        var observed = disagreeingCoincidences / values;
        var expected = disagreeingExpectedPairs / ((double)values * (values - 1));
        if (disagreeingExpectedPairs <= 0)
        {
            return new AlphaResult
            {
                Units = units,
                PairableValues = values,
                ObservedDisagreement = observed,
                ExpectedDisagreement = 0,
                Alpha = 1,
                Note = AgreementNotes.NoVariation,
            };
        }

        return new AlphaResult
        {
            Units = units,
            PairableValues = values,
            ObservedDisagreement = observed,
            ExpectedDisagreement = expected,
            // Same as 1 − Do/De, written with one division so integral cases stay exact.
            Alpha = 1 - ((values - 1) * disagreeingCoincidences / disagreeingExpectedPairs),
        };
    }
}
