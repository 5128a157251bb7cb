using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Participation;
using Monitor.Web.Forms;
using Monitor.Web.Pages.Participation;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// /api/v1/projects/{id}/participation: client participation moments with their rung on the participation ladder and the
/// overview per rung (read: every project role; record, change, delete: projectleider and onderzoeker).
/// </summary>
internal static class ParticipationEndpoints
{
    public static RouteGroupBuilder MapParticipationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Participation")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(ApiResults.RefuseInvalidAsync);
        var edit = ProjectAccess.PolicyName(Capability.ManageFindings);

        group.MapGet("/participation", ListAsync).RequireAuthorization(ProjectAccess.PolicyName(Capability.ViewProject));
        group.MapPost("/participation", CreateAsync).RequireAuthorization(edit);
        group.MapPut("/participation/{momentId:long}", UpdateAsync).RequireAuthorization(edit);
        group.MapDelete("/participation/{momentId:long}", DeleteAsync).RequireAuthorization(edit);
        return group;
    }

    private static async Task<Results<Ok<ParticipationResponse>, ProblemHttpResult>> ListAsync(long id, ParticipationStore participation, CancellationToken cancellationToken) =>
        await participation.ListAsync(id, cancellationToken) is { } moments
            ? TypedResults.Ok(new ParticipationResponse(moments, ParticipationOverview.Of([.. moments])))
            : ApiResults.ProjectNotFound(id);

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> CreateAsync(long id, ParticipationBody body, HttpContext http, ParticipationStore participation, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        if (body.ToDraft(input) is not { } draft)
        {
            return input.Problem();
        }

        return await participation.CreateAsync(id, draft, http.User.ToActor(), cancellationToken) is { } momentId
            ? ApiResults.Created($"/api/v1/projects/{id}/participation#{momentId}", momentId)
            : ApiResults.ProjectNotFound(id);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateAsync(long id, long momentId, ParticipationBody body, HttpContext http, ParticipationStore participation, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        if (body.ToDraft(input) is not { } draft)
        {
            return input.Problem();
        }

        return await participation.UpdateAsync(id, momentId, draft, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : MomentNotFound(momentId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, long momentId, HttpContext http, ParticipationStore participation, CancellationToken cancellationToken) =>
        await participation.DeleteAsync(id, momentId, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : MomentNotFound(momentId);

    private static ProblemHttpResult MomentNotFound(long momentId) => ApiResults.NotFound("Moment niet gevonden", $"Dit project heeft geen participatiemoment {momentId}.");

    internal sealed record ParticipationResponse(IReadOnlyList<ParticipationMoment> Moments, ParticipationOverview Overview);

    internal sealed record ParticipationBody(long? GroupId, string? HeldOn, string? Level, string? Party, string? Asked, string? DoneWithIt, string? FedBackOn)
    {
        /// <summary>The draft, or null with the messages in <paramref name="input"/>; the same parsing as the page's form.</summary>
        public ParticipationDraft? ToDraft(FieldParser input) => ParticipationForm.ToDraft(input, GroupId, HeldOn, Level, Party, Asked, DoneWithIt, FedBackOn);
    }
}
