using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Charts;
using Monitor.Core.Common;
using Monitor.Core.Frameworks;
using Monitor.Core.Planning;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Plan;

/// <summary>The implementation plan of a project: progress per phase, timeline, goals and activities per phase.</summary>
[ProjectPermission(Capability.ViewProject)]
public sealed class IndexModel : PageModel
{
    private readonly ProjectStore _projects;
    private readonly PlanStore _plans;
    private readonly FrameworkStore _frameworks;
    private readonly IAuthorizationService _authorization;
    private readonly TimeProvider _time;
    private readonly IChartRenderer _charts;
    private readonly PlanVersionStore _versions;

    public IndexModel(ProjectStore projects, PlanStore plans, FrameworkStore frameworks, IAuthorizationService authorization, TimeProvider time, IChartRenderer charts, PlanVersionStore versions)
    {
        _versions = versions;
        _projects = projects;
        _plans = plans;
        _frameworks = frameworks;
        _authorization = authorization;
        _time = time;
        _charts = charts;
    }

    public Project? Project { get; private set; }

    public ImplementationPlan? Plan { get; private set; }

    public IReadOnlyList<PhaseScore> Scores { get; private set; } = [];

    public IReadOnlyList<MovisiePhase> Phases { get; private set; } = [];

    public int? SuggestedNextPhase { get; private set; }

    /// <summary>Progress per phase (from the Core chart module), or null.</summary>
    public ShownChart? ProgressChart { get; private set; }

    /// <summary>Timeline of the activities with phase bands and a today line, with its data as a table, or null.</summary>
    public ShownChart? TimelineChart { get; private set; }

    public bool CanManage { get; private set; }

    /// <summary>The vastgestelde plan version (#23), or null.</summary>
    public PlanVersion? Baseline { get; private set; }

    /// <summary>How the plan deviates from <see cref="Baseline"/> now (activities added, removed, moved), or null without one.</summary>
    public PlanDiff? Deviations { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Doelgroep { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary>Set by the write actions on <see cref="ManageModel"/> before they redirect here.</summary>
    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Errors { get; set; }

    public IReadOnlyList<string> Owners => Plan?.Activities.Select(a => a.Fields.Owner).Where(o => o.Length > 0).Distinct().Order(StringComparer.CurrentCulture).ToList() ?? [];

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    /// <summary>The activities of a phase after the filters and sort order of the page.</summary>
    public IReadOnlyList<PlanActivity> ActivitiesOf(int phase)
    {
        var activities = (Plan?.Activities ?? []).Where(a => a.Fields.Phase == phase);
        if (!string.IsNullOrEmpty(Status))
        {
            activities = activities.Where(a => a.Fields.Status.ToCode() == Status);
        }

        if (!string.IsNullOrEmpty(Owner))
        {
            activities = activities.Where(a => a.Fields.Owner == Owner);
        }

        if (!string.IsNullOrEmpty(Doelgroep))
        {
            activities = activities.Where(a => a.Fields.TargetGroup.ToCode() == Doelgroep);
        }

        return (Sort switch
        {
            "titel" => activities.OrderBy(a => a.Fields.Title, StringComparer.CurrentCultureIgnoreCase),
            "status" => activities.OrderBy(a => a.Fields.Status),
            "eigenaar" => activities.OrderBy(a => a.Fields.Owner, StringComparer.CurrentCultureIgnoreCase),
            "doelgroep" => activities.OrderBy(a => a.Fields.TargetGroup),
            _ => activities.OrderBy(a => a.Fields.PlannedMonth is null).ThenBy(a => a.Fields.PlannedMonth),
        }).ToList();
    }

    /// <summary>"OT · 6 juni 2019" for a meeting id of this project.</summary>
    public string MeetingLabel(long meetingId)
    {
        foreach (var group in Project?.Groups ?? [])
        {
            if (group.Meetings.FirstOrDefault(m => m.Id == meetingId) is { } meeting)
            {
                return $"{group.Name} · {UiText.Date(meeting.HeldOn, meeting.DatePrecision)}";
            }
        }

        return $"#{meetingId}";
    }

    public bool IsOverdue(PlanActivity activity) =>
        PlanScoring.IsOverdue(activity.Fields, Today);

    public string SortLink(string column) =>
        $"?status={Uri.EscapeDataString(Status ?? "")}&owner={Uri.EscapeDataString(Owner ?? "")}&doelgroep={Uri.EscapeDataString(Doelgroep ?? "")}&sort={column}";

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await _projects.FindAsync(id, cancellationToken) is not { } project || await _plans.FindPlanAsync(id, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        Project = project;
        Plan = plan;
        Today = DutchClock.Today(_time);
        Scores = PlanScoring.Score(plan, Today);
        SuggestedNextPhase = PlanScoring.SuggestNextPhase(Scores);
        Phases = await _frameworks.ListPhasesAsync(cancellationToken);
        var language = UiText.Language;
        ProgressChart = ShownChart.Of(_charts, PlanCharts.Progress(Scores, Phases, language));
        TimelineChart = ShownChart.Of(_charts, PlanCharts.Timeline(plan, Phases, Today, language));
        CanManage = (await _authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ManageProject))).Succeeded;
        Baseline = await _versions.FindBaselineAsync(id, cancellationToken);
        Deviations = Baseline is null ? null : PlanDiff.Compare(Baseline.Snapshot, PlanSnapshot.From(plan));
        return Page();
    }
}
