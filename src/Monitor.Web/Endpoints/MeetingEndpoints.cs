using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;
using Monitor.Core.Meetings;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// /api/v1/projects/{id}: meetings with attendance, guests, agenda, minutes, decisions and action items, and full-text
/// search. Reading a meeting itself (minutes, reflections) needs <see cref="Capability.ViewMeetingDetails"/>, which
/// management does not have.
/// </summary>
internal static class MeetingEndpoints
{
    public static RouteGroupBuilder MapMeetingEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Meetings")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(ApiResults.RefuseInvalidAsync);
        var view = ProjectAccess.PolicyName(Capability.ViewProject);
        var details = ProjectAccess.PolicyName(Capability.ViewMeetingDetails);
        var manage = ProjectAccess.PolicyName(Capability.ManageProject);

        group.MapGet("/meetings", ListMeetingsAsync).RequireAuthorization(view);
        group.MapGet("/meetings/search", SearchAsync).RequireAuthorization(details);
        group.MapPost("/groups/{groupId:long}/meetings", ScheduleMeetingAsync).RequireAuthorization(manage);
        group.MapGet("/meetings/{meetingId:long}", GetMeetingAsync).RequireAuthorization(details);
        group.MapPut("/meetings/{meetingId:long}", UpdateMeetingAsync).RequireAuthorization(manage);
        group.MapPut("/meetings/{meetingId:long}/minutes", SaveMinutesAsync).RequireAuthorization(manage);
        group.MapPut("/meetings/{meetingId:long}/minutes-approved", ApproveMinutesAsync).RequireAuthorization(manage);
        group.MapPut("/meetings/{meetingId:long}/attendance", SetAttendanceAsync).RequireAuthorization(manage);
        group.MapPost("/meetings/{meetingId:long}/guests", AddGuestAsync).RequireAuthorization(manage);
        group.MapDelete("/meetings/{meetingId:long}/guests/{guestId:long}", DeleteGuestAsync).RequireAuthorization(manage);
        group.MapPost("/meetings/{meetingId:long}/agenda-items", AddAgendaItemAsync).RequireAuthorization(manage);
        group.MapPut("/meetings/{meetingId:long}/agenda-items/{agendaItemId:long}", UpdateAgendaItemAsync).RequireAuthorization(manage);
        group.MapPost("/meetings/{meetingId:long}/agenda-items/{agendaItemId:long}/move", MoveAgendaItemAsync).RequireAuthorization(manage);
        group.MapDelete("/meetings/{meetingId:long}/agenda-items/{agendaItemId:long}", DeleteAgendaItemAsync).RequireAuthorization(manage);
        group.MapPost("/meetings/{meetingId:long}/decisions", AddDecisionAsync).RequireAuthorization(manage);
        group.MapDelete("/meetings/{meetingId:long}/decisions/{decisionId:long}", DeleteDecisionAsync).RequireAuthorization(manage);
        group.MapPost("/meetings/{meetingId:long}/action-items", AddActionItemAsync).RequireAuthorization(manage);
        group.MapPut("/action-items/{actionItemId:long}/status", SetActionItemStatusAsync).RequireAuthorization(manage);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<MeetingSummary>>, ProblemHttpResult>> ListMeetingsAsync(long id, long? groupId, MeetingStore meetings, CancellationToken cancellationToken) =>
        await meetings.ListMeetingsAsync(id, groupId, cancellationToken) is { } list
            ? TypedResults.Ok<IReadOnlyList<MeetingSummary>>([.. list.Select(MeetingSummary.From)])
            : ApiResults.ProjectNotFound(id);

