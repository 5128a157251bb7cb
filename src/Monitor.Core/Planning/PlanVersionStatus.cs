namespace Monitor.Core.Planning;

/// <summary>
/// Where a plan version stands: concept, ter bespreking (bij a group of the project), vastgesteld (the baseline) or
/// vervangen (an earlier baseline after a newer one was vastgesteld).
/// </summary>
public enum PlanVersionStatus
{
    Concept,
    TerBespreking,
    Vastgesteld,
    Vervangen,
}

/// <summary>Labels of <see cref="PlanVersionStatus"/>.</summary>
public static class PlanVersionStatusLabels
{
    public static string Label(this PlanVersionStatus status, string language) => (status, language == "en") switch
    {
        (PlanVersionStatus.Concept, _) => "concept",
        (PlanVersionStatus.TerBespreking, false) => "ter bespreking",
        (PlanVersionStatus.TerBespreking, true) => "under review",
        (PlanVersionStatus.Vastgesteld, false) => "vastgesteld",
        (PlanVersionStatus.Vastgesteld, true) => "adopted",
        (_, false) => "vervangen",
        (_, true) => "superseded",
    };
}
