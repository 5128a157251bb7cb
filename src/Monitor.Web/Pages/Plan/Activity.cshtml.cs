using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Monitor.Core.Common;
using Monitor.Core.Frameworks;
using Monitor.Core.Planning;
using Monitor.Core.Projects;
using Monitor.Web.Planning;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Plan;

/// <summary>Create, edit or delete one plan activity.</summary>
[ProjectPermission(Capability.ManageProject)]
public sealed class ActivityModel : PageModel
{
    private readonly ProjectStore _projects;
    private readonly PlanStore _plans;
    private readonly FrameworkStore _frameworks;
    private readonly IStringLocalizer<SharedResource> _t;

    public ActivityModel(ProjectStore projects, PlanStore plans, FrameworkStore frameworks, IStringLocalizer<SharedResource> t)
    {
        _projects = projects;
        _plans = plans;
        _frameworks = frameworks;
        _t = t;
    }

    public Project? Project { get; private set; }

    [FromRoute]
    public long? ActivityId { get; set; }

    [BindProperty]
    public PlanActivityInput Input { get; set; } = new();

    /// <summary>Ids of the meetings where the activity was discussed.</summary>
    [BindProperty]
    public List<long> MeetingIds { get; set; } = [];

    /// <summary>The project's groups with their meetings, to choose from.</summary>
    public IReadOnlyList<ProjectGroup> Groups => Project?.Groups ?? [];

    public IReadOnlyList<MovisiePhase> Phases { get; private set; } = [];

    public IReadOnlyList<MidiGroup> MidiGroups { get; private set; } = [];

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, int? fase, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (ActivityId is { } activityId)
        {
            if (await _plans.FindActivityAsync(id, activityId, cancellationToken) is not { } activity)
            {
                return NotFound();
            }

            Input = PlanActivityInput.From(activity.Fields);
            MeetingIds = [.. activity.MeetingIds];
        }
        else
        {
            Input = new PlanActivityInput { Phase = fase is >= 0 and <= 5 ? fase : Project!.CurrentPhase, Status = "gepland", TargetGroup = "professionals" };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (draft, errors) = Input.ToDraft();
        if (draft is null)
        {
            Errors = errors;
            return Page();
        }

        try
        {
            var activityId = ActivityId;
            if (activityId is { } existing)
            {
                if (!await _plans.UpdateActivityAsync(id, existing, draft, User.ToActor(), cancellationToken))
                {
                    return NotFound();
                }
            }
            else
            {
                activityId = await _plans.CreateActivityAsync(id, draft, User.ToActor(), cancellationToken);
            }

            await _plans.SetActivityMeetingsAsync(id, activityId.Value, MeetingIds, User.ToActor(), cancellationToken);
        }
        catch (ValidationException ex)
        {
            Errors = ex.Errors;
            return Page();
        }

        Message = _t["Plan.ActivitySaved"].Value;
        return LocalRedirect($"/projecten/{id}/plan#fase-{draft.Phase}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (ActivityId is not { } activityId || !await _plans.DeleteActivityAsync(id, activityId, User.ToActor(), cancellationToken))
        {
            return NotFound();
        }

        Message = _t["Plan.ActivityDeleted"].Value;
        return LocalRedirect($"/projecten/{id}/plan");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await _projects.FindAsync(id, cancellationToken) is not { } project)
        {
            return false;
        }

        Project = project;
        Phases = await _frameworks.ListPhasesAsync(cancellationToken);
        MidiGroups = await _frameworks.ListMidiGroupsAsync(cancellationToken);
        return true;
    }
}
