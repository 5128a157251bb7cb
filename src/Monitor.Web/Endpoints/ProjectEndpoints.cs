using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>/api/v1/projects: list (the caller's projects), one project, create (beheerder), audit trail.</summary>
internal static class ProjectEndpoints
{
    public static RouteGroupBuilder MapProjectEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects").WithTags("Projects").AddEndpointFilter<BrowserAntiforgeryFilter>();

        group.MapGet("/", async Task<Ok<IReadOnlyList<ProjectSummary>>> (HttpContext http, ProjectStore store, AccountStore accounts, CancellationToken cancellationToken) =>
        {
            var all = await store.ListAsync(cancellationToken);
            if (http.User.IsAdmin())
            {
                return TypedResults.Ok(all);
            }

            var roles = await accounts.GetProjectRolesAsync(http.User.UserId()!.Value, cancellationToken);
            return TypedResults.Ok<IReadOnlyList<ProjectSummary>>(all.Where(p => roles.ContainsKey(p.Id)).ToList());
        });

        group.MapGet("/{id:long}", async Task<Results<Ok<Project>, ProblemHttpResult>> (long id, HttpContext http, ProjectStore store, IAuthorizationService authorization, CancellationToken cancellationToken) =>
        {
            if (await store.FindAsync(id, cancellationToken) is not { } project)
            {
                return ApiResults.ProjectNotFound(id);
            }

            // Management gets the structure and counts, not the members or the raw meeting notes (one rule with the pages).
            return TypedResults.Ok(project.For(await Audiences.ForAsync(authorization, http)));
        }).RequireAuthorization(ProjectAccess.PolicyName(Capability.ViewProject));

        group.MapPost("/", async Task<Results<Created<Project>, ValidationProblem>> (ProjectDraft draft, HttpContext http, ProjectStore store, CancellationToken cancellationToken) =>
        {
            try
            {
                var id = await store.CreateAsync(draft, http.User.ToActor(), cancellationToken);
                return TypedResults.Created($"/api/v1/projects/{id}", (await store.FindAsync(id, cancellationToken))!);
            }
            catch (ValidationException ex)
            {
                return ApiResults.Invalid(ex.Errors, "Het project is niet opgeslagen");
            }
        }).RequireAuthorization(Policies.Admin);

        group.MapGet("/{id:long}/audit", async Task<Ok<IReadOnlyList<AuditEntry>>> (long id, string? entity, long? entityId, AuditStore audit, CancellationToken cancellationToken) =>
            TypedResults.Ok(await audit.ListAsync(projectId: id, entity: entity, entityId: entityId, cancellationToken: cancellationToken)))
            .RequireAuthorization(ProjectAccess.PolicyName(Capability.ViewAudit));

        return group;
    }
}
