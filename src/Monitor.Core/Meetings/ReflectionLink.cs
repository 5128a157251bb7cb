namespace Monitor.Core.Meetings;

/// <summary>A newly made reflection link: the secret token (shown once) and when it expires.</summary>
public sealed record ReflectionLink(string Token, DateTimeOffset ExpiresAt);
