using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Charts;
using Monitor.Core.Common;
using Monitor.Core.Learning;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Learning;

/// <summary>The eventful timeline of a project as a chart (phase bands) and as a list, filtered per group, printable.</summary>
[ProjectPermission(Capability.ViewProject)]
public sealed class TimelineModel : LearningPageModel
{
    private readonly TimelineStore _timeline;
    private readonly IChartRenderer _charts;
    private readonly TimeProvider _time;

    public TimelineModel(ProjectStore projects, IAuthorizationService authorization, TimelineStore timeline, IChartRenderer charts, TimeProvider time) : base(projects, authorization)
    {
        _timeline = timeline;
        _charts = charts;
        _time = time;
    }

    public ProjectTimeline? Timeline { get; private set; }

    public ShownChart? Chart { get; private set; }

    /// <summary>The groups this user may add a high or low point to (a deelnemer: their own).</summary>
    public IReadOnlyList<TimelineGroup> MomentGroups { get; private set; } = [];

    public DateOnly Today { get; private set; }

    private IReadOnlyList<long> _ownGroups = [];
    private IReadOnlyDictionary<long, long?> _momentAuthors = new Dictionary<long, long?>();

    /// <summary>Whether this user may change or delete the high or low point <paramref name="moment"/> (management: never).</summary>
    public bool MayChange(TimelineEvent moment) =>
        CanSeeAgenda && moment is not null && _momentAuthors.ContainsKey(moment.SourceId)
        && MomentRules.MayChange(CanEditAgenda, User.UserId(), _momentAuthors[moment.SourceId], moment.GroupId, _ownGroups);

    public async Task<IActionResult> OnGetAsync(long id, long? groep, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken) || await _timeline.ReadAsync(id, groep, cancellationToken) is not { } timeline)
        {
            return NotFound();
        }

        Timeline = timeline;
        Today = DutchClock.Today(_time);
        if (timeline.Events.Count > 0)
        {
            var spec = TimelineCharts.Build(timeline, T["Timeline.ChartTitle"].Value, T["Timeline.ChartDescription"].Value, UiText.Language, Today);
            Chart = ShownChart.Of(_charts, spec);
        }

        if (CanSeeAgenda)
        {
            var own = CanEditAgenda || User.UserId() is not { } userId ? null : await _timeline.GroupIdsOfUserAsync(id, userId, cancellationToken);
            MomentGroups = [.. timeline.Groups.Where(g => own is null || own.Contains(g.Id))];
            _ownGroups = own ?? [];
            _momentAuthors = await _timeline.MomentAuthorsAsync(id, cancellationToken);
        }

        return Page();
    }
}
