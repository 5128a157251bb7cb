using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Linkage;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// Effect measurement, linkage (issue #18) under /api/v1/projects/{id}: the training register and the personal
/// invitation links (projectleider and onderzoeker), whether a round's form asks for the personal code, and the paired
/// analysis of two rounds, chosen or by default the first voormeting → the last nameting of a questionnaire (all who see
/// reports; management sees no item or condition with fewer than 5 linked pairs). The register can be edited and entries removed.
/// </summary>
internal static class EffectLinkageEndpoints
{
    public static RouteGroupBuilder MapEffectLinkageEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Effects")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(ApiResults.RefuseInvalidAsync);
        var reports = ProjectAccess.PolicyName(Capability.ViewReports);
        var research = ProjectAccess.PolicyName(Capability.ManageFindings);

        group.MapGet("/training-register", async Task<Ok<IReadOnlyList<RegisterEntry>>> (long id, TrainingRegisterStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.ListAsync(id, cancellationToken))).RequireAuthorization(research);
        group.MapPost("/training-register", AddToRegisterAsync).RequireAuthorization(research);
        group.MapPut("/training-register/{entryId:long}", UpdateRegisterAsync).RequireAuthorization(research);
        group.MapDelete("/training-register/{entryId:long}", DeleteFromRegisterAsync).RequireAuthorization(research);
        group.MapPut("/survey-rounds/{roundId:long}/personal-code", SetPersonalCodeAsync).RequireAuthorization(research);
        group.MapPost("/survey-rounds/{roundId:long}/invitations", InviteAsync).RequireAuthorization(research);
        group.MapGet("/survey-rounds/{roundId:long}/paired/{beforeRoundId:long}", PairAsync).RequireAuthorization(reports);
        group.MapGet("/questionnaires/{questionnaireId:long}/paired", PairDefaultAsync).RequireAuthorization(reports);
        return group;
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> AddToRegisterAsync(long id, RegisterBody body, HttpContext http,
        TrainingRegisterStore store, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var trainedOn = input.Date(body.TrainedOn, "trainedOn", "de trainingsdatum");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await store.AddAsync(id, body.Label ?? "", body.Cohort ?? "", trainedOn, http.User.ToActor(), cancellationToken) is { } entryId
            ? ApiResults.Created($"/api/v1/projects/{id}/training-register#{entryId}", entryId)
            : ApiResults.ProjectNotFound(id);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateRegisterAsync(long id, long entryId, RegisterBody body, HttpContext http,
        TrainingRegisterStore store, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var trainedOn = input.Date(body.TrainedOn, "trainedOn", "de trainingsdatum");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await store.UpdateAsync(id, entryId, body.Label ?? "", body.Cohort ?? "", trainedOn, http.User.ToActor(), cancellationToken)
            ? TypedResults.NoContent()
            : EntryNotFound(entryId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteFromRegisterAsync(long id, long entryId, HttpContext http, TrainingRegisterStore store,
        CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, entryId, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : EntryNotFound(entryId);

    private static ProblemHttpResult EntryNotFound(long entryId) =>
        ApiResults.NotFound("Niet in het trainingsregister", $"Het trainingsregister van dit project heeft geen professional {entryId}.");

    private static async Task<Results<NoContent, ProblemHttpResult>> SetPersonalCodeAsync(long id, long roundId, PersonalCodeBody body, HttpContext http,
        SurveyLinkageStore store, CancellationToken cancellationToken) =>
        await store.SetPersonalCodeAsync(id, roundId, body.Asks, http.User.ToActor(), cancellationToken) ? TypedResults.NoContent() : EffectEndpoints.RoundNotFound(roundId);

    private static async Task<Results<Ok<IReadOnlyList<InvitationResponse>>, ValidationProblem, ProblemHttpResult>> InviteAsync(long id, long roundId, HttpContext http,
        SurveyLinkageStore store, CancellationToken cancellationToken)
    {
        if (await store.CreateInvitationsAsync(id, roundId, http.User.ToActor(), cancellationToken) is not { } invitations)
        {
            return EffectEndpoints.RoundNotFound(roundId);
        }

        return TypedResults.Ok<IReadOnlyList<InvitationResponse>>([.. invitations.Select(i => new InvitationResponse(i.Invitee.Id, i.Invitee.Label, i.Invitee.Cohort, i.Invitee.Condition,
            SurveyUrl(http, i.Token)))]);
    }

    private static async Task<Results<Ok<PairedAnalysis>, ProblemHttpResult>> PairAsync(long id, long roundId, long beforeRoundId, HttpContext http, SurveyLinkageStore store,
        IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        // who works with the raw answers sees every item; management only items with 5 linked pairs or more
        var research = (await authorization.AuthorizeAsync(http.User, http, ProjectAccess.PolicyName(Capability.ManageFindings))).Succeeded;
        return await store.PairAsync(id, beforeRoundId, roundId, research ? 1 : SurveyAnalysis.ManagementMinimum, cancellationToken) is { } analysis
            ? TypedResults.Ok(analysis)
            : EffectEndpoints.RoundNotFound(roundId);
    }

    /// <summary>
    /// The paired analysis of two rounds of a questionnaire, "from" → "to"; without them the default pair (first voormeting →
    /// last nameting). 404 when the questionnaire has no such rounds or fewer than two.
    /// </summary>
    private static async Task<Results<Ok<PairedAnalysis>, ProblemHttpResult>> PairDefaultAsync(long id, long questionnaireId, long? from, long? to, HttpContext http,
        SurveyRoundStore rounds, SurveyLinkageStore store, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var own = (await rounds.ListAsync(id, cancellationToken)).Where(r => r.QuestionnaireId == questionnaireId).ToList();
        var pair = SurveyLinkageStore.DefaultPair(own);
        var fromId = from ?? pair?.From.Id;
        var toId = to ?? pair?.To.Id;
        if (fromId is not { } f || toId is not { } t || own.All(r => r.Id != f) || own.All(r => r.Id != t))
        {
            return ApiResults.NotFound("Geen rondes om te koppelen", $"Vragenlijst {questionnaireId} van dit project heeft niet de twee rondes om te vergelijken.");
        }

        var research = (await authorization.AuthorizeAsync(http.User, http, ProjectAccess.PolicyName(Capability.ManageFindings))).Succeeded;
        return await store.PairAsync(id, f, t, research ? 1 : SurveyAnalysis.ManagementMinimum, cancellationToken) is { } analysis
            ? TypedResults.Ok(analysis)
            : EffectEndpoints.RoundNotFound(t);
    }

    /// <summary>The address of the anonymous form for a round link or a personal invitation.</summary>
    internal static string SurveyUrl(HttpContext http, string token) => $"{http.Request.Scheme}://{http.Request.Host}/vragenlijst/{token}";


    internal sealed record RegisterBody(string? Label, string? Cohort, string? TrainedOn);

    internal sealed record PersonalCodeBody(bool Asks);

    internal sealed record InvitationResponse(long RegisterId, string Label, string Cohort, Condition Condition, string Url);
}
