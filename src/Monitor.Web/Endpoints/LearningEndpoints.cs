using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Learning;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// /api/v1/projects/{id}/learning-agenda (read: all but management; change: projectleider and onderzoeker) and
/// /api/v1/projects/{id}/timeline (read: every project role; high and low points: all but management, a deelnemer for their own group).
/// </summary>
internal static class LearningEndpoints
{
    public static RouteGroupBuilder MapLearningEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Learning")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(ApiResults.RefuseInvalidAsync);
        var details = ProjectAccess.PolicyName(Capability.ViewMeetingDetails);
        var edit = ProjectAccess.PolicyName(Capability.ManageFindings);

        group.MapGet("/learning-agenda", GetAgendaAsync).RequireAuthorization(details);
        group.MapPost("/learning-agenda", CreateItemAsync).RequireAuthorization(edit);
        group.MapPut("/learning-agenda/{itemId:long}", UpdateItemAsync).RequireAuthorization(edit);
        group.MapGet("/learning-agenda/suggestions", GetSuggestionsAsync).RequireAuthorization(edit);
        group.MapGet("/timeline", GetTimelineAsync).RequireAuthorization(ProjectAccess.PolicyName(Capability.ViewProject));
        group.MapPost("/timeline/moments", AddMomentAsync).RequireAuthorization(details);
        return group;
    }

    private static async Task<Results<Ok<AgendaResponse>, ValidationProblem, ProblemHttpResult>> GetAgendaAsync(long id, string? on, LearningAgendaStore agenda, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var day = input.Date(on, "on", "de datum");
        if (input.HasErrors)
        {
            return input.Problem("De leeragenda is niet opgehaald");
        }

        if (await agenda.ListAsync(id, cancellationToken) is not { } items)
        {
            return ApiResults.ProjectNotFound(id);
        }

        return TypedResults.Ok(new AgendaResponse(items, day, day is { } d ? [.. LearningAgenda.At(items, d).Select(e => new AgendaOnEntry(e.Item.Id, e.Status))] : null));
    }

    private static async Task<Results<Ok<IReadOnlyList<LearningSuggestion>>, ProblemHttpResult>> GetSuggestionsAsync(long id, LearningAgendaStore agenda, CancellationToken cancellationToken) =>
        await agenda.ListAsync(id, cancellationToken) is null
            ? ApiResults.ProjectNotFound(id)
            : TypedResults.Ok(LearningSuggester.Suggest(await agenda.LessAnswersAsync(id, cancellationToken)));

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> CreateItemAsync(long id, LearningItemBody body, HttpContext http, LearningAgendaStore agenda, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        if (body.ToDraft(input) is not { } draft)
        {
            return input.Problem();
        }

        return await agenda.CreateAsync(id, draft, http.User.ToActor(), cancellationToken) is { } itemId
            ? ApiResults.Created($"/api/v1/projects/{id}/learning-agenda#{itemId}", itemId)
            : ApiResults.ProjectNotFound(id);
    }

    private static async Task<Results<Ok<LearningItem>, ValidationProblem, ProblemHttpResult>> UpdateItemAsync(long id, long itemId, LearningItemBody body, HttpContext http, LearningAgendaStore agenda, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        if (body.ToDraft(input) is not { } draft)
        {
            return input.Problem();
        }

        return await agenda.UpdateAsync(id, itemId, draft, http.User.ToActor(), cancellationToken)
            ? TypedResults.Ok((await agenda.FindAsync(id, itemId, cancellationToken))!)
            : ApiResults.NotFound("Punt niet gevonden", $"De leeragenda van dit project heeft geen punt {itemId}.");
    }

    private static async Task<Results<Ok<ProjectTimeline>, ProblemHttpResult>> GetTimelineAsync(long id, long? groupId, TimelineStore timeline, CancellationToken cancellationToken) =>
        await timeline.ReadAsync(id, groupId, cancellationToken) is { } found ? TypedResults.Ok(found) : ApiResults.ProjectNotFound(id);

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> AddMomentAsync(long id, MomentBody body, HttpContext http, TimelineStore timeline,
        Microsoft.AspNetCore.Authorization.IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var kind = input.RequiredCode<MomentKind>(body.Kind, "kind", "soort moment");
        var on = input.RequiredDate(body.OccurredOn, "occurredOn", "de datum");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        // a deelnemer adds high and low points for their own group only; those who edit the agenda for any group
        var mayChooseAnyGroup = (await authorization.AuthorizeAsync(http.User, http, ProjectAccess.PolicyName(Capability.ManageFindings))).Succeeded;
        var draft = new MomentDraft { Kind = kind!.Value, OccurredOn = on!.Value, GroupId = body.GroupId, Title = body.Title ?? "", Story = body.Story ?? "" };
        return await timeline.AddMomentAsync(id, draft, http.User.ToActor(), mayChooseAnyGroup ? null : http.User.UserId() ?? 0, cancellationToken) is { } momentId
            ? ApiResults.Created($"/api/v1/projects/{id}/timeline#{momentId}", momentId)
            : ApiResults.ProjectNotFound(id);
    }

    internal sealed record AgendaOnEntry(long ItemId, LearningStatus Status);

    internal sealed record AgendaResponse(IReadOnlyList<LearningItem> Items, DateOnly? On, IReadOnlyList<AgendaOnEntry>? AgendaOn);

    internal sealed record SourceBody(string? Kind, long Id);

    internal sealed record MomentBody(string? Kind, string? OccurredOn, long? GroupId, string? Title, string? Story);

    internal sealed record LearningItemBody(string? Kind, string? Title, string? Description, string? Owner, string? Actions, string? Learned,
        string? Status, string? StatusOn, string? StatusNote, IReadOnlyList<SourceBody>? Sources)
    {
        public LearningItemDraft? ToDraft(FieldParser input)
        {
            ArgumentNullException.ThrowIfNull(input);
            var kind = input.RequiredCode<LearningItemKind>(Kind, "kind", "soort punt");
            var status = input.Code<LearningStatus>(Status, "status", "status");
            var statusOn = input.Date(StatusOn, "statusOn", "de datum van de status");
            var sources = new List<LearningSource>();
            foreach (var source in Sources ?? [])
            {
                if (input.RequiredCode<LearningSourceKind>(source.Kind, "sources", "soort bron") is { } sourceKind)
                {
                    sources.Add(new LearningSource(sourceKind, source.Id));
                }
            }

            return input.HasErrors ? null : new LearningItemDraft
            {
                Kind = kind!.Value,
                Title = Title ?? "",
                Description = Description ?? "",
                Owner = Owner ?? "",
                Actions = Actions ?? "",
                Learned = Learned ?? "",
                Status = status ?? LearningStatus.Open,
                StatusOn = statusOn,
                StatusNote = StatusNote ?? "",
                Sources = sources,
            };
        }
    }
}
