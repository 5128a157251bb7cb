using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// /api/v1/projects/{id}: groups with their members (history included), metrics and cadence gaps, a member's account
/// link and personal data, and the calendar feed of a group. Management gets a group's figures, not its members.
/// </summary>
internal static class GroupEndpoints
{
    public static RouteGroupBuilder MapGroupEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Groups")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(ApiResults.RefuseInvalidAsync);
        var view = ProjectAccess.PolicyName(Capability.ViewProject);
        var manage = ProjectAccess.PolicyName(Capability.ManageProject);

        group.MapGet("/groups", ListGroupsAsync).RequireAuthorization(view);
        group.MapPost("/groups", CreateGroupAsync).RequireAuthorization(manage);
        group.MapGet("/groups/{groupId:long}", GetGroupAsync).RequireAuthorization(view);
        group.MapPut("/groups/{groupId:long}", UpdateGroupAsync).RequireAuthorization(manage);
        group.MapPost("/groups/{groupId:long}/members", AddMemberAsync).RequireAuthorization(manage);
        group.MapPost("/members/{memberId:long}/leave", LeaveAsync).RequireAuthorization(manage);
        group.MapPut("/members/{memberId:long}/account", LinkAccountAsync).RequireAuthorization(manage);
        group.MapGet("/members/{memberId:long}/personal-data", MemberDataAsync).RequireAuthorization(manage);
        group.MapGet("/groups/{groupId:long}/calendar.ics", CalendarAsync).RequireAuthorization(view);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<GroupInfo>>, ProblemHttpResult>> ListGroupsAsync(long id, GroupStore groups, CancellationToken cancellationToken) =>
        await groups.ListGroupsAsync(id, cancellationToken) is { } list ? TypedResults.Ok(list) : ApiResults.ProjectNotFound(id);

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> CreateGroupAsync(long id, GroupBody body, HttpContext http, GroupStore groups, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var settings = body.ToSettings(input);
        if (settings is null)
        {
            return input.Problem();
        }

        return await groups.CreateGroupAsync(id, settings, http.User.ToActor(), cancellationToken) is { } groupId
            ? ApiResults.Created($"/api/v1/projects/{id}/groups/{groupId}", groupId)
            : ApiResults.ProjectNotFound(id);
    }

    private static async Task<Results<Ok<GroupResponse>, ProblemHttpResult>> GetGroupAsync(
        long id, long groupId, HttpContext http, GroupStore groups, MeetingQueries queries, ProjectStore projects, IAuthorizationService authorization, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await groups.FindGroupAsync(id, groupId, cancellationToken) is not { } detail)
        {
            return ApiResults.GroupNotFound(groupId);
        }

        var metrics = MeetingMetrics.Compute(await queries.GetFactsAsync(groupId, cancellationToken));
        var project = await projects.FindAsync(id, cancellationToken);
        var held = detail.Meetings.Where(m => m.Status == MeetingStatus.Gehouden).Select(m => m.HeldOn);
        var gaps = CadenceCheck.FindGaps(held, detail.Group.CadenceDays, DutchClock.Today(time), project?.EndDate);
        // As on the group page: who sits in a group (role labels may be names) is detail management does not get.
        var audience = await Audiences.ForAsync(authorization, http);
        return TypedResults.Ok(new GroupResponse(
            detail.Group,
            detail.For(audience).Members,
            [.. detail.Meetings.Select(m => MeetingSummary.From(m).For(audience))],
            metrics.For(audience),
            gaps));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateGroupAsync(long id, long groupId, GroupBody body, HttpContext http, GroupStore groups, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var settings = body.ToSettings(input);
        if (settings is null)
        {
            return input.Problem();
        }

        return await groups.UpdateGroupAsync(id, groupId, settings, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : ApiResults.GroupNotFound(groupId);
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> AddMemberAsync(long id, long groupId, MemberBody body, HttpContext http, GroupStore groups, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var joinedOn = input.Date(body.JoinedOn, "joinedOn", "de datum van toetreden");
        var leftOn = input.Date(body.LeftOn, "leftOn", "de vertrekdatum");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        var member = new MemberDraft { RoleLabel = body.RoleLabel ?? "", Organisation = body.Organisation ?? "", JoinedOn = joinedOn, LeftOn = leftOn };
        return await groups.AddMemberAsync(id, groupId, member, body.ReplacesMemberId, http.User.ToActor(), cancellationToken) is { } memberId
            ? ApiResults.Created($"/api/v1/projects/{id}/groups/{groupId}", memberId)
            : ApiResults.GroupNotFound(groupId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LinkAccountAsync(long id, long memberId, AccountLinkBody body, HttpContext http, MemberDataStore members, CancellationToken cancellationToken) =>
        await members.LinkAccountAsync(id, memberId, body.UserId, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : MemberNotFound(memberId);

    private static async Task<Results<Ok<MemberPersonalData>, ProblemHttpResult>> MemberDataAsync(long id, long memberId, MemberDataStore members, CancellationToken cancellationToken) =>
        await members.ExportAsync(id, memberId, cancellationToken) is { } data
            ? TypedResults.Ok(data)
            : MemberNotFound(memberId);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> LeaveAsync(long id, long memberId, LeaveBody body, HttpContext http, GroupStore groups, TimeProvider time, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var leftOn = input.Date(body.LeftOn, "leftOn", "de vertrekdatum");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await groups.SetMemberLeftAsync(id, memberId, leftOn ?? DutchClock.Today(time), http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : MemberNotFound(memberId);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> CalendarAsync(long id, long groupId, GroupStore groups, MeetingStore meetings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await groups.FindGroupAsync(id, groupId, cancellationToken) is not { } detail)
        {
            return ApiResults.GroupNotFound(groupId);
        }

        var events = CalendarFeed.Events(detail, await meetings.CalendarRevisionsAsync(groupId, cancellationToken));
        var calendar = ICalendarWriter.Write(detail.Group.Name, events, time.GetUtcNow());
        return TypedResults.Text(calendar, "text/calendar; charset=utf-8");
    }

    private static ProblemHttpResult MemberNotFound(long memberId) => ApiResults.NotFound("Lid niet gevonden", $"Dit project heeft geen groepslid {memberId}.");

    internal sealed record GroupBody(string? Kind, string? Name, string? Purpose, string? Cadence, int? CadenceDays, bool? ReflectionsAnonymous)
    {
        public GroupSettings? ToSettings(FieldParser input)
        {
            var kind = input.Code<GroupKind>(Kind, "kind", "soort groep");
            if (kind is null && string.IsNullOrWhiteSpace(Kind))
            {
                input.Add("kind", "Kies de soort groep, bijvoorbeeld ontwikkelgroep.");
            }

            return input.HasErrors ? null : new GroupSettings
            {
                Kind = kind!.Value,
                Name = Name ?? "",
                Purpose = Purpose ?? "",
                Cadence = Cadence ?? "",
                CadenceDays = CadenceDays,
                ReflectionsAnonymous = ReflectionsAnonymous ?? false,
            };
        }
    }

    internal sealed record MemberBody(string? RoleLabel, string? Organisation, string? JoinedOn, string? LeftOn, long? ReplacesMemberId);

    internal sealed record LeaveBody(string? LeftOn);

    internal sealed record AccountLinkBody(long? UserId);

    /// <summary>A group with its members (history included), its meetings without their minutes, metrics and cadence gaps.</summary>
    internal sealed record GroupResponse(GroupInfo Group, IReadOnlyList<MemberInfo> Members, IReadOnlyList<MeetingSummary> Meetings, GroupMetrics Metrics, IReadOnlyList<CadenceGap> CadenceGaps);
}
