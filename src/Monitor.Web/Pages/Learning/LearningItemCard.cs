using Monitor.Core.Learning;

namespace Monitor.Web.Pages.Learning;

/// <summary>
/// One entry of the learning agenda as the agenda page and the look-back session show it (_LearningItem): its sources as
/// links to the meeting, reflection, action item or finding they come from.
/// </summary>
public sealed record LearningItemCard(long ProjectId, LearningItem Item, IReadOnlyDictionary<LearningSource, LearningSourceTarget> Targets, bool LinkFindings, bool CanEdit)
{
    /// <summary>Where a source's link goes; null when this user cannot open it (a finding for a deelnemer) or it is gone.</summary>
    public string? Href(LearningSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!Targets.TryGetValue(source, out var target))
        {
            return null;
        }

        var meeting = $"/projecten/{ProjectId}/bijeenkomsten/{target.MeetingId}";
        return source.Kind switch
        {
            LearningSourceKind.Bijeenkomst => meeting,
            LearningSourceKind.Reflectie => meeting + "#reflections",
            LearningSourceKind.Actiepunt => meeting + "#actions",
            _ => LinkFindings ? $"/projecten/{ProjectId}/bevindingen/{source.Id}" : null,
        };
    }
}
