using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Projects;
using Monitor.Core.Storage;

namespace Monitor.Web.Endpoints;

/// <summary>GET /api/v1/projects and /api/v1/projects/{id}.</summary>
internal static class ProjectEndpoints
{
    public static RouteGroupBuilder MapProjectEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects").WithTags("Projects");

        group.MapGet("/", async Task<Ok<IReadOnlyList<ProjectSummary>>> (ProjectStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.ListAsync(cancellationToken)));

        group.MapGet("/{id:long}", async Task<Results<Ok<Project>, ProblemHttpResult>> (long id, ProjectStore store, CancellationToken cancellationToken) =>
            await store.FindAsync(id, cancellationToken) is { } project
                ? TypedResults.Ok(project)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Project niet gevonden", detail: $"Er is geen project met id {id}."));

        return group;
    }
}
