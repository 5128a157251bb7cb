using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Frameworks;
using Monitor.Core.Planning;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Plan;

/// <summary>
/// The plan page's write actions (phase goal, suggested activity, phase decision), on a page of their own so
/// the ManageProject policy guards them declaratively. Each posts, saves and goes back to the plan.
/// </summary>
[ProjectPermission(Capability.ManageProject)]
public sealed class ManageModel : ProjectPageModel
{
    private readonly PlanStore _plans;
    private readonly FrameworkStore _frameworks;
    private readonly TimeProvider _time;

    public ManageModel(ProjectStore projects, PlanStore plans, FrameworkStore frameworks, TimeProvider time) : base(projects)
    {
        _plans = plans;
        _frameworks = frameworks;
        _time = time;
    }

    public IActionResult OnGet(long id) => LocalRedirect(Back(id));

    public Task<IActionResult> OnPostGoalAsync(long id, int phase, string? goal, CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            await _plans.SetGoalAsync(id, phase, goal, User.ToActor(), cancellationToken);
            return true;
        }, "Plan.GoalSaved", Back(id));

    public Task<IActionResult> OnPostSuggestionAsync(long id, int phase, int index, CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            var activity = (await _frameworks.ListPhasesAsync(cancellationToken)).SingleOrDefault(p => p.Number == phase)?.RecommendedActivities.ElementAtOrDefault(index)
                ?? throw new ValidationException("Deze voorgestelde activiteit bestaat niet.");
            await _plans.CreateActivityAsync(id, new PlanActivityDraft { Phase = phase, Title = activity.Title, Description = activity.Description }, User.ToActor(), cancellationToken);
            return true;
        }, "Plan.SuggestionAdded", Back(id));

    public Task<IActionResult> OnPostTransitionAsync(long id, int toPhase, string? decidedOn, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            var input = new FieldParser();
            var date = input.Date(decidedOn, "decidedOn", "de datum van het besluit") ?? DutchClock.Today(_time);
            input.ThrowIfAny();
            await _plans.RecordTransitionAsync(id, toPhase, date, note, User.ToActor(), cancellationToken);
            return true;
        }, "Plan.TransitionSaved", Back(id));

    /// <summary>One click on the plan list; back to the activity's row, so the page does not jump to the top.</summary>
    public Task<IActionResult> OnPostStatusAsync(long id, long activityId, string? status, CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            var input = new FieldParser();
            var parsed = input.RequiredCode<ActivityStatus>(status, "status", "status");
            input.ThrowIfAny();
            return await _plans.SetActivityStatusAsync(id, activityId, parsed!.Value, DutchClock.Today(_time), User.ToActor(), cancellationToken);
        }, "Plan.StatusSaved", $"{Back(id)}#activiteit-{activityId}");

    private static string Back(long id) => $"/projecten/{id}/plan";
}
