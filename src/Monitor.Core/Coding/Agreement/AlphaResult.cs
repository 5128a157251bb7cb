namespace Monitor.Core.Coding.Agreement;

/// <summary>
/// Krippendorff's α (nominal) with its parts. Units with fewer than two values are dropped.
/// No pairable values gives α null ("geen paarbare waarden"); no variation at all (De = 0, hence Do = 0)
/// gives α = 1 with a note, although α is formally 0/0 then.
/// </summary>
public sealed record AlphaResult
{
    /// <summary>Units with at least two values (the pairable units).</summary>
    public required long Units { get; init; }

    /// <summary>n, the number of pairable values.</summary>
    public required long PairableValues { get; init; }

    /// <summary>Observed disagreement Do.</summary>
    public required double ObservedDisagreement { get; init; }

    /// <summary>Expected disagreement De.</summary>
    public required double ExpectedDisagreement { get; init; }

    public required double? Alpha { get; init; }

    public string? Note { get; init; }
}