    private static async Task<Results<Ok<IReadOnlyList<SearchResult>>, ValidationProblem>> SearchAsync(long id, string? q, MeetingQueries queries, CancellationToken cancellationToken)
    {
        try
        {
            var hits = await queries.SearchAsync(id, q ?? "", cancellationToken);
            return TypedResults.Ok<IReadOnlyList<SearchResult>>([.. hits.Select(SearchResult.From)]);
        }
        catch (ValidationException ex)
        {
            return ApiResults.Invalid(ex.Errors, "De zoekvraag is niet uitgevoerd");
        }
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> ScheduleMeetingAsync(long id, long groupId, MeetingBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var plan = body.ToPlan(input);
        if (plan is null)
        {
            return input.Problem();
        }

        return await meetings.ScheduleMeetingAsync(id, groupId, plan, http.User.ToActor(), cancellationToken) is { } meetingId
            ? ApiResults.Created($"/api/v1/projects/{id}/meetings/{meetingId}", meetingId)
            : ApiResults.GroupNotFound(groupId);
    }

    private static async Task<Results<Ok<MeetingDetail>, ProblemHttpResult>> GetMeetingAsync(long id, long meetingId, MeetingStore meetings, CancellationToken cancellationToken) =>
        // Returned as the store reads it: in an anonymous group the reflections come without their authors.
        await meetings.FindMeetingAsync(id, meetingId, cancellationToken) is { } meeting ? TypedResults.Ok(meeting) : ApiResults.MeetingNotFound(meetingId);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateMeetingAsync(long id, long meetingId, MeetingBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var plan = body.ToPlan(input);
        if (plan is null)
        {
            return input.Problem();
        }

        return await meetings.UpdateMeetingAsync(id, meetingId, plan, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : ApiResults.MeetingNotFound(meetingId);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SaveMinutesAsync(long id, long meetingId, MinutesBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        if (body.Minutes is null)
        {
            return ApiResults.Invalid("minutes", "Stuur het verslag mee in 'minutes' (een lege tekst wist het).");
        }

        return await meetings.SaveMinutesAsync(id, meetingId, body.Minutes, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : ApiResults.MeetingNotFound(meetingId);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ApproveMinutesAsync(long id, long meetingId, ApprovalBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        if (body.Approved is not { } approved)
        {
            return ApiResults.Invalid("approved", "Geef met 'approved' (true of false) aan of het verslag is vastgesteld.");
        }

        return await meetings.SetMinutesApprovedAsync(id, meetingId, approved, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : ApiResults.MeetingNotFound(meetingId);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetAttendanceAsync(long id, long meetingId, AttendanceBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var attendance = new Dictionary<long, AttendanceStatus>();
        foreach (var (line, index) in (body.Attendance ?? []).Select((line, index) => (line, index)))
        {
            var field = $"attendance[{index}]";
            if (line?.MemberId is not { } memberId)
            {
                input.Add(field, "Geef bij elke regel het lid (memberId).");
                continue;
            }

            var status = input.Code<AttendanceStatus>(line.Status, field, "aanwezigheid");
            if (status is null && string.IsNullOrWhiteSpace(line.Status))
            {
                input.Add(field, "Geef bij elke regel de aanwezigheid (status).");
            }
            else if (status is { } known && !attendance.TryAdd(memberId, known))
            {
                input.Add(field, $"Deelnemer {memberId} staat meer dan eens in de lijst.");
            }
        }

        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await meetings.SetAttendanceAsync(id, meetingId, attendance, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : ApiResults.MeetingNotFound(meetingId);
    }

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> AddGuestAsync(long id, long meetingId, GuestBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken) =>
        Child(id, meetingId, await meetings.AddGuestAsync(id, meetingId, body.Name ?? "", body.Organisation ?? "", http.User.ToActor(), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteGuestAsync(long id, long meetingId, long guestId, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken) =>
        await meetings.DeleteChildAsync(id, meetingId, MeetingChild.Guest, guestId, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : ApiResults.NotFound("Gast niet gevonden", $"Bijeenkomst {meetingId} van dit project heeft geen gast {guestId}.");

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> AddAgendaItemAsync(long id, long meetingId, AgendaItemBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken) =>
        Child(id, meetingId, await meetings.AddAgendaItemAsync(id, meetingId, body.Title ?? "", body.Notes ?? "", http.User.ToActor(), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateAgendaItemAsync(long id, long meetingId, long agendaItemId, AgendaItemBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken) =>
        await meetings.UpdateAgendaItemAsync(id, meetingId, agendaItemId, body.Title ?? "", body.Notes ?? "", http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : AgendaItemNotFound(meetingId, agendaItemId);

    /// <summary>Moves an agenda item one place up or down ("direction": "up" or "down").</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> MoveAgendaItemAsync(long id, long meetingId, long agendaItemId, MoveBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        if (body.Direction is not ("up" or "down"))
        {
            return ApiResults.Invalid("direction", "Geef met 'direction' aan of het agendapunt een plaats omhoog (up) of omlaag (down) gaat.");
        }

        return await meetings.MoveAgendaItemAsync(id, meetingId, agendaItemId, body.Direction == "up" ? -1 : 1, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : AgendaItemNotFound(meetingId, agendaItemId);
    }

    private static ProblemHttpResult AgendaItemNotFound(long meetingId, long agendaItemId) =>
        ApiResults.NotFound("Agendapunt niet gevonden", $"Bijeenkomst {meetingId} van dit project heeft geen agendapunt {agendaItemId}.");

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAgendaItemAsync(long id, long meetingId, long agendaItemId, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken) =>
        await meetings.DeleteChildAsync(id, meetingId, MeetingChild.AgendaItem, agendaItemId, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : AgendaItemNotFound(meetingId, agendaItemId);

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> AddDecisionAsync(long id, long meetingId, DecisionBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken) =>
        Child(id, meetingId, await meetings.AddDecisionAsync(id, meetingId, body.Text ?? "", http.User.ToActor(), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteDecisionAsync(long id, long meetingId, long decisionId, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken) =>
        await meetings.DeleteChildAsync(id, meetingId, MeetingChild.Decision, decisionId, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : ApiResults.NotFound("Besluit niet gevonden", $"Bijeenkomst {meetingId} van dit project heeft geen besluit {decisionId}.");

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> AddActionItemAsync(long id, long meetingId, ActionItemBody body, HttpContext http, ActionItemStore actions, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var dueOn = input.Date(body.DueOn, "dueOn", "de uiterste datum");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await actions.AddActionItemAsync(id, meetingId, body.Description ?? "", body.OwnerMemberId, dueOn, http.User.ToActor(), cancellationToken) is { } itemId
            ? ApiResults.Created($"/api/v1/projects/{id}/meetings/{meetingId}", itemId)
            : ApiResults.MeetingNotFound(meetingId);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetActionItemStatusAsync(long id, long actionItemId, ActionItemStatusBody body, HttpContext http, ActionItemStore actions, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var status = input.Code<ActionItemStatus>(body.Status, "status", "status");
        if (status is null && !input.HasErrors)
        {
            input.Add("status", "Kies een status: open, gedaan of vervallen.");
        }

        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await actions.SetActionItemStatusAsync(id, actionItemId, status!.Value, body.MeetingId, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : ApiResults.NotFound("Actiepunt niet gevonden", $"Dit project heeft geen actiepunt {actionItemId}.");
    }

    private static Results<Created<CreatedId>, ProblemHttpResult> Child(long id, long meetingId, long? childId) =>
        childId is { } created ? ApiResults.Created($"/api/v1/projects/{id}/meetings/{meetingId}", created) : ApiResults.MeetingNotFound(meetingId);

    internal sealed record MeetingBody(string? HeldOn, string? StartsAt, int? DurationMinutes, string? Location, string? Title, string? Status)
    {
        public MeetingPlan? ToPlan(FieldParser input)
        {
            var heldOn = input.Date(HeldOn, "heldOn", "de bijeenkomst");
            if (heldOn is null && string.IsNullOrWhiteSpace(HeldOn))
            {
                input.Add("heldOn", "Vul de datum van de bijeenkomst in (jjjj-mm-dd).");
            }

            var startsAt = input.Time(StartsAt, "startsAt", "het begin");
            var status = input.Code<MeetingStatus>(Status, "status", "status");
            return input.HasErrors ? null : new MeetingPlan
            {
                HeldOn = heldOn!.Value,
                StartsAt = startsAt,
                DurationMinutes = DurationMinutes,
                Location = Location?.Trim() ?? "",
                Title = Title ?? "",
                Status = status ?? MeetingStatus.Gepland,
            };
        }
    }

    internal sealed record MinutesBody(string? Minutes);

    internal sealed record ApprovalBody(bool? Approved);

    internal sealed record AttendanceBody(IReadOnlyList<AttendanceLine?>? Attendance);

    internal sealed record AttendanceLine(long? MemberId, string? Status);

    internal sealed record GuestBody(string? Name, string? Organisation);

    internal sealed record AgendaItemBody(string? Title, string? Notes);

    internal sealed record MoveBody(string? Direction);

    internal sealed record DecisionBody(string? Text);

    internal sealed record ActionItemBody(string? Description, long? OwnerMemberId, string? DueOn);

    internal sealed record ActionItemStatusBody(string? Status, long? MeetingId);

    /// <summary>A search hit with the marks around the matches as « and », which JSON clients can show as they are.</summary>
    internal sealed record SearchResult(string Kind, long MeetingId, string MeetingTitle, DateOnly HeldOn, string GroupName, string Snippet)
    {
        public static SearchResult From(SearchHit hit) => new(
            hit.Kind,
            hit.MeetingId,
            hit.MeetingTitle,
            hit.HeldOn,
            hit.GroupName,
            hit.Snippet.Replace(SearchHit.MarkStart, '«').Replace(SearchHit.MarkEnd, '»'));
    }
}
