using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;
using Monitor.Core.Planning;
using Monitor.Web.Planning;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>/api/v1/projects/{id}/plan: the plan with scores; activities, goals and phase decisions.</summary>
internal static class PlanEndpoints
{
    public static RouteGroupBuilder MapPlanEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects/{id:long}/plan").WithTags("Plan").AddEndpointFilter<BrowserAntiforgeryFilter>();
        var manage = ProjectAccess.PolicyName(Capability.ManageProject);

        group.MapGet("/", async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> (long id, PlanStore plans, TimeProvider time, CancellationToken cancellationToken) =>
            await plans.FindPlanAsync(id, cancellationToken) is { } plan
                ? TypedResults.Ok(PlanResponse.From(plan, DutchClock.Today(time)))
                : NotFound())
            .RequireAuthorization(ProjectAccess.PolicyName(Capability.ViewProject));

        group.MapGet("/scores", async Task<Results<Ok<IReadOnlyList<PhaseScore>>, ProblemHttpResult>> (long id, PlanStore plans, TimeProvider time, CancellationToken cancellationToken) =>
            await plans.FindPlanAsync(id, cancellationToken) is { } plan
                ? TypedResults.Ok(PlanScoring.Score(plan, DutchClock.Today(time)))
                : NotFound())
            .RequireAuthorization(ProjectAccess.PolicyName(Capability.ViewProject));

        group.MapPost("/activities", async Task<Results<Created<ActivityResponse>, ValidationProblem, ProblemHttpResult>> (long id, PlanActivityInput input, HttpContext http, PlanStore plans, CancellationToken cancellationToken) =>
        {
            var (draft, errors) = input.ToDraft();
            if (draft is null)
            {
                return ApiResults.Invalid(errors);
            }

            try
            {
                var activityId = await plans.CreateActivityAsync(id, draft, http.User.ToActor(), cancellationToken);
                var stored = (await plans.FindActivityAsync(id, activityId, cancellationToken))!;
                return TypedResults.Created($"/api/v1/projects/{id}/plan/activities/{activityId}", ActivityResponse.From(stored));
            }
            catch (ValidationException ex)
            {
                return ApiResults.Invalid(ex.Errors);
            }
        }).RequireAuthorization(manage);

        group.MapPut("/activities/{activityId:long}", async Task<Results<Ok<ActivityResponse>, ValidationProblem, ProblemHttpResult>> (long id, long activityId, PlanActivityInput input, HttpContext http, PlanStore plans, CancellationToken cancellationToken) =>
        {
            var (draft, errors) = input.ToDraft();
            if (draft is null)
            {
                return ApiResults.Invalid(errors);
            }

            try
            {
                return await plans.UpdateActivityAsync(id, activityId, draft, http.User.ToActor(), cancellationToken)
                    ? TypedResults.Ok(ActivityResponse.From((await plans.FindActivityAsync(id, activityId, cancellationToken))!))
                    : ActivityNotFound(activityId);
            }
            catch (ValidationException ex)
            {
                return ApiResults.Invalid(ex.Errors);
            }
        }).RequireAuthorization(manage);

        group.MapPut("/activities/{activityId:long}/meetings", async Task<Results<Ok<ActivityResponse>, ValidationProblem, ProblemHttpResult>> (long id, long activityId, long[] meetingIds, HttpContext http, PlanStore plans, CancellationToken cancellationToken) =>
        {
            try
            {
                return await plans.SetActivityMeetingsAsync(id, activityId, meetingIds, http.User.ToActor(), cancellationToken)
                    ? TypedResults.Ok(ActivityResponse.From((await plans.FindActivityAsync(id, activityId, cancellationToken))!))
                    : ActivityNotFound(activityId);
            }
            catch (ValidationException ex)
            {
                return ApiResults.Invalid(ex.Errors);
            }
        }).RequireAuthorization(manage);

        group.MapDelete("/activities/{activityId:long}", async Task<Results<NoContent, ProblemHttpResult>> (long id, long activityId, HttpContext http, PlanStore plans, CancellationToken cancellationToken) =>
            await plans.DeleteActivityAsync(id, activityId, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : ActivityNotFound(activityId))
            .RequireAuthorization(manage);

        group.MapPut("/goals/{phase:int}", async Task<Results<NoContent, ValidationProblem>> (long id, int phase, GoalBody body, HttpContext http, PlanStore plans, CancellationToken cancellationToken) =>
        {
            try
            {
                await plans.SetGoalAsync(id, phase, body.Goal, http.User.ToActor(), cancellationToken);
                return TypedResults.NoContent();
            }
            catch (ValidationException ex)
            {
                return ApiResults.Invalid(ex.Errors);
            }
        }).RequireAuthorization(manage);

        group.MapPost("/transitions", async Task<Results<Created, ValidationProblem>> (long id, TransitionBody body, HttpContext http, PlanStore plans, TimeProvider time, CancellationToken cancellationToken) =>
        {
            try
            {
                await plans.RecordTransitionAsync(id, body.ToPhase, body.DecidedOn ?? DutchClock.Today(time), body.Note, http.User.ToActor(), cancellationToken);
                return TypedResults.Created($"/api/v1/projects/{id}/plan");
            }
            catch (ValidationException ex)
            {
                return ApiResults.Invalid(ex.Errors);
            }
        }).RequireAuthorization(manage);

        return group;
    }

    // Title only, as this API has always answered; ApiResults.ProjectNotFound would add a detail.
    private static ProblemHttpResult NotFound() => ApiResults.NotFound("Project niet gevonden");

    private static ProblemHttpResult ActivityNotFound(long activityId) => ApiResults.NotFound("Activiteit niet gevonden", $"Dit project heeft geen activiteit {activityId}.");

    internal sealed record GoalBody(string? Goal);

    internal sealed record TransitionBody(int ToPhase, DateOnly? DecidedOn, string? Note);

    internal sealed record ActivityResponse(long Id, PlanActivityInput Fields, IReadOnlyList<long> MeetingIds)
    {
        public static ActivityResponse From(PlanActivity activity) => new(activity.Id, PlanActivityInput.From(activity.Fields), activity.MeetingIds);
    }

    internal sealed record PlanResponse(int CurrentPhase, IReadOnlyList<PhaseGoal> Goals, IReadOnlyList<ActivityResponse> Activities, IReadOnlyList<PhaseTransition> Transitions, IReadOnlyList<PhaseScore> Scores, int? SuggestedNextPhase)
    {
        public static PlanResponse From(ImplementationPlan plan, DateOnly today)
        {
            var scores = PlanScoring.Score(plan, today);
            return new(plan.CurrentPhase, plan.Goals, plan.Activities.Select(ActivityResponse.From).ToList(), plan.Transitions, scores, PlanScoring.SuggestNextPhase(scores));
        }
    }
}
