namespace Monitor.Core.Coding.Agreement;

/// <summary>A 2×2 agreement table of two coders over binary (coded / not coded) units.</summary>
internal readonly record struct BinaryCounts(long Both, long OnlyA, long OnlyB, long Neither)
{
    public long Total => Both + OnlyA + OnlyB + Neither;

    public long CodedA => Both + OnlyA;

    public long CodedB => Both + OnlyB;

    public long Agreeing => Both + Neither;

    /// <summary>Pe = 1: both coders coded no unit, or both coded every unit.</summary>
    public bool IsDegenerate => (CodedA == 0 && CodedB == 0) || (CodedA == Total && CodedB == Total);

    /// <summary>One coder coded all or nothing while the other did not: then Pe = Po and κ = 0 whatever the overlap.</summary>
    public bool HasConstantCoder =>
        !IsDegenerate && (CodedA == 0 || CodedA == Total || CodedB == 0 || CodedB == Total);

    /// <summary>NVivo's ΣEF = (A·B + notA·notB) / N: the number of units expected to agree by chance.</summary>
    public double ExpectedAgreeingUnits
    {
        get
        {
            var total = Total;
            if (total == 0)
            {
                return 0;
            }

            // Int128 keeps A·B exact for pooled tables of billions of units; the one division rounds once.
            var numerator = ((Int128)CodedA * CodedB) + ((Int128)(total - CodedA) * (total - CodedB));
            return (double)numerator / total;
        }
    }

    public static BinaryCounts operator +(BinaryCounts x, BinaryCounts y) =>
        new(x.Both + y.Both, x.OnlyA + y.OnlyA, x.OnlyB + y.OnlyB, x.Neither + y.Neither);
}
