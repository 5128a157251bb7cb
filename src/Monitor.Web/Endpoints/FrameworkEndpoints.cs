using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Frameworks;
using Monitor.Core.Innovation;

namespace Monitor.Web.Endpoints;

/// <summary>The reference frameworks, read-only: GET /api/v1/frameworks[/movisie|/midi|/bowen|/core-elements].</summary>
internal static class FrameworkEndpoints
{
    public static RouteGroupBuilder MapFrameworkEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/frameworks").WithTags("Frameworks");

        group.MapGet("/", async Task<Ok<IReadOnlyList<ReferenceFramework>>> (FrameworkStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.ListFrameworksAsync(cancellationToken)));

        group.MapGet("/movisie", async Task<Ok<IReadOnlyList<MovisiePhase>>> (FrameworkStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.ListPhasesAsync(cancellationToken)));

        group.MapGet("/midi", async Task<Ok<IReadOnlyList<MidiGroup>>> (FrameworkStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.ListMidiGroupsAsync(cancellationToken)));

        group.MapGet("/bowen", async Task<Ok<IReadOnlyList<BowenArea>>> (FrameworkStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.ListBowenAreasAsync(cancellationToken)));

        group.MapGet("/core-elements", async Task<Ok<IReadOnlyList<CoreElementFramework>>> (CoreElementStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.ListFrameworksAsync(cancellationToken)));

        return group;
    }
}
