using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;
using Monitor.Core.Effects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// The MIDI survey and the coding of open answers under /api/v1/projects/{id} (effect measurement, #18): the MIDI surveys
/// tracked over their rounds beside the determinants coded in documents (all who see reports; management sees no group
/// under 5 respondents), making a MIDI survey and turning a closed round's open answers into coding documents
/// (projectleider and onderzoeker).
/// </summary>
internal static class MidiSurveyEndpoints
{
    public static RouteGroupBuilder MapMidiSurveyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Effects")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(ApiResults.RefuseInvalidAsync);
        var reports = ProjectAccess.PolicyName(Capability.ViewReports);
        var research = ProjectAccess.PolicyName(Capability.ManageFindings);

        group.MapGet("/midi-surveys", ListAsync).RequireAuthorization(reports);
        group.MapPost("/midi-surveys", CreateAsync).RequireAuthorization(research);
        group.MapPost("/survey-rounds/{roundId:long}/coding-documents", CodeOpenAnswersAsync).RequireAuthorization(research);
        return group;
    }

    private static async Task<Results<Ok<MidiTracking>, ProblemHttpResult>> ListAsync(long id, HttpContext http, MidiReader reader, IAuthorizationService authorization,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var research = (await authorization.AuthorizeAsync(http.User, http, ProjectAccess.PolicyName(Capability.ManageFindings))).Succeeded;
        return await reader.ReadAsync(id, DutchClock.Today(time), research ? 1 : SurveyAnalysis.ManagementMinimum, cancellationToken) is { } tracking
            ? TypedResults.Ok(tracking)
            : ApiResults.ProjectNotFound(id);
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> CreateAsync(long id, MidiBody body, HttpContext http, MidiSurveyStore store,
        CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var target = input.RequiredCode<TargetGroup>(body.TargetGroup, "targetGroup", "doelgroep");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        var thresholds = new MidiThresholds(body.BarrierPercent is { } b ? b / 100.0 : 0.2, body.FacilitatorPercent is { } f ? f / 100.0 : 0.8);
        return await store.CreateAsync(id, body.Title ?? "", target!.Value, thresholds, http.User.ToActor(), cancellationToken) is { } questionnaireId
            ? ApiResults.Created($"/api/v1/projects/{id}/questionnaires#{questionnaireId}", questionnaireId)
            : ApiResults.ProjectNotFound(id);
    }

    private static async Task<Results<Ok<CodingDocumentsMade>, ValidationProblem, ProblemHttpResult>> CodeOpenAnswersAsync(long id, long roundId, HttpContext http,
        OpenAnswerCoding coding, CancellationToken cancellationToken) =>
        await coding.CreateDocumentsAsync(id, roundId, http.User.ToActor(), cancellationToken) is { } made
            ? TypedResults.Ok(new CodingDocumentsMade(made))
            : ApiResults.NotFound("Ronde niet gevonden", $"Dit project heeft geen meetronde {roundId}.");

    /// <summary>A MIDI survey: title, target group (professionals, clienten), thresholds in percent (default 20 and 80).</summary>
    internal sealed record MidiBody(string? Title, string? TargetGroup, int? BarrierPercent, int? FacilitatorPercent);

    /// <summary>The coding documents made now (empty when every open item already had one).</summary>
    internal sealed record CodingDocumentsMade(IReadOnlyList<long> DocumentIds);
}
