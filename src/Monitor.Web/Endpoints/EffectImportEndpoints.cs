using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Import;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// Import of survey responses from another tool's export (issue #18), for projectleider and onderzoeker: the file as the raw
/// request body (?fileName=export.csv|.xlsx), the mapping as JSON in ?mapping=, columns numbered from 1 as in a spreadsheet:
/// {"items":{"12":4,"13":5},"conditionColumn":2,"condition":null,"codeColumn":3,"values":{"Helemaal mee eens":"5"}}.
/// …/import/preview shows what will be taken; …/import writes the rows that pass in one transaction and reports the others.
/// </summary>
internal static class EffectImportEndpoints
{
    public const int PreviewRows = 20;

    public static RouteGroupBuilder MapEffectImportEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects/{id:long}/survey-rounds/{roundId:long}").WithTags("Effects")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(ApiResults.RefuseInvalidAsync);
        var research = ProjectAccess.PolicyName(Capability.ManageFindings);
        group.MapPost("/import/preview", PreviewAsync).RequireAuthorization(research);
        group.MapPost("/import", ImportAsync).RequireAuthorization(research);
        return group;
    }

    private static async Task<Results<Ok<ImportPreview>, ValidationProblem, ProblemHttpResult>> PreviewAsync(long id, long roundId, string? fileName, string? mapping, HttpContext http,
        ResponseImportStore store, CancellationToken cancellationToken)
    {
        if (await store.QuestionnaireOfAsync(id, roundId, cancellationToken) is not { } questionnaire)
        {
            return EffectEndpoints.RoundNotFound(roundId);
        }

        var (table, parsed) = await ReadAsync(http, fileName, mapping, cancellationToken);
        return TypedResults.Ok(ImportPreview.Of(ResponseImport.Prepare(questionnaire, table, parsed), table, PreviewRows));
    }

    private static async Task<Results<Ok<ImportReport>, ValidationProblem, ProblemHttpResult>> ImportAsync(long id, long roundId, string? fileName, string? mapping, HttpContext http,
        ResponseImportStore store, CancellationToken cancellationToken)
    {
        if (await store.QuestionnaireOfAsync(id, roundId, cancellationToken) is null)
        {
            return EffectEndpoints.RoundNotFound(roundId);
        }

        var (table, parsed) = await ReadAsync(http, fileName, mapping, cancellationToken);
        return await store.ImportAsync(id, roundId, table, parsed, http.User.ToActor(), cancellationToken) is { } report ? TypedResults.Ok(report) : EffectEndpoints.RoundNotFound(roundId);
    }

    /// <exception cref="ValidationException">No file name, an unreadable file or mapping (Dutch messages).</exception>
    private static async Task<(ResponseTable Table, ImportMapping Mapping)> ReadAsync(HttpContext http, string? fileName, string? mapping, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            throw new ValidationException([new ValidationError("fileName", "Geef de bestandsnaam mee (?fileName=export.csv of .xlsx); de extensie bepaalt hoe het bestand wordt gelezen.")]);
        }

        MappingBody? body;
        try
        {
            body = JsonSerializer.Deserialize<MappingBody>(mapping ?? "", JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null || mapping!.Length > 100_000)
        {
            throw new ValidationException([new ValidationError("mapping", "Geef de koppeling van kolommen mee als JSON in ?mapping=, bijvoorbeeld {\"items\":{\"12\":4},\"conditionColumn\":2}.")]);
        }

        var input = new FieldParser();
        var condition = input.Code<Condition>(body.Condition, "condition", "conditie");
        input.ThrowIfAny();
        await using var file = await RequestBody.ReadAsync(http.Request, ResponseTable.MaxBytes, cancellationToken);
        var table = ResponseTable.Read(fileName, file.ToArray());
        return (table, new ImportMapping((body.Items ?? []).ToDictionary(i => i.Key, i => i.Value - 1), body.ConditionColumn - 1, condition, body.CodeColumn - 1,
            body.Values ?? []));
    }


    internal sealed record MappingBody(Dictionary<long, int>? Items, int? ConditionColumn, string? Condition, int? CodeColumn, Dictionary<string, string>? Values);

    /// <summary>One row as it will be taken: its number, condition, whether a personal code links it, and the answers per item id.</summary>
    internal sealed record PreviewRow(int Row, Condition Condition, bool Linked, IReadOnlyDictionary<long, string?> Answers);

    /// <summary>The file's headings, the first rows that will be taken, how many in all, and every row that will not be taken with why.</summary>
    internal sealed record ImportPreview(IReadOnlyList<string> Headers, int Rows, int Taken, IReadOnlyList<PreviewRow> First, IReadOnlyList<RefusedRow> Refused)
    {
        public static ImportPreview Of(ImportPlan plan, ResponseTable table, int first) => new(table.Headers, table.Rows.Count, plan.Taken.Count,
            [.. plan.Taken.Take(first).Select(t => new PreviewRow(t.Row, t.Condition, t.Code is not null, t.Answers))], plan.Refused);
    }
}
