namespace Monitor.Core.Learning;

/// <summary>A period the project spent in one Movisie phase, up to and including <paramref name="End"/>.</summary>
public sealed record TimelinePhase(int Phase, string NameNl, string NameEn, DateOnly Start, DateOnly End);
