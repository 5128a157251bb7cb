using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Coding;
using Monitor.Web.Security;
using static Monitor.Web.Endpoints.CodingEndpoints;

namespace Monitor.Web.Endpoints;

/// <summary>/api/v1/projects/{id}: the codebooks a project can use, its own codebooks and their codes (add, change, move, merge).</summary>
internal static class CodebookEndpoints
{
    public static RouteGroupBuilder MapCodebookEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = MapCodingGroup(routes);
        group.MapGet("/codebooks", async (long id, CodebookStore codebooks, CancellationToken ct) => TypedResults.Ok(await codebooks.ListCodebooksAsync(id, ct)));
        group.MapPost("/codebooks", CreateCodebookAsync);
        group.MapPost("/codebooks/{codebookId:long}/codes", AddCodeAsync);
        group.MapPut("/codes/{codeId:long}", UpdateCodeAsync);
        group.MapPost("/codes/{codeId:long}/merge", MergeCodeAsync);
        return group;
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem>> CreateCodebookAsync(long id, CodebookBody body, HttpContext http, CodebookStore codebooks, CancellationToken ct)
    {
        var bookId = await codebooks.CreateCodebookAsync(id, body.Name ?? "", body.Description ?? "", http.User.ToActor(), ct);
        return ApiResults.Created($"/api/v1/projects/{id}/codebooks", bookId);
    }

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> AddCodeAsync(long id, long codebookId, CodeBody body, HttpContext http, CodebookStore codebooks, CancellationToken ct) =>
        await codebooks.AddCodeAsync(id, codebookId, body.ToDraft(), http.User.ToActor(), ct) is { } codeId
            ? ApiResults.Created($"/api/v1/projects/{id}/codebooks", codeId)
            : ApiResults.NotFound("Codeboek niet gevonden", $"Project {id} heeft geen eigen codeboek {codebookId}; ingebouwde codeboeken (MIDI, Movisie, Bowen) zijn niet te wijzigen.");

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateCodeAsync(long id, long codeId, CodeBody body, HttpContext http, CodebookStore codebooks, CancellationToken ct) =>
        await codebooks.UpdateCodeAsync(id, codeId, body.ToDraft(), http.User.ToActor(), ct) ? TypedResults.NoContent() : CodeNotFound(codeId);

    private static async Task<Results<NoContent, ProblemHttpResult>> MergeCodeAsync(long id, long codeId, MergeBody body, HttpContext http, CodebookStore codebooks, CancellationToken ct) =>
        await codebooks.MergeCodeAsync(id, codeId, body.IntoCodeId, http.User.ToActor(), ct) ? TypedResults.NoContent() : CodeNotFound(codeId);

    private static ProblemHttpResult CodeNotFound(long codeId) => ApiResults.NotFound("Code niet gevonden", $"Code {codeId} is geen eigen code van dit project (ingebouwde codes zijn niet te wijzigen).");

    internal sealed record CodebookBody(string? Name, string? Description);

    internal sealed record CodeBody(string? NameNl, string? NameEn, string? Definition, string? Guidance, long? ParentId, string? Color)
    {
        public CodeDraft ToDraft() => new(NameNl ?? "", NameEn ?? "", Definition ?? "", Guidance ?? "", ParentId, string.IsNullOrWhiteSpace(Color) ? null : Color);
    }

    internal sealed record MergeBody(long IntoCodeId);
}
