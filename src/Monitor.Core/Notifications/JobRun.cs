namespace Monitor.Core.Notifications;

/// <summary>One run of a scheduled job.</summary>
public sealed record JobRun(long Id, string Job, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Outcome, string Message);
