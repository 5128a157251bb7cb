namespace Monitor.Core.Learning;

/// <summary>An agenda entry as it stood on a given day: the status it had then.</summary>
public sealed record AgendaEntryAt(LearningItem Item, LearningStatus Status);
