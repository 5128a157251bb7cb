namespace Monitor.Core.Meetings;

/// <summary>The outcome of answering through a link: the reflection and the key with which its author may edit it later.</summary>
public sealed record LinkAnswerResult(long ReflectionId, string EditKey);
