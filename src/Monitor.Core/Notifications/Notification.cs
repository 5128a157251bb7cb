namespace Monitor.Core.Notifications;

/// <summary>A message in a person's inbox in the web app.</summary>
public sealed record Notification(long Id, long? ProjectId, string Title, string Body, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
