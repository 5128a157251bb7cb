namespace Monitor.Core.Frameworks;

/// <summary>One recommended activity of the developer in a Movisie phase (verbatim from seed 003), with its sub-points.</summary>
public sealed record MovisieActivity(string Title, IReadOnlyList<string> SubPoints)
{
    /// <summary>The sub-points as the description of a plan activity adopted from this advice: one "- " line each.</summary>
    public string Description => string.Join("\n", SubPoints.Select(point => "- " + point));
}
