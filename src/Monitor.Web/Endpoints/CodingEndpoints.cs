using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// /api/v1/projects/{id}: codings with undo, retrieval of coded fragments, the determinant matrix and code
/// frequencies. Also the coding API's group, which <see cref="CodebookEndpoints"/>, <see cref="CodingDocumentEndpoints"/>,
/// <see cref="RoundEndpoints"/> and <see cref="ExchangeEndpoints"/> map into as well: all of it needs
/// <see cref="Capability.CodeData"/> (the onderzoeker role) and answers invalid input with a Dutch validation problem.
/// </summary>
internal static class CodingEndpoints
{
    public static RouteGroupBuilder MapCodingEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = MapCodingGroup(routes);
        group.MapPost("/codings", AddCodingAsync);
        group.MapDelete("/codings/{codingId:long}", RemoveCodingAsync);
        group.MapPost("/codings/undo", UndoAsync);
        group.MapGet("/fragments", FragmentsAsync);
        group.MapGet("/matrix", async (long id, string? by, FragmentQueries fragments, CancellationToken ct) => TypedResults.Ok(MatrixBody.From(await fragments.MatrixAsync(id, by == "group", ct))));
        group.MapGet("/code-frequencies", async (long id, FragmentQueries fragments, CancellationToken ct) =>
            TypedResults.Ok((await fragments.FrequenciesAsync(id, ct)).Select(f => new { codeId = f.Code.Id, code = f.Code.NameNl, key = f.Code.Key, codebook = f.CodebookName, f.Codings, f.Documents, f.Facilitators, f.Barriers })));
        return group;
    }

    /// <summary>The coding API's group: /api/v1/projects/{id}, CodeData, antiforgery for browser calls, validation errors as problems.</summary>
    internal static RouteGroupBuilder MapCodingGroup(IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Coding")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(ApiResults.RefuseInvalidAsync)
            .RequireAuthorization(ProjectAccess.PolicyName(Capability.CodeData));

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> AddCodingAsync(long id, CodingRequest body, HttpContext http, CodingStore coding, CancellationToken ct)
    {
        var input = new FieldParser();
        if (input.RequiredCode<Valence>(body.Valence, "valence", "valentie") is not { } valence)
        {
            return input.Problem();
        }

        if (body.Start is not { } start || body.End is not { } end || body.CodeId is not { } codeId || body.DocumentId is not { } documentId)
        {
            return ApiResults.Invalid("start", "Geef documentId, codeId, start en end (in Unicode-codepunten, end exclusief).");
        }

        return await coding.AddCodingAsync(id, new CodingInput(documentId, codeId, start, end, valence, body.Memo ?? "", body.RoundId, body.Consensus ?? false), http.User.ToActor(), ct) is { } codingId
            ? ApiResults.Created($"/api/v1/projects/{id}/coding-documents/{documentId}", codingId)
            : ApiResults.NotFound("Document niet gevonden", $"Project {id} heeft geen document {documentId}.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveCodingAsync(long id, long codingId, HttpContext http, CodingStore coding, CancellationToken ct) =>
        await coding.RemoveCodingAsync(id, codingId, http.User.ToActor(), ct) ? TypedResults.NoContent() : ApiResults.NotFound("Codering niet gevonden", $"Project {id} heeft geen (actieve) codering {codingId}.");

    private static async Task<Ok<UndoBody>> UndoAsync(long id, HttpContext http, CodingStore coding, CancellationToken ct) =>
        TypedResults.Ok(new UndoBody(await coding.UndoAsync(id, http.User.ToActor(), ct) ?? "Er is niets om ongedaan te maken."));

    private static async Task<Results<Ok<IEnumerable<FragmentBody>>, ValidationProblem>> FragmentsAsync(long id, long? code, string? codeKey, long? group, int? phase, string? from, string? to, string? valence, long? coder, string? attribute, int? limit, FragmentQueries fragments, CancellationToken ct)
    {
        var input = new FieldParser();
        var filter = new FragmentFilter
        {
            CodeId = code,
            CodeKey = codeKey,
            GroupId = group,
            Phase = phase,
            From = input.Date(from, "from", "het begin van de periode"),
            To = input.Date(to, "to", "het einde van de periode"),
            Valence = input.Code<Valence>(valence, "valence", "valentie"),
            CoderId = coder,
            Attribute = DocumentVariable.Parse(attribute),
            Limit = Math.Clamp(limit ?? 1000, 1, 10000),
        };
        if (!string.IsNullOrWhiteSpace(attribute) && filter.Attribute is null)
        {
            input.Add("attribute", $"'{attribute}' is geen kenmerk; schrijf naam=waarde (bijvoorbeeld Conditie=getraind).");
        }

        if (input.HasErrors)
        {
            return input.Problem("Ongeldig filter");
        }

        return TypedResults.Ok((await fragments.ListFragmentsAsync(id, filter, ct)).Select(FragmentBody.From));
    }

    internal sealed record CodingRequest(long? DocumentId, long? CodeId, int? Start, int? End, string? Valence, string? Memo, long? RoundId, bool? Consensus);

    internal sealed record UndoBody(string Message);

    internal sealed record CodingBody(long Id, long DocumentId, long CodeId, int Start, int End, string Valence, string Memo, long CoderId, string Coder, long? RoundId, bool Consensus, Guid Guid, DateTimeOffset CreatedAt)
    {
        public static CodingBody From(Monitor.Core.Coding.Coding c) =>
            new(c.Id, c.DocumentId, c.CodeId, c.Start, c.End, Codes.ToCode(c.Valence), c.Memo, c.CoderId, c.CoderName, c.RoundId, c.IsConsensus, c.Guid, c.CreatedAt);
    }

    internal sealed record FragmentBody(CodingBody Coding, string Code, string? CodeKey, string CodePath, string Document, long? MeetingId, string? Group, DateOnly? Date, int? Phase, string Text, string Before, string After)
    {
        public static FragmentBody From(Fragment f) =>
            new(CodingBody.From(f.Coding), f.CodeName, f.CodeKey, f.CodePath, f.DocumentTitle, f.MeetingId, f.GroupName, f.Date, f.Phase, f.Text, f.Before, f.After);
    }

    internal sealed record MatrixBody(IEnumerable<object> Columns, IEnumerable<object> Rows)
    {
        public static MatrixBody From(CodeMatrix m) => new(
            m.Columns.Select(c => (object)new { key = c.Key, label = c.Label }),
            m.Rows.Select(r => (object)new
            {
                codeId = r.Code.Id,
                key = r.Code.Key,
                determinant = r.Code.NameNl,
                midiGroup = r.GroupName,
                cells = r.Cells.Select(c => new { facilitators = c.Facilitators, barriers = c.Barriers, mixed = c.Mixed, neutral = c.Neutral }),
            }));
    }
}
