using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Monitor.Core.Common;
using Monitor.Core.Frameworks;
using Monitor.Core.Planning;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Plan;

/// <summary>
/// The plan page's write actions (phase goal, suggested activity, phase decision), on a page of their own so
/// the ManageProject policy guards them declaratively. Each posts, saves and goes back to the plan.
/// </summary>
[ProjectPermission(Capability.ManageProject)]
public sealed class ManageModel : PageModel
{
    private readonly PlanStore _plans;
    private readonly FrameworkStore _frameworks;
    private readonly TimeProvider _time;
    private readonly IStringLocalizer<SharedResource> _t;

    public ManageModel(PlanStore plans, FrameworkStore frameworks, TimeProvider time, IStringLocalizer<SharedResource> t)
    {
        _plans = plans;
        _frameworks = frameworks;
        _time = time;
        _t = t;
    }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Errors { get; set; }

    public IActionResult OnGet(long id) => LocalRedirect($"/projecten/{id}/plan");

    public Task<IActionResult> OnPostGoalAsync(long id, int phase, string? goal, CancellationToken cancellationToken) =>
        ChangeAsync(id, async () =>
        {
            await _plans.SetGoalAsync(id, phase, goal, User.ToActor(), cancellationToken);
            return _t["Plan.GoalSaved"].Value;
        });

    public Task<IActionResult> OnPostSuggestionAsync(long id, int phase, int index, CancellationToken cancellationToken) =>
        ChangeAsync(id, async () =>
        {
            var activity = (await _frameworks.ListPhasesAsync(cancellationToken)).SingleOrDefault(p => p.Number == phase)?.RecommendedActivities.ElementAtOrDefault(index)
                ?? throw new ValidationException("Deze voorgestelde activiteit bestaat niet.");
            var title = activity.Length > PlanActivityDraft.MaxTitleLength ? activity[..(PlanActivityDraft.MaxTitleLength - 1)] + "…" : activity;
            await _plans.CreateActivityAsync(id, new PlanActivityDraft { Phase = phase, Title = title, Description = activity }, User.ToActor(), cancellationToken);
            return _t["Plan.SuggestionAdded"].Value;
        });

    public Task<IActionResult> OnPostTransitionAsync(long id, int toPhase, string? decidedOn, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(id, async () =>
        {
            var date = DutchClock.Today(_time);
            if (!string.IsNullOrWhiteSpace(decidedOn) && !DateOnly.TryParseExact(decidedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                throw new ValidationException([new ValidationError("decidedOn", $"'{decidedOn}' is geen datum in de vorm jjjj-mm-dd.")]);
            }

            await _plans.RecordTransitionAsync(id, toPhase, date, note, User.ToActor(), cancellationToken);
            return _t["Plan.TransitionSaved"].Value;
        });

    private async Task<IActionResult> ChangeAsync(long id, Func<Task<string>> change)
    {
        try
        {
            Message = await change();
        }
        catch (ValidationException ex)
        {
            Errors = string.Join("\n", ex.Errors.Select(e => e.Message));
        }

        return LocalRedirect($"/projecten/{id}/plan");
    }
}
