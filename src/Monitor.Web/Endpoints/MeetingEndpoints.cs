using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// /api/v1/projects/{id}: groups with their members, metrics and calendar; meetings with attendance, agenda,
/// minutes, decisions, action items and closing reflections; search. Reading a meeting itself (minutes,
/// reflections) needs <see cref="Capability.ViewMeetingDetails"/>, which management does not have.
/// </summary>
internal static class MeetingEndpoints
{
    private const string NotSaved = "De wijziging is niet opgeslagen";
    private const int DefaultDurationMinutes = 120;
    private static readonly TimeOnly _defaultStart = new(9, 0);

    public static RouteGroupBuilder MapMeetingEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Meetings")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(RefuseInvalidAsync);
        var view = ProjectAccess.PolicyName(Capability.ViewProject);
        var details = ProjectAccess.PolicyName(Capability.ViewMeetingDetails);
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
        group.MapDelete("/meetings/{meetingId:long}/agenda-items/{agendaItemId:long}", DeleteAgendaItemAsync).RequireAuthorization(manage);
        group.MapPost("/meetings/{meetingId:long}/decisions", AddDecisionAsync).RequireAuthorization(manage);
        group.MapDelete("/meetings/{meetingId:long}/decisions/{decisionId:long}", DeleteDecisionAsync).RequireAuthorization(manage);
        group.MapPost("/meetings/{meetingId:long}/action-items", AddActionItemAsync).RequireAuthorization(manage);
        group.MapPut("/action-items/{actionItemId:long}/status", SetActionItemStatusAsync).RequireAuthorization(manage);

        group.MapPost("/meetings/{meetingId:long}/reflections", SaveReflectionAsync).RequireAuthorization(manage);
        group.MapDelete("/reflections/{reflectionId:long}", DeleteReflectionAsync).RequireAuthorization(manage);
        group.MapPut("/reflections/{reflectionId:long}/follow-up", RecordFollowUpAsync).RequireAuthorization(manage);
        group.MapPost("/meetings/{meetingId:long}/reflection-links", CreateLinkAsync).RequireAuthorization(manage);
        group.MapDelete("/meetings/{meetingId:long}/reflection-links", RevokeLinksAsync).RequireAuthorization(manage);

