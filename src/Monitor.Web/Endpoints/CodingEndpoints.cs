using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Coding.Text;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// /api/v1/projects/{id}: codebooks and codes, documents to code, codings with undo, retrieval, matrices,
/// blind double-coding rounds with agreement and settlement, REFI-QDA exchange and the codings CSV. All of it
/// needs <see cref="Capability.CodeData"/> (the onderzoeker role).
/// </summary>
internal static partial class CodingEndpoints
{
    private const string NotSaved = "De wijziging is niet opgeslagen";

    public static RouteGroupBuilder MapCodingEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Coding")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(RefuseInvalidAsync)
            .RequireAuthorization(ProjectAccess.PolicyName(Capability.CodeData));

        group.MapGet("/codebooks", async (long id, CodebookStore codebooks, CancellationToken ct) => TypedResults.Ok(await codebooks.ListCodebooksAsync(id, ct)));
        group.MapPost("/codebooks", CreateCodebookAsync);
        group.MapPost("/codebooks/{codebookId:long}/codes", AddCodeAsync);
        group.MapPut("/codes/{codeId:long}", UpdateCodeAsync);
        group.MapPost("/codes/{codeId:long}/merge", MergeCodeAsync);

        group.MapGet("/coding-documents", async (long id, CodingDocumentStore documents, CancellationToken ct) => TypedResults.Ok(await documents.ListDocumentsAsync(id, ct)));
        group.MapPost("/coding-documents", UploadDocumentAsync);
        group.MapGet("/coding-documents/{documentId:long}", GetDocumentAsync);

        group.MapPost("/codings", AddCodingAsync);
        group.MapDelete("/codings/{codingId:long}", RemoveCodingAsync);
        group.MapPost("/codings/undo", UndoAsync);
        group.MapGet("/fragments", FragmentsAsync);
        group.MapGet("/matrix", async (long id, string? by, FragmentQueries fragments, CancellationToken ct) => TypedResults.Ok(MatrixBody.From(await fragments.MatrixAsync(id, by == "group", ct))));
        group.MapGet("/code-frequencies", async (long id, FragmentQueries fragments, CancellationToken ct) =>
            TypedResults.Ok((await fragments.FrequenciesAsync(id, ct)).Select(f => new { codeId = f.Code.Id, code = f.Code.NameNl, key = f.Code.Key, codebook = f.CodebookName, f.Codings, f.Documents, f.Facilitators, f.Barriers })));

        group.MapGet("/coding-rounds", async (long id, RoundStore rounds, CancellationToken ct) => TypedResults.Ok((await rounds.ListRoundsAsync(id, ct)).Select(RoundBody.From)));
        group.MapPost("/coding-rounds", CreateRoundAsync);
        group.MapGet("/coding-rounds/{roundId:long}", GetRoundAsync);
        group.MapPost("/coding-rounds/{roundId:long}/close", CloseRoundAsync);
        group.MapGet("/coding-rounds/{roundId:long}/disagreements", DisagreementsAsync);
        group.MapPost("/coding-rounds/{roundId:long}/settlements", SettleAsync);
        MapExchange(group);
        return group;
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem>> CreateCodebookAsync(long id, CodebookBody body, HttpContext http, CodebookStore codebooks, CancellationToken ct)
    {
        var bookId = await codebooks.CreateCodebookAsync(id, body.Name ?? "", body.Description ?? "", http.User.ToActor(), ct);
        return TypedResults.Created($"/api/v1/projects/{id}/codebooks", new CreatedId(bookId));
    }

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> AddCodeAsync(long id, long codebookId, CodeBody body, HttpContext http, CodebookStore codebooks, CancellationToken ct) =>
        await codebooks.AddCodeAsync(id, codebookId, body.ToDraft(), http.User.ToActor(), ct) is { } codeId
            ? TypedResults.Created($"/api/v1/projects/{id}/codebooks", new CreatedId(codeId))
            : NotFound("Codeboek niet gevonden", $"Project {id} heeft geen eigen codeboek {codebookId}; ingebouwde codeboeken (MIDI, Movisie, Bowen) zijn niet te wijzigen.");

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateCodeAsync(long id, long codeId, CodeBody body, HttpContext http, CodebookStore codebooks, CancellationToken ct) =>
        await codebooks.UpdateCodeAsync(id, codeId, body.ToDraft(), http.User.ToActor(), ct) ? TypedResults.NoContent() : CodeNotFound(codeId);

