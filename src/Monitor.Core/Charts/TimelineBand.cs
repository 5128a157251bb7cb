namespace Monitor.Core.Charts;

/// <summary>A labelled period drawn behind the bars of a timeline (a phase), up to and including <paramref name="End"/>.</summary>
public sealed record TimelineBand(string Label, DateOnly Start, DateOnly End);
