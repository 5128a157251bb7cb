using Monitor.Core.Learning;

namespace Monitor.Web.Pages.Learning;

/// <summary>
/// The events of a timeline as the timeline page and the look-back session list them (_TimelineEvents): meetings linked
/// for those who may open them, and for each high or low point this user may change, its edit and delete controls.
/// </summary>
public sealed record TimelineEventList(long ProjectId, IReadOnlyList<TimelineEvent> Events, bool LinkMeetings, Func<TimelineEvent, bool> MayChange);
