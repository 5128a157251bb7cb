namespace Monitor.Core.Meetings;

/// <summary>
/// One closing-reflection answer as the metrics need it: whether the "wel gewerkt" and "minder gewerkt"
/// parts were filled in, and the date of the meeting in which the "minder gewerkt" part was followed up
/// (null when it was not followed up). <paramref name="MemberId"/> is null for a guest and for an answer in an anonymous
/// group (<paramref name="Anonymous"/>), which keeps no author.
/// </summary>
public sealed record ReflectionFact(long ReflectionId, long? MemberId, bool HasWell, bool HasLess, DateOnly? FollowedUpOn, bool Anonymous = false);
