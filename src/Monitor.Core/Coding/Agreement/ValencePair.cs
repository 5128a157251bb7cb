namespace Monitor.Core.Coding.Agreement;

/// <summary>
/// Agreement of one coder pair on valence, over the characters both coded with the same code (unit = character).
/// <see cref="Kappa"/> is Cohen's κ over the valence categories: Po = agreeing / units, Pe = Σ_c (A_c · B_c) / units².
/// No units: percentage and κ null with a note; Pe = 1 (both used one and the same valence throughout): κ = 1 with a note.
/// </summary>
public sealed record ValencePair
{
    public required string CoderA { get; init; }

    public required string CoderB { get; init; }

    /// <summary>Characters both coders coded with the code (the units).</summary>
    public required long Units { get; init; }

    /// <summary>Of <see cref="Units"/>, the characters to which both gave the same valence.</summary>
    public required long Agreeing { get; init; }

    public double? PercentAgreement { get; init; }

    public double? ExpectedAgreement { get; init; }

    public double? Kappa { get; init; }

    public string? Note { get; init; }
}
