namespace Monitor.Core.Privacy;

/// <summary>One kind of record past the retention period.</summary>
public sealed record RetentionItem(string Kind, int Count, DateOnly? Oldest);
