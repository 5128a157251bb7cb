using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;
using Monitor.Core.Planning;
using Monitor.Web.Forms;
using Monitor.Web.Planning;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// /api/v1/projects/{id}/plan: the plan with scores; activities, goals and phase decisions; plan versions (#23) — list,
/// save, read, status step and difference (read: every project role, as the plan; change: projectleider).
/// </summary>
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

        var view = ProjectAccess.PolicyName(Capability.ViewProject);
        group.MapGet("/versions", ListVersionsAsync).RequireAuthorization(view);
        group.MapPost("/versions", CreateVersionAsync).RequireAuthorization(manage);
        group.MapGet("/versions/{versionId:long}", GetVersionAsync).RequireAuthorization(view);
        group.MapPost("/versions/{versionId:long}/status", ChangeVersionStatusAsync).RequireAuthorization(manage);
        group.MapGet("/versions/{versionId:long}/diff", DiffVersionsAsync).RequireAuthorization(view);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<VersionResponse>>, ProblemHttpResult>> ListVersionsAsync(long id, PlanVersionStore versions, CancellationToken cancellationToken) =>
        await versions.ListAsync(id, cancellationToken) is { } found ? TypedResults.Ok<IReadOnlyList<VersionResponse>>([.. found.Select(VersionResponse.From)]) : NotFound();

    /// <summary>Saves the plan as it stands now as a new concept version (a frozen copy).</summary>
    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> CreateVersionAsync(long id, VersionBody body, HttpContext http, PlanVersionStore versions,
        CancellationToken cancellationToken)
    {
        try
        {
            return await versions.CreateAsync(id, body.Name, body.Note, http.User.ToActor(), cancellationToken) is { } versionId
                ? ApiResults.Created($"/api/v1/projects/{id}/plan/versions/{versionId}", versionId)
                : NotFound();
        }
        catch (ValidationException ex)
        {
            return ApiResults.Invalid(ex.Errors);
        }
    }

    private static async Task<Results<Ok<VersionDetailResponse>, ProblemHttpResult>> GetVersionAsync(long id, long versionId, PlanVersionStore versions, CancellationToken cancellationToken) =>
        await versions.FindAsync(id, versionId, cancellationToken) is { } version ? TypedResults.Ok(VersionDetailResponse.From(version)) : VersionNotFound(versionId);

    /// <summary>Ter bespreking (at a group or meeting, or with a role) or vastgesteld; a refused step answers 400 with the Dutch reason.</summary>
    private static async Task<Results<Ok<VersionResponse>, ValidationProblem, ProblemHttpResult>> ChangeVersionStatusAsync(long id, long versionId, PlanVersionStepInput body, HttpContext http,
        PlanVersionStore versions, TimeProvider time, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        if (body.ToDraft(input, DutchClock.Today(time)) is not { } step)
        {
            return input.Problem();
        }

        try
        {
            return await versions.ChangeStatusAsync(id, versionId, step, http.User.ToActor(), cancellationToken)
                ? TypedResults.Ok(VersionResponse.From((await versions.FindAsync(id, versionId, cancellationToken))!))
                : VersionNotFound(versionId);
        }
        catch (ValidationException ex)
        {
            return ApiResults.Invalid(ex.Errors, "De status is niet gewijzigd");
        }
    }

    /// <summary>What changed from version <paramref name="from"/> (default: the one before) to this one.</summary>
    private static async Task<Results<Ok<DiffResponse>, ProblemHttpResult>> DiffVersionsAsync(long id, long versionId, long? from, PlanVersionStore versions, CancellationToken cancellationToken)
    {
        var all = await versions.ListAsync(id, cancellationToken) ?? [];
        if (all.FirstOrDefault(v => v.Id == versionId) is not { } version)
        {
            return VersionNotFound(versionId);
        }

        var earlier = from is { } chosen ? all.FirstOrDefault(v => v.Id == chosen) : all.Where(v => v.Number < version.Number).MaxBy(v => v.Number);
        return earlier is null
            ? ApiResults.NotFound("Geen versie om mee te vergelijken", from is null ? $"Versie {versionId} is de eerste; kies met ?from= een andere versie." : $"Dit project heeft geen planversie {from}.")
            : TypedResults.Ok(DiffResponse.From(earlier, version, PlanDiff.Compare(earlier.Snapshot, version.Snapshot)));
    }

    private static ProblemHttpResult VersionNotFound(long versionId) => ApiResults.NotFound("Planversie niet gevonden", $"Dit project heeft geen planversie {versionId}.");

    internal sealed record VersionBody(string? Name, string? Note);

    internal sealed record StepResponse(string Status, DateOnly On, long? GroupId, string? Group, long? MeetingId, DateOnly? MeetingOn, string Who, string Note, string RecordedBy)
    {
        public static StepResponse From(PlanVersionStep s) => new(s.Status.ToCode(), s.HappenedOn, s.GroupId, s.GroupName, s.MeetingId, s.MeetingOn, s.Who, s.Note, s.RecordedBy);
    }

    internal sealed record VersionResponse(long Id, int Number, string Name, string Note, string Status, DateOnly SavedOn, DateOnly? AdoptedOn, string CreatedBy, int Activities,
        IReadOnlyList<StepResponse> Steps)
    {
        public static VersionResponse From(PlanVersion v) => new(v.Id, v.Number, v.Name, v.Note, v.Status.ToCode(), v.SavedOn, v.AdoptedOn, v.CreatedBy, v.Snapshot.Activities.Count,
            [.. v.Steps.Select(StepResponse.From)]);
    }

    internal sealed record SnapshotActivityResponse(long Id, PlanActivityInput Fields);

    internal sealed record VersionDetailResponse(VersionResponse Version, int CurrentPhase, IReadOnlyList<PhaseGoal> Goals, IReadOnlyList<SnapshotActivityResponse> Activities)
    {
        public static VersionDetailResponse From(PlanVersion v) => new(VersionResponse.From(v), v.Snapshot.CurrentPhase, v.Snapshot.Goals,
            [.. v.Snapshot.Activities.Select(a => new SnapshotActivityResponse(a.Id, PlanActivityInput.From(a.Fields)))]);
    }

    internal sealed record ActivityChangeResponse(string Kind, long ActivityId, int Phase, string Title, IReadOnlyList<FieldDifference> Fields);

    internal sealed record DiffResponse(long FromId, string FromName, long ToId, string ToName, int PhaseBefore, int PhaseAfter, IReadOnlyList<GoalChange> Goals,
        IReadOnlyList<ActivityChangeResponse> Activities)
    {
        public static DiffResponse From(PlanVersion from, PlanVersion to, PlanDiff diff) => new(from.Id, from.Name, to.Id, to.Name, diff.PhaseBefore, diff.PhaseAfter, diff.Goals,
            [.. diff.Activities.Select(a => new ActivityChangeResponse(a.Kind.ToCode(), a.ActivityId, a.Phase, a.Title, a.Fields))]);
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