        return group;
    }

    // ---------------------------------------------------------------- groups and members

    private static async Task<Results<Ok<IReadOnlyList<GroupInfo>>, ProblemHttpResult>> ListGroupsAsync(long id, MeetingStore meetings, CancellationToken cancellationToken) =>
        await meetings.ListGroupsAsync(id, cancellationToken) is { } groups ? TypedResults.Ok(groups) : ProjectNotFound(id);

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> CreateGroupAsync(long id, GroupBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        var input = new Input();
        var settings = body.ToSettings(input);
        if (settings is null)
        {
            return input.Problem();
        }

        return await meetings.CreateGroupAsync(id, settings, http.User.ToActor(), cancellationToken) is { } groupId
            ? TypedResults.Created($"/api/v1/projects/{id}/groups/{groupId}", new CreatedId(groupId))
            : ProjectNotFound(id);
    }

    private static async Task<Results<Ok<GroupResponse>, ProblemHttpResult>> GetGroupAsync(
        long id, long groupId, HttpContext http, MeetingStore meetings, ProjectStore projects, IAuthorizationService authorization, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await meetings.FindGroupAsync(id, groupId, cancellationToken) is not { } detail)
        {
            return GroupNotFound(groupId);
        }

        var metrics = MeetingMetrics.Compute(await meetings.GetFactsAsync(groupId, cancellationToken));
        var project = await projects.FindAsync(id, cancellationToken);
        var held = detail.Meetings.Where(m => m.Status == MeetingStatus.Gehouden).Select(m => m.HeldOn);
        var gaps = CadenceCheck.FindGaps(held, detail.Group.CadenceDays, DutchClock.Today(time), project?.EndDate);
        // As on the group page: who sits in a group (role labels may be names) is detail management does not get.
        var audience = await Audiences.ForAsync(authorization, http);
        return TypedResults.Ok(new GroupResponse(
            detail.Group,
            detail.For(audience).Members,
            [.. detail.Meetings.Select(MeetingSummary.From)],
            metrics.For(audience),
            gaps));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateGroupAsync(long id, long groupId, GroupBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        var input = new Input();
        var settings = body.ToSettings(input);
        if (settings is null)
        {
            return input.Problem();
        }

        return await meetings.UpdateGroupAsync(id, groupId, settings, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : GroupNotFound(groupId);
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> AddMemberAsync(long id, long groupId, MemberBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        var input = new Input();
        var joinedOn = input.Date(body.JoinedOn, "joinedOn", "de datum van toetreden");
        var leftOn = input.Date(body.LeftOn, "leftOn", "de vertrekdatum");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        var member = new MemberDraft { RoleLabel = body.RoleLabel ?? "", Organisation = body.Organisation ?? "", JoinedOn = joinedOn, LeftOn = leftOn };
        return await meetings.AddMemberAsync(id, groupId, member, body.ReplacesMemberId, http.User.ToActor(), cancellationToken) is { } memberId
            ? TypedResults.Created($"/api/v1/projects/{id}/groups/{groupId}", new CreatedId(memberId))
            : GroupNotFound(groupId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LinkAccountAsync(long id, long memberId, AccountLinkBody body, HttpContext http, MemberDataStore members, CancellationToken cancellationToken) =>
        await members.LinkAccountAsync(id, memberId, body.UserId, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : NotFound("Lid niet gevonden", $"Dit project heeft geen groepslid {memberId}.");

    private static async Task<Results<Ok<MemberPersonalData>, ProblemHttpResult>> MemberDataAsync(long id, long memberId, MemberDataStore members, CancellationToken cancellationToken) =>
        await members.ExportAsync(id, memberId, cancellationToken) is { } data
            ? TypedResults.Ok(data)
            : NotFound("Lid niet gevonden", $"Dit project heeft geen groepslid {memberId}.");

    internal sealed record AccountLinkBody(long? UserId);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> LeaveAsync(long id, long memberId, LeaveBody body, HttpContext http, MeetingStore meetings, TimeProvider time, CancellationToken cancellationToken)
    {
        var input = new Input();
        var leftOn = input.Date(body.LeftOn, "leftOn", "de vertrekdatum");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await meetings.SetMemberLeftAsync(id, memberId, leftOn ?? DutchClock.Today(time), http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : NotFound("Lid niet gevonden", $"Dit project heeft geen groepslid {memberId}.");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> CalendarAsync(long id, long groupId, MeetingStore meetings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await meetings.FindGroupAsync(id, groupId, cancellationToken) is not { } detail)
        {
            return GroupNotFound(groupId);
        }

        // Held meetings are history, not appointments; a cancelled one stays so that subscribers see it cancelled.
        var events = detail.Meetings
            .Where(m => m.Status is MeetingStatus.Gepland or MeetingStatus.Geannuleerd)
            .Select(m => new CalendarEvent(
                Uid: $"meeting-{m.Id}@implementatiemonitor",
                Summary: $"{detail.Group.Name}: {(string.IsNullOrWhiteSpace(m.Title) ? "bijeenkomst" : m.Title)}",
                Description: null,
                Location: m.Location,
                LocalStart: m.HeldOn.ToDateTime(m.StartsAt ?? _defaultStart),
                DurationMinutes: m.DurationMinutes ?? DefaultDurationMinutes,
                Cancelled: m.Status == MeetingStatus.Geannuleerd));
        var calendar = ICalendarWriter.Write(detail.Group.Name, events, time.GetUtcNow());
        return TypedResults.Text(calendar, "text/calendar; charset=utf-8");
    }

    // ---------------------------------------------------------------- meetings

    private static async Task<Results<Ok<IReadOnlyList<MeetingSummary>>, ProblemHttpResult>> ListMeetingsAsync(long id, long? groupId, MeetingStore meetings, CancellationToken cancellationToken) =>
        await meetings.ListMeetingsAsync(id, groupId, cancellationToken) is { } list
            ? TypedResults.Ok<IReadOnlyList<MeetingSummary>>([.. list.Select(MeetingSummary.From)])
            : ProjectNotFound(id);

    private static async Task<Results<Ok<IReadOnlyList<SearchResult>>, ValidationProblem>> SearchAsync(long id, string? q, MeetingStore meetings, CancellationToken cancellationToken)
    {
        try
        {
            var hits = await meetings.SearchAsync(id, q ?? "", cancellationToken);
            return TypedResults.Ok<IReadOnlyList<SearchResult>>([.. hits.Select(SearchResult.From)]);
        }
        catch (ValidationException ex)
        {
            return ValidationProblems.From(ex.Errors, "De zoekvraag is niet uitgevoerd");
        }
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> ScheduleMeetingAsync(long id, long groupId, MeetingBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        var input = new Input();
        var plan = body.ToPlan(input);
        if (plan is null)
        {
            return input.Problem();
        }

        return await meetings.ScheduleMeetingAsync(id, groupId, plan, http.User.ToActor(), cancellationToken) is { } meetingId
            ? TypedResults.Created($"/api/v1/projects/{id}/meetings/{meetingId}", new CreatedId(meetingId))
            : GroupNotFound(groupId);
    }

    private static async Task<Results<Ok<MeetingDetail>, ProblemHttpResult>> GetMeetingAsync(long id, long meetingId, MeetingStore meetings, CancellationToken cancellationToken) =>
        // Returned as the store reads it: in an anonymous group the reflections come without their authors.
        await meetings.FindMeetingAsync(id, meetingId, cancellationToken) is { } meeting ? TypedResults.Ok(meeting) : MeetingNotFound(meetingId);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateMeetingAsync(long id, long meetingId, MeetingBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        var input = new Input();
        var plan = body.ToPlan(input);
        if (plan is null)
        {
            return input.Problem();
        }

        return await meetings.UpdateMeetingAsync(id, meetingId, plan, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : MeetingNotFound(meetingId);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SaveMinutesAsync(long id, long meetingId, MinutesBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        if (body.Minutes is null)
        {
            return Input.Single("minutes", "Stuur het verslag mee in 'minutes' (een lege tekst wist het).");
        }

        return await meetings.SaveMinutesAsync(id, meetingId, body.Minutes, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : MeetingNotFound(meetingId);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ApproveMinutesAsync(long id, long meetingId, ApprovalBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        if (body.Approved is not { } approved)
        {
            return Input.Single("approved", "Geef met 'approved' (true of false) aan of het verslag is vastgesteld.");
        }

        return await meetings.SetMinutesApprovedAsync(id, meetingId, approved, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : MeetingNotFound(meetingId);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetAttendanceAsync(long id, long meetingId, AttendanceBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        var input = new Input();
        var attendance = new Dictionary<long, AttendanceStatus>();
        foreach (var (line, index) in (body.Attendance ?? []).Select((line, index) => (line, index)))
        {
            var field = $"attendance[{index}]";
            if (line?.MemberId is not { } memberId)
            {
                input.Add(field, "Geef bij elke regel het lid (memberId).");
                continue;
            }

            var status = input.Code<AttendanceStatus>(line.Status, field, "aanwezigheid", "aanwezig, afgemeld of afwezig");
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

        return await meetings.SetAttendanceAsync(id, meetingId, attendance, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : MeetingNotFound(meetingId);
    }

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> AddGuestAsync(long id, long meetingId, GuestBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken) =>
        Child(id, meetingId, await meetings.AddGuestAsync(id, meetingId, body.Name ?? "", body.Organisation ?? "", http.User.ToActor(), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteGuestAsync(long id, long meetingId, long guestId, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken) =>
        await meetings.DeleteChildAsync(id, meetingId, MeetingChild.Guest, guestId, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : NotFound("Gast niet gevonden", $"Bijeenkomst {meetingId} van dit project heeft geen gast {guestId}.");

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> AddAgendaItemAsync(long id, long meetingId, AgendaItemBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken) =>
        Child(id, meetingId, await meetings.AddAgendaItemAsync(id, meetingId, body.Title ?? "", body.Notes ?? "", http.User.ToActor(), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAgendaItemAsync(long id, long meetingId, long agendaItemId, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken) =>
        await meetings.DeleteChildAsync(id, meetingId, MeetingChild.AgendaItem, agendaItemId, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : NotFound("Agendapunt niet gevonden", $"Bijeenkomst {meetingId} van dit project heeft geen agendapunt {agendaItemId}.");

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> AddDecisionAsync(long id, long meetingId, DecisionBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken) =>
        Child(id, meetingId, await meetings.AddDecisionAsync(id, meetingId, body.Text ?? "", http.User.ToActor(), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteDecisionAsync(long id, long meetingId, long decisionId, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken) =>
        await meetings.DeleteChildAsync(id, meetingId, MeetingChild.Decision, decisionId, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : NotFound("Besluit niet gevonden", $"Bijeenkomst {meetingId} van dit project heeft geen besluit {decisionId}.");

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> AddActionItemAsync(long id, long meetingId, ActionItemBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        var input = new Input();
        var dueOn = input.Date(body.DueOn, "dueOn", "de uiterste datum");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await meetings.AddActionItemAsync(id, meetingId, body.Description ?? "", body.OwnerMemberId, dueOn, http.User.ToActor(), cancellationToken) is { } itemId
            ? TypedResults.Created($"/api/v1/projects/{id}/meetings/{meetingId}", new CreatedId(itemId))
            : MeetingNotFound(meetingId);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetActionItemStatusAsync(long id, long actionItemId, ActionItemStatusBody body, HttpContext http, MeetingStore meetings, CancellationToken cancellationToken)
    {
        var input = new Input();
        var status = input.Code<ActionItemStatus>(body.Status, "status", "status", "open, gedaan of vervallen");
        if (status is null && !input.HasErrors)
        {
            input.Add("status", "Kies een status: open, gedaan of vervallen.");
        }

        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await meetings.SetActionItemStatusAsync(id, actionItemId, status!.Value, body.MeetingId, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : NotFound("Actiepunt niet gevonden", $"Dit project heeft geen actiepunt {actionItemId}.");
    }

    // ---------------------------------------------------------------- reflections

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> SaveReflectionAsync(long id, long meetingId, ReflectionBody body, HttpContext http, ReflectionStore reflections, CancellationToken cancellationToken)
    {
        var input = new ReflectionInput { MemberId = body.MemberId, GuestId = body.GuestId, WentWell = body.WentWell ?? "", WentLess = body.WentLess ?? "" };
        return await reflections.SaveAsync(id, meetingId, input, "api", http.User.ToActor(), cancellationToken) is { } reflectionId
            ? TypedResults.Created($"/api/v1/projects/{id}/meetings/{meetingId}", new CreatedId(reflectionId))
            : MeetingNotFound(meetingId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteReflectionAsync(long id, long reflectionId, HttpContext http, ReflectionStore reflections, CancellationToken cancellationToken) =>
        await reflections.DeleteAsync(id, reflectionId, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : ReflectionNotFound(reflectionId);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RecordFollowUpAsync(long id, long reflectionId, FollowUpBody body, HttpContext http, ReflectionStore reflections, CancellationToken cancellationToken)
    {
        if (body.MeetingId is not { } meetingId)
        {
            return Input.Single("meetingId", "Geef de bijeenkomst (meetingId) waarin het antwoord is opgevolgd.");
        }

        return await reflections.RecordFollowUpAsync(id, reflectionId, meetingId, body.Text ?? "", http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : ReflectionNotFound(reflectionId);
    }

    private static async Task<Results<Created<LinkResponse>, ProblemHttpResult>> CreateLinkAsync(long id, long meetingId, LinkBody? body, HttpContext http, ReflectionStore reflections, CancellationToken cancellationToken)
    {
        var validFor = body?.ValidDays is { } days ? TimeSpan.FromDays(days) : ReflectionStore.DefaultLinkValidity;
        return await reflections.CreateLinkAsync(id, meetingId, validFor, http.User.ToActor(), cancellationToken) is { } link
            ? TypedResults.Created($"/reflectie/{link.Token}", new LinkResponse(link.Token, $"/reflectie/{link.Token}", link.ExpiresAt))
            : MeetingNotFound(meetingId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeLinksAsync(long id, long meetingId, HttpContext http, ReflectionStore reflections, CancellationToken cancellationToken) =>
        await reflections.RevokeLinksAsync(id, meetingId, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : MeetingNotFound(meetingId);

    // ---------------------------------------------------------------- shared

    /// <summary>Core refuses what breaks its rules with a <see cref="ValidationException"/>; every endpoint answers it the same way.</summary>
    private static async ValueTask<object?> RefuseInvalidAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ValidationException ex)
        {
            return ValidationProblems.From(ex.Errors, NotSaved);
        }
    }

    private static Results<Created<CreatedId>, ProblemHttpResult> Child(long id, long meetingId, long? childId) =>
        childId is { } created ? TypedResults.Created($"/api/v1/projects/{id}/meetings/{meetingId}", new CreatedId(created)) : MeetingNotFound(meetingId);

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    private static ProblemHttpResult ProjectNotFound(long id) => NotFound("Project niet gevonden", $"Er is geen project met id {id}.");

    private static ProblemHttpResult GroupNotFound(long groupId) => NotFound("Groep niet gevonden", $"Dit project heeft geen groep {groupId}.");

    private static ProblemHttpResult MeetingNotFound(long meetingId) => NotFound("Bijeenkomst niet gevonden", $"Dit project heeft geen bijeenkomst {meetingId}.");

    private static ProblemHttpResult ReflectionNotFound(long reflectionId) => NotFound("Reflectie niet gevonden", $"Dit project heeft geen reflectie {reflectionId}.");

    /// <summary>Collects Dutch messages for dates, times and codes sent as text, so bad input is a 400 naming the field.</summary>
    internal sealed class Input
    {
        private readonly List<ValidationError> _errors = [];

        public bool HasErrors => _errors.Count > 0;

        public static ValidationProblem Single(string field, string message) => ValidationProblems.From([new ValidationError(field, message)], NotSaved);

        public void Add(string field, string message) => _errors.Add(new ValidationError(field, message));

        public ValidationProblem Problem() => ValidationProblems.From(_errors, NotSaved);

        public DateOnly? Date(string? text, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Add(field, $"'{text}' is geen datum voor {label}; schrijf jjjj-mm-dd (bijvoorbeeld 2025-03-14).");
            return null;
        }

        public TimeOnly? Time(string? text, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return time;
            }

            Add(field, $"'{text}' is geen tijd voor {label}; schrijf uu:mm (bijvoorbeeld 09:30).");
            return null;
        }

        public T? Code<T>(string? text, string field, string label, string choices)
            where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (Codes.TryParse<T>(text.Trim(), out var value))
            {
                return value;
            }

            Add(field, $"'{text}' is geen {label}. Kies {choices}.");
            return null;
        }
    }

    internal sealed record CreatedId(long Id);

    internal sealed record GroupBody(string? Kind, string? Name, string? Purpose, string? Cadence, int? CadenceDays, bool? ReflectionsAnonymous)
    {
        public GroupSettings? ToSettings(Input input)
        {
            var kind = input.Code<GroupKind>(Kind, "kind", "soort groep", string.Join(", ", Enum.GetValues<GroupKind>().Select(k => k.ToCode())));
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

    internal sealed record MeetingBody(string? HeldOn, string? StartsAt, int? DurationMinutes, string? Location, string? Title, string? Status)
    {
        public MeetingPlan? ToPlan(Input input)
        {
            var heldOn = input.Date(HeldOn, "heldOn", "de bijeenkomst");
            if (heldOn is null && string.IsNullOrWhiteSpace(HeldOn))
            {
                input.Add("heldOn", "Vul de datum van de bijeenkomst in (jjjj-mm-dd).");
            }

            var startsAt = input.Time(StartsAt, "startsAt", "het begin");
            var status = input.Code<MeetingStatus>(Status, "status", "status", "gepland, gehouden of geannuleerd");
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

    internal sealed record DecisionBody(string? Text);

    internal sealed record ActionItemBody(string? Description, long? OwnerMemberId, string? DueOn);

    internal sealed record ActionItemStatusBody(string? Status, long? MeetingId);

    internal sealed record ReflectionBody(long? MemberId, long? GuestId, string? WentWell, string? WentLess);

    internal sealed record FollowUpBody(long? MeetingId, string? Text);

    internal sealed record LinkBody(int? ValidDays);

    internal sealed record LinkResponse(string Token, string Url, DateTimeOffset ExpiresAt);

    /// <summary>A group with its members (history included), its meetings without their minutes, metrics and cadence gaps.</summary>
    internal sealed record GroupResponse(GroupInfo Group, IReadOnlyList<MemberInfo> Members, IReadOnlyList<MeetingSummary> Meetings, GroupMetrics Metrics, IReadOnlyList<CadenceGap> CadenceGaps);

    /// <summary>A meeting without its minutes: what a list or a calendar needs.</summary>
    internal sealed record MeetingSummary(long Id, long GroupId, string Title, DateOnly HeldOn, string? StartsAt, int? DurationMinutes, MeetingStatus Status, string Location, bool MinutesApproved)
    {
        public static MeetingSummary From(MeetingRecord meeting) => new(
            meeting.Id,
            meeting.GroupId,
            meeting.Title,
            meeting.HeldOn,
            meeting.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
            meeting.DurationMinutes,
            meeting.Status,
            meeting.Location,
            meeting.MinutesApproved);
    }

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
