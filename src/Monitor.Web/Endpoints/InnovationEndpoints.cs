using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Innovation;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// The innovation itself under /api/v1/projects/{id}: core-elements (read: every project role; change: projectleider),
/// fidelity-checklists (post: all who see meeting details, a deelnemer self-reports only), fidelity (aggregates: all but
/// the deelnemer; management from 5 checklists up) and reach (read: all but the deelnemer; save: projectleider).
/// </summary>
internal static class InnovationEndpoints
{
    public static RouteGroupBuilder MapInnovationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Innovation")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(ApiResults.RefuseInvalidAsync);
        var manage = ProjectAccess.PolicyName(Capability.ManageProject);
        var reports = ProjectAccess.PolicyName(Capability.ViewReports);

        group.MapGet("/core-elements", GetElementsAsync).RequireAuthorization(ProjectAccess.PolicyName(Capability.ViewProject));
        group.MapPost("/core-elements", AddElementAsync).RequireAuthorization(manage);
        group.MapPost("/fidelity-checklists", RecordChecklistAsync).RequireAuthorization(ProjectAccess.PolicyName(Capability.ViewMeetingDetails));
        group.MapGet("/fidelity", GetFidelityAsync).RequireAuthorization(reports);
        group.MapGet("/reach", GetReachAsync).RequireAuthorization(reports);
        group.MapPut("/reach", SaveReachAsync).RequireAuthorization(manage);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<CoreElement>>, ProblemHttpResult>> GetElementsAsync(long id, CoreElementStore elements, CancellationToken cancellationToken) =>
        await elements.ListAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found) : ApiResults.ProjectNotFound(id);

    /// <summary>Either one element (name, deliveredWhen) or all items of a built-in framework (framework).</summary>
    private static async Task<Results<Ok<IReadOnlyList<CoreElement>>, ValidationProblem, ProblemHttpResult>> AddElementAsync(long id, CoreElementBody body, HttpContext http,
        CoreElementStore elements, CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var found = string.IsNullOrWhiteSpace(body.Framework)
            ? await elements.AddAsync(id, body.Name ?? "", body.DeliveredWhen ?? "", actor, cancellationToken) is not null
            : await elements.AdoptAsync(id, body.Framework.Trim(), actor, cancellationToken) is not null;
        return found ? TypedResults.Ok((await elements.ListAsync(id, cancellationToken))!) : ApiResults.ProjectNotFound(id);
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> RecordChecklistAsync(long id, ChecklistBody body, HttpContext http,
        FidelityStore fidelity, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var on = input.RequiredDate(body.ConversationOn, "conversationOn", "de datum van het gesprek");
        var kind = input.Code<ChecklistKind>(body.Kind, "kind", "soort checklist") ?? ChecklistKind.Zelfrapportage;
        // observations are made by projectleider and onderzoeker; a deelnemer reports on their own conversations
        if (kind == ChecklistKind.Observatie && !(await authorization.AuthorizeAsync(http.User, http, ProjectAccess.PolicyName(Capability.ManageFindings))).Succeeded)
        {
            input.Add("kind", "Alleen de projectleider en de onderzoeker vullen observaties in; kies zelfrapportage.");
        }

        if (input.HasErrors)
        {
            return input.Problem();
        }

        var draft = new ChecklistDraft { Team = body.Team ?? "", ConversationOn = on!.Value, Kind = kind, Delivered = body.Delivered ?? [], Note = body.Note ?? "" };
        return await fidelity.RecordAsync(id, draft, http.User.ToActor(), cancellationToken) is { } checklistId
            ? ApiResults.Created($"/api/v1/projects/{id}/fidelity#{checklistId}", checklistId)
            : ApiResults.ProjectNotFound(id);
    }

    private static async Task<Results<Ok<FidelitySummary>, ProblemHttpResult>> GetFidelityAsync(long id, HttpContext http, CoreElementStore elements, FidelityStore fidelity,
        IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        if (await elements.ListAsync(id, cancellationToken) is not { } found)
        {
            return ApiResults.ProjectNotFound(id);
        }

        // who may not see the raw material (management) sees aggregates from 5 checklists up
        var team = (await authorization.AuthorizeAsync(http.User, http, ProjectAccess.PolicyName(Capability.ViewMeetingDetails))).Succeeded;
        return TypedResults.Ok(Fidelity.Summarise(found, await fidelity.ListAsync(id, cancellationToken: cancellationToken), team ? 1 : Fidelity.ManagementMinimum));
    }

    private static async Task<Results<Ok<ReachResponse>, ProblemHttpResult>> GetReachAsync(long id, ReachStore reach, Monitor.Core.Projects.ProjectStore projects, CancellationToken cancellationToken)
    {
        if (await reach.ListAsync(id, cancellationToken) is not { } counts || await projects.FindAsync(id, cancellationToken) is not { } project)
        {
            return ApiResults.ProjectNotFound(id);
        }

        return TypedResults.Ok(new ReachResponse(counts, Reach.Totals(counts), Reach.Sustain(counts, project.EndDate)));
    }

    private static async Task<Results<Ok<IReadOnlyList<ReachCount>>, ValidationProblem, ProblemHttpResult>> SaveReachAsync(long id, ReachBody body, HttpContext http, ReachStore reach,
        CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var month = input.Month(body.Month, "month", "de maand");
        if (month is null && !input.HasErrors)
        {
            input.Add("month", "Vul de maand in (jjjj-mm).");
        }

        if (input.HasErrors)
        {
            return input.Problem();
        }

        var count = new ReachCount
        {
            Team = body.Team ?? "",
            Month = new DateOnly(month!.Value.Year, month.Value.Month, 1),
            Professionals = body.Professionals,
            Trained = body.Trained,
            Users = body.Users,
            TargetClients = body.TargetClients,
            ClientsReached = body.ClientsReached,
        };
        return await reach.SaveAsync(id, count, http.User.ToActor(), cancellationToken)
            ? TypedResults.Ok((await reach.ListAsync(id, cancellationToken))!)
            : ApiResults.ProjectNotFound(id);
    }

    internal sealed record CoreElementBody(string? Name, string? DeliveredWhen, string? Framework);

    internal sealed record ChecklistBody(string? Team, string? ConversationOn, string? Kind, IReadOnlyList<long>? Delivered, string? Note);

    internal sealed record ReachBody(string? Team, string? Month, int Professionals, int Trained, int Users, int TargetClients, int ClientsReached);

    internal sealed record ReachResponse(IReadOnlyList<ReachCount> Counts, IReadOnlyList<ReachRow> Totals, IReadOnlyList<Sustainment> Sustainment);
}