    private static async Task<Results<NoContent, ProblemHttpResult>> MergeCodeAsync(long id, long codeId, MergeBody body, HttpContext http, CodebookStore codebooks, CancellationToken ct) =>
        await codebooks.MergeCodeAsync(id, codeId, body.IntoCodeId, http.User.ToActor(), ct) ? TypedResults.NoContent() : CodeNotFound(codeId);

    /// <summary>Upload as the raw file body: POST /coding-documents?fileName=interview.docx&amp;title=...&amp;sourceType=interview.</summary>
    /// <summary>The id of an uploaded document and, when it was read as Windows-1252, the notice to check its letters.</summary>
    internal sealed record UploadedDocument(long Id, string? Notice);

    private static async Task<Results<Created<UploadedDocument>, ValidationProblem>> UploadDocumentAsync(long id, string? fileName, string? title, string? sourceType, HttpContext http, CodingDocumentStore documents, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return ValidationProblems.From([new ValidationError("fileName", "Geef de bestandsnaam mee (?fileName=verslag.docx); de extensie bepaalt hoe het bestand wordt gelezen.")], NotSaved);
        }

        try
        {
            await using var body = await ReadBodyAsync(http.Request, DocumentText.MaxUploadBytes, ct);
            var read = DocumentText.Read(fileName, body);
            var documentId = await documents.AddUploadAsync(id, string.IsNullOrWhiteSpace(title) ? Path.GetFileNameWithoutExtension(fileName) : title, sourceType ?? "overig", fileName, read.Text, http.User.ToActor(), ct);
            return TypedResults.Created($"/api/v1/projects/{id}/coding-documents/{documentId}", new UploadedDocument(documentId, read.Notice));
        }
        catch (DocumentTextException ex)
        {
            return ValidationProblems.From([new ValidationError("file", ex.Message)], NotSaved);
        }
    }

    /// <summary>Reads a request body into memory, refusing more than <paramref name="maxBytes"/> with a Dutch message.</summary>
    internal static async Task<MemoryStream> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new ValidationException([new ValidationError("file", $"Het bestand is groter dan {maxBytes / 1024 / 1024} MB.")]);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ValidationException([new ValidationError("file", $"Het bestand is groter dan {maxBytes / 1024 / 1024} MB.")]);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static async Task<Results<Ok<DocumentBody>, ProblemHttpResult>> GetDocumentAsync(long id, long documentId, long? round, HttpContext http, CodingDocumentStore documents, CodingStore coding, CancellationToken ct)
    {
        if (await documents.FindDocumentAsync(id, documentId, ct) is not { } found)
        {
            return NotFound("Document niet gevonden", $"Project {id} heeft geen document {documentId}.");
        }

        var codings = await coding.ListCodingsAsync(id, documentId, http.User.UserId() ?? 0, round, ct);
        return TypedResults.Ok(new DocumentBody(found.Document, found.Version.Number, found.Version.Text, codings.Select(CodingBody.From).ToList()));
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> AddCodingAsync(long id, CodingRequest body, HttpContext http, CodingStore coding, CancellationToken ct)
    {
        if (!Codes.TryParse<Valence>(body.Valence, out var valence))
        {
            return ValidationProblems.From([new ValidationError("valence", $"'{body.Valence}' is geen valentie. Kies bevorderend, belemmerend, gemengd of neutraal.")], NotSaved);
        }

        if (body.Start is not { } start || body.End is not { } end || body.CodeId is not { } codeId || body.DocumentId is not { } documentId)
        {
            return ValidationProblems.From([new ValidationError("start", "Geef documentId, codeId, start en end (in Unicode-codepunten, end exclusief).")], NotSaved);
        }

        return await coding.AddCodingAsync(id, new CodingInput(documentId, codeId, start, end, valence, body.Memo ?? "", body.RoundId, body.Consensus ?? false), http.User.ToActor(), ct) is { } codingId
            ? TypedResults.Created($"/api/v1/projects/{id}/coding-documents/{documentId}", new CreatedId(codingId))
            : NotFound("Document niet gevonden", $"Project {id} heeft geen document {documentId}.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveCodingAsync(long id, long codingId, HttpContext http, CodingStore coding, CancellationToken ct) =>
        await coding.RemoveCodingAsync(id, codingId, http.User.ToActor(), ct) ? TypedResults.NoContent() : NotFound("Codering niet gevonden", $"Project {id} heeft geen (actieve) codering {codingId}.");

    private static async Task<Ok<UndoBody>> UndoAsync(long id, HttpContext http, CodingStore coding, CancellationToken ct) =>
        TypedResults.Ok(new UndoBody(await coding.UndoAsync(id, http.User.ToActor(), ct) ?? "Er is niets om ongedaan te maken."));

    private static async Task<Results<Ok<IEnumerable<FragmentBody>>, ValidationProblem>> FragmentsAsync(long id, long? code, string? codeKey, long? group, int? phase, string? from, string? to, string? valence, long? coder, int? limit, FragmentQueries fragments, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        DateOnly? Date(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors.Add(new ValidationError(field, $"'{text}' is geen datum; schrijf jjjj-mm-dd."));
            return null;
        }

        var filter = new FragmentFilter { CodeId = code, CodeKey = codeKey, GroupId = group, Phase = phase, From = Date(from, "from"), To = Date(to, "to"), CoderId = coder, Limit = Math.Clamp(limit ?? 1000, 1, 10000) };
        if (valence is not null)
        {
            if (Codes.TryParse<Valence>(valence, out var v))
            {
                filter = filter with { Valence = v };
            }
            else
            {
                errors.Add(new ValidationError("valence", $"'{valence}' is geen valentie."));
            }
        }

        if (errors.Count > 0)
        {
            return ValidationProblems.From(errors, "Ongeldig filter");
        }

        return TypedResults.Ok((await fragments.ListFragmentsAsync(id, filter, ct)).Select(FragmentBody.From));
    }

    private static async Task<Created<CreatedId>> CreateRoundAsync(long id, RoundRequest body, HttpContext http, RoundStore rounds, CancellationToken ct)
    {
        var roundId = await rounds.CreateRoundAsync(id, body.Name ?? "", body.CoderIds ?? [], body.DocumentIds ?? [], http.User.ToActor(), ct);
        return TypedResults.Created($"/api/v1/projects/{id}/coding-rounds/{roundId}", new CreatedId(roundId));
    }

    private static async Task<Results<Ok<RoundBody>, ProblemHttpResult>> GetRoundAsync(long id, long roundId, RoundStore rounds, CancellationToken ct) =>
        await rounds.FindRoundAsync(id, roundId, ct) is { } round ? TypedResults.Ok(RoundBody.From(round)) : RoundNotFound(roundId);

    private static async Task<Results<NoContent, ProblemHttpResult>> CloseRoundAsync(long id, long roundId, HttpContext http, RoundStore rounds, CancellationToken ct) =>
        await rounds.CloseRoundAsync(id, roundId, http.User.ToActor(), ct) ? TypedResults.NoContent() : NotFound("Ronde niet gevonden of al gesloten", $"Project {id} heeft geen open ronde {roundId}.");

    private static async Task<Results<Ok<IEnumerable<object>>, ProblemHttpResult>> DisagreementsAsync(long id, long roundId, RoundStore rounds, CancellationToken ct)
    {
        if (await rounds.FindRoundAsync(id, roundId, ct) is not { } round)
        {
            return RoundNotFound(roundId);
        }

        if (round.Status == RoundStatus.Open)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Ronde is nog open", detail: "Verschillen zijn pas te zien als de ronde gesloten is (blind coderen).");
        }

        return TypedResults.Ok((await rounds.DisagreementsAsync(id, roundId, ct)).Select(d => (object)new
        {
            coding = CodingBody.From(d.Coding),
            code = d.CodeName,
            document = d.DocumentTitle,
            text = d.Text,
            others = d.OtherCoders.Select(o => new { coder = o.Coder, code = o.CodeName, text = o.Text }),
            decision = d.Decision,
        }));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SettleAsync(long id, long roundId, SettleBody body, HttpContext http, RoundStore rounds, CancellationToken ct) =>
        await rounds.SettleAsync(id, roundId, body.CodingId, body.Accept, http.User.ToActor(), ct) ? TypedResults.NoContent() : NotFound("Verschil niet gevonden", $"Ronde {roundId} is niet gesloten of heeft geen codering {body.CodingId}.");

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

    private static ProblemHttpResult NotFound(string title, string detail) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    private static ProblemHttpResult CodeNotFound(long codeId) => NotFound("Code niet gevonden", $"Code {codeId} is geen eigen code van dit project (ingebouwde codes zijn niet te wijzigen).");

    private static ProblemHttpResult RoundNotFound(long roundId) => NotFound("Ronde niet gevonden", $"Dit project heeft geen coderingsronde {roundId}.");

    internal sealed record CreatedId(long Id);

    internal sealed record CodebookBody(string? Name, string? Description);

    internal sealed record CodeBody(string? NameNl, string? NameEn, string? Definition, string? Guidance, long? ParentId, string? Color)
    {
        public CodeDraft ToDraft() => new(NameNl ?? "", NameEn ?? "", Definition ?? "", Guidance ?? "", ParentId, string.IsNullOrWhiteSpace(Color) ? null : Color);
    }

    internal sealed record MergeBody(long IntoCodeId);

    internal sealed record CodingRequest(long? DocumentId, long? CodeId, int? Start, int? End, string? Valence, string? Memo, long? RoundId, bool? Consensus);

    internal sealed record SettleBody(long CodingId, bool Accept);

    internal sealed record RoundRequest(string? Name, long[]? CoderIds, long[]? DocumentIds);

    internal sealed record UndoBody(string Message);

    internal sealed record CodingBody(long Id, long DocumentId, long CodeId, int Start, int End, string Valence, string Memo, long CoderId, string Coder, long? RoundId, bool Consensus, Guid Guid, DateTimeOffset CreatedAt)
    {
        public static CodingBody From(Monitor.Core.Coding.Coding c) =>
            new(c.Id, c.DocumentId, c.CodeId, c.Start, c.End, Codes.ToCode(c.Valence), c.Memo, c.CoderId, c.CoderName, c.RoundId, c.IsConsensus, c.Guid, c.CreatedAt);
    }

    internal sealed record DocumentBody(CodingDocument Document, int Version, string Text, IReadOnlyList<CodingBody> Codings);

    internal sealed record FragmentBody(CodingBody Coding, string Code, string? CodeKey, string CodePath, string Document, long? MeetingId, string? Group, DateOnly? Date, int? Phase, string Text, string Before, string After)
    {
        public static FragmentBody From(Fragment f) =>
            new(CodingBody.From(f.Coding), f.CodeName, f.CodeKey, f.CodePath, f.DocumentTitle, f.MeetingId, f.GroupName, f.Date, f.Phase, f.Text, f.Before, f.After);
    }

    internal sealed record RoundBody(long Id, string Name, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, IEnumerable<object> Coders, IReadOnlyList<long> DocumentIds)
    {
        public static RoundBody From(CodingRound r) =>
            new(r.Id, r.Name, Codes.ToCode(r.Status), r.CreatedAt, r.ClosedAt, r.Coders.Select(c => (object)new { id = c.Id, name = c.Name }), r.DocumentIds);
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
