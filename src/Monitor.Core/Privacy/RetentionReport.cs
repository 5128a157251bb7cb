namespace Monitor.Core.Privacy;

/// <summary>What a project's retention setting would remove: per kind of record, how many and the oldest date.</summary>
public sealed record RetentionReport(int? RetentionMonths, DateOnly? Cutoff, IReadOnlyList<RetentionItem> Items);
