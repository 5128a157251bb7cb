using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Coding;
using Monitor.Core.Privacy;
using Monitor.Core.Projects;
using Monitor.Web.Security;
using static Monitor.Web.Endpoints.CodingEndpoints;

namespace Monitor.Web.Endpoints;

/// <summary>
/// The coded material in and out: codebooks as REFI-QDA .qdc, the project as .qdpx and its codings as CSV (export
/// and import under /api/v1/projects/{id}), and the same downloads for the browser under the Dutch page paths.
/// All of it needs <see cref="Capability.CodeData"/>.
/// </summary>
internal static class ExchangeEndpoints
{
    public static RouteGroupBuilder MapExchangeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = MapCodingGroup(routes);
        group.MapGet("/codebooks/{codebookId:long}/codebook.qdc", ExportCodebookAsync);
        group.MapPost("/codebooks/import", ImportCodebookAsync);
        group.MapGet("/exports/project.qdpx", ExportQdpxAsync);
        group.MapGet("/exports/codings.csv", ExportCsvAsync);
        group.MapPost("/imports/qdpx", ImportQdpxAsync);
        group.MapGet("/file-coders", ListFileCodersAsync);
        group.MapPost("/file-coders/{fileCoderId:long}/account", MapFileCoderAsync);
        return group;
    }

    /// <summary>The same downloads for the browser, under the Dutch page paths (cookie login, CodeData).</summary>
    public static RouteGroupBuilder MapExchangeDownloads(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/projecten/{id:long}").RequireAuthorization(ProjectAccess.PolicyName(Capability.CodeData));
        group.MapGet("/codeboeken/{codebookId:long}.qdc", ExportCodebookAsync);
        group.MapGet("/codering/project.qdpx", ExportQdpxAsync);
        group.MapGet("/codering/coderingen.csv", ExportCsvAsync);
        return group;
    }

    private static async Task<IResult> ExportCodebookAsync(long id, long codebookId, CodebookExchange exchange, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        return await exchange.ExportAsync(id, codebookId, buffer, ct)
            ? Results.File(buffer.ToArray(), "application/xml", $"codeboek-{codebookId}.qdc")
            : ApiResults.NotFound("Codeboek niet gevonden", $"Project {id} kan codeboek {codebookId} niet gebruiken.");
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem>> ImportCodebookAsync(long id, string? name, HttpContext http, CodebookExchange exchange, CodebookStore codebooks, CancellationToken ct)
    {
        await using var body = await RequestBody.ReadAsync(http.Request, CodebookExchange.MaxQdcBytes, ct);
        var (bookName, _, _) = await exchange.ImportCodebookAsync(id, name ?? "", body, http.User.ToActor(), ct);
        var created = (await codebooks.ListCodebooksAsync(id, ct)).Last(b => b.Name == bookName);
        return ApiResults.Created($"/api/v1/projects/{id}/codebooks", created.Id);
    }

    private static async Task<IResult> ExportQdpxAsync(long id, ProjectExchange exchange, ProjectStore projects, CancellationToken ct)
    {
        if (await projects.FindAsync(id, ct) is not { } project)
        {
            return ApiResults.ProjectNotFound(id);
        }

        var buffer = new MemoryStream();
        await exchange.ExportQdpxAsync(id, buffer, ct);
        return Results.File(buffer.ToArray(), "application/zip", $"{project.Slug}.qdpx");
    }

    private static async Task<IResult> ExportCsvAsync(long id, string? scheiding, ProjectExchange exchange, ProjectStore projects, PrivacyStore privacy, CancellationToken ct)
    {
        if (await projects.FindAsync(id, ct) is not { } project)
        {
            return ApiResults.ProjectNotFound(id);
        }

        var bytes = await exchange.ExportCodingsCsvAsync(id, await privacy.GetPseudonymizerAsync(id, ct), string.Equals(scheiding, "komma", StringComparison.OrdinalIgnoreCase) ? ',' : ';', ct);
        return Results.File(bytes!, "text/csv; charset=utf-8", $"coderingen-{project.Slug}.csv");
    }

    private static async Task<Ok<IReadOnlyList<FileCoder>>> ListFileCodersAsync(long id, FileCoderStore fileCoders, CancellationToken ct) =>
        TypedResults.Ok(await fileCoders.ListAsync(id, ct));

    /// <summary>Body {"userId": n}: confirms that the file coder is that researcher of the project.</summary>
    private static async Task<IResult> MapFileCoderAsync(long id, long fileCoderId, FileCoderMapping body, FileCoderStore fileCoders, HttpContext http, CancellationToken ct) =>
        await fileCoders.MapAsync(id, fileCoderId, body.UserId ?? 0, http.User.ToActor(), ct)
            ? TypedResults.NoContent()
            : ApiResults.NotFound("Codeur niet gevonden", $"Project {id} heeft geen codeur {fileCoderId} uit een ingelezen bestand.");

    private static async Task<Ok<ProjectImportResult>> ImportQdpxAsync(long id, HttpContext http, ProjectExchange exchange, CancellationToken ct)
    {
        await using var body = await RequestBody.ReadAsync(http.Request, ProjectExchange.MaxQdpxBytes, ct);
        return TypedResults.Ok(await exchange.ImportQdpxAsync(id, body, http.User.ToActor(), ct));
    }
}
