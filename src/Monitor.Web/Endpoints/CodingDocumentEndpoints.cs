using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Coding.Text;
using Monitor.Core.Coding;
using Monitor.Web.Forms;
using Monitor.Web.Security;
using static Monitor.Web.Endpoints.CodingEndpoints;

namespace Monitor.Web.Endpoints;

/// <summary>/api/v1/projects/{id}: the documents to code (minutes, reflections, uploads), one document with its text and the codings the caller may see, and uploads.</summary>
internal static class CodingDocumentEndpoints
{
    public static RouteGroupBuilder MapCodingDocumentEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = MapCodingGroup(routes);
        group.MapGet("/coding-documents", async (long id, CodingDocumentStore documents, CancellationToken ct) => TypedResults.Ok(await documents.ListDocumentsAsync(id, ct)));
        group.MapPost("/coding-documents", UploadDocumentAsync);
        group.MapGet("/coding-documents/{documentId:long}", GetDocumentAsync);
        return group;
    }

    /// <summary>Upload as the raw file body: POST /coding-documents?fileName=interview.docx&amp;title=...&amp;sourceType=interview|observatie|vragenlijst|overig&amp;heldOn=2021-03-14 (required for an observatie).</summary>
    private static async Task<Results<Created<UploadedDocument>, ValidationProblem>> UploadDocumentAsync(long id, string? fileName, string? title, string? sourceType, string? heldOn, HttpContext http, CodingDocumentStore documents, CancellationToken ct)
    {
        var input = new FieldParser();
        var date = input.Date(heldOn, "heldOn", "de datum");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        if (string.IsNullOrWhiteSpace(fileName))
        {
            return ApiResults.Invalid("fileName", "Geef de bestandsnaam mee (?fileName=verslag.docx); de extensie bepaalt hoe het bestand wordt gelezen.");
        }

        try
        {
            await using var body = await RequestBody.ReadAsync(http.Request, DocumentText.MaxUploadBytes, ct);
            var read = DocumentText.Read(fileName, body);
            var documentId = await documents.AddUploadAsync(id, string.IsNullOrWhiteSpace(title) ? Path.GetFileNameWithoutExtension(fileName) : title, sourceType ?? "overig", fileName, read.Text, date, http.User.ToActor(), ct);
            return TypedResults.Created($"/api/v1/projects/{id}/coding-documents/{documentId}", new UploadedDocument(documentId, read.Notice));
        }
        catch (DocumentTextException ex)
        {
            return ApiResults.Invalid("file", ex.Message);
        }
    }

    private static async Task<Results<Ok<DocumentBody>, ProblemHttpResult>> GetDocumentAsync(long id, long documentId, long? round, HttpContext http, CodingDocumentStore documents, CodingStore coding, CancellationToken ct)
    {
        if (await documents.FindDocumentAsync(id, documentId, ct) is not { } found)
        {
            return ApiResults.NotFound("Document niet gevonden", $"Project {id} heeft geen document {documentId}.");
        }

        var codings = await coding.ListCodingsAsync(id, documentId, http.User.UserId() ?? 0, round, ct);
        return TypedResults.Ok(new DocumentBody(found.Document, found.Version.Number, found.Version.Text, codings.Select(CodingBody.From).ToList()));
    }

    /// <summary>The id of an uploaded document and, when it was read as Windows-1252, the notice to check its letters.</summary>
    internal sealed record UploadedDocument(long Id, string? Notice);

    internal sealed record DocumentBody(CodingDocument Document, int Version, string Text, IReadOnlyList<CodingBody> Codings);
}
