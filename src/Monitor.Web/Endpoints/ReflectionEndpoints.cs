using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Meetings;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>/api/v1/projects/{id}: closing reflections of a meeting, their follow-up, and reflection links (projectleider).</summary>
internal static class ReflectionEndpoints
{
    public static RouteGroupBuilder MapReflectionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Reflections")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(ApiResults.RefuseInvalidAsync);
        var manage = ProjectAccess.PolicyName(Capability.ManageProject);

        group.MapPost("/meetings/{meetingId:long}/reflections", SaveReflectionAsync).RequireAuthorization(manage);
        group.MapDelete("/reflections/{reflectionId:long}", DeleteReflectionAsync).RequireAuthorization(manage);
        group.MapPut("/reflections/{reflectionId:long}/follow-up", RecordFollowUpAsync).RequireAuthorization(manage);
        group.MapPost("/meetings/{meetingId:long}/reflection-links", CreateLinkAsync).RequireAuthorization(manage);
        group.MapDelete("/meetings/{meetingId:long}/reflection-links", RevokeLinksAsync).RequireAuthorization(manage);
        return group;
    }

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> SaveReflectionAsync(long id, long meetingId, ReflectionBody body, HttpContext http, ReflectionStore reflections, CancellationToken cancellationToken)
    {
        var input = new ReflectionInput { MemberId = body.MemberId, GuestId = body.GuestId, WentWell = body.WentWell ?? "", WentLess = body.WentLess ?? "" };
        return await reflections.SaveAsync(id, meetingId, input, "api", http.User.ToActor(), cancellationToken) is { } reflectionId
            ? ApiResults.Created($"/api/v1/projects/{id}/meetings/{meetingId}", reflectionId)
            : ApiResults.MeetingNotFound(meetingId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteReflectionAsync(long id, long reflectionId, HttpContext http, ReflectionStore reflections, CancellationToken cancellationToken) =>
        await reflections.DeleteAsync(id, reflectionId, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : ReflectionNotFound(reflectionId);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RecordFollowUpAsync(long id, long reflectionId, FollowUpBody body, HttpContext http, ReflectionStore reflections, CancellationToken cancellationToken)
    {
        if (body.MeetingId is not { } meetingId)
        {
            return ApiResults.Invalid("meetingId", "Geef de bijeenkomst (meetingId) waarin het antwoord is opgevolgd.");
        }

        return await reflections.RecordFollowUpAsync(id, reflectionId, meetingId, body.Text ?? "", http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : ReflectionNotFound(reflectionId);
    }

    private static async Task<Results<Created<LinkResponse>, ProblemHttpResult>> CreateLinkAsync(long id, long meetingId, LinkBody? body, HttpContext http, ReflectionLinkStore links, CancellationToken cancellationToken)
    {
        var validFor = body?.ValidDays is { } days ? TimeSpan.FromDays(days) : ReflectionLinkStore.DefaultLinkValidity;
        return await links.CreateLinkAsync(id, meetingId, validFor, http.User.ToActor(), cancellationToken) is { } link
            ? TypedResults.Created($"/reflectie/{link.Token}", new LinkResponse(link.Token, $"/reflectie/{link.Token}", link.ExpiresAt))
            : ApiResults.MeetingNotFound(meetingId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeLinksAsync(long id, long meetingId, HttpContext http, ReflectionLinkStore links, CancellationToken cancellationToken) =>
        await links.RevokeLinksAsync(id, meetingId, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : ApiResults.MeetingNotFound(meetingId);

    private static ProblemHttpResult ReflectionNotFound(long reflectionId) => ApiResults.NotFound("Reflectie niet gevonden", $"Dit project heeft geen reflectie {reflectionId}.");

    internal sealed record ReflectionBody(long? MemberId, long? GuestId, string? WentWell, string? WentLess);

    internal sealed record FollowUpBody(long? MeetingId, string? Text);

    internal sealed record LinkBody(int? ValidDays);

    internal sealed record LinkResponse(string Token, string Url, DateTimeOffset ExpiresAt);
}
