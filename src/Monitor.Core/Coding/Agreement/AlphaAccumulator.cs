namespace Monitor.Core.Coding.Agreement;

/// <summary>Coincidences of binary (0/1) values for Krippendorff's α, accumulated unit by unit.</summary>
internal struct AlphaAccumulator
{
    private long _units;
    private long _values;
    private long _ones;
    private double _disagreeing;

    /// <summary>Adds one unit with <paramref name="values"/> pairable values of which <paramref name="ones"/> are 1.</summary>
    public void AddUnit(int values, int ones)
    {
        if (values < 2)
        {
            return;
        }

        _units++;
        _values += values;
        _ones += ones;
        // o₀₁ + o₁₀ for this unit: every ordered (0,1) and (1,0) pair weighted 1/(m − 1).
        _disagreeing += 2.0 * ones * (values - ones) / (values - 1);
    }

    public void Add(AlphaAccumulator other)
    {
        _units += other._units;
        _values += other._values;
        _ones += other._ones;
        _disagreeing += other._disagreeing;
    }

    public readonly AlphaResult ToResult()
    {
        var zeros = _values - _ones;
        // Σ(c≠k) n_c·n_k over the ordered category pairs (0,1) and (1,0).
        var expectedPairs = 2.0 * zeros * _ones;
        return KrippendorffAlpha.FromCoincidences(_units, _values, _disagreeing, expectedPairs);
    }
}
