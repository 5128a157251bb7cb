namespace Monitor.Core.Coding.Agreement;

/// <summary>
/// Pools several 2×2 tables the De Vries (2008) way: counts are summed and so are the per-table chance
/// expectations, so κ = (ΣAgree − ΣEF) / (ΣN − ΣEF) = (P̄o − P̄e) / (1 − P̄e) with unit-weighted means.
/// </summary>
internal struct KappaAccumulator
{
    public BinaryCounts Counts { get; private set; }

    public double ExpectedAgreeingUnits { get; private set; }

    public bool HasVariation { get; private set; }

    public void Add(BinaryCounts table)
    {
        if (table.Total == 0)
        {
            return;
        }

        Counts += table;
        ExpectedAgreeingUnits += table.ExpectedAgreeingUnits;
        HasVariation |= !table.IsDegenerate;
    }
}
