using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Interop;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// Effect measurement under /api/v1/projects/{id}: questionnaires and survey rounds (read: all who see reports; change,
/// links, paper cards and the raw responses: projectleider and onderzoeker), and a round's analysis (management sees no
/// item whose smaller group has fewer than 5 answers).
/// </summary>
internal static class EffectEndpoints
{
    public static RouteGroupBuilder MapEffectEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Effects")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(ApiResults.RefuseInvalidAsync);
        var reports = ProjectAccess.PolicyName(Capability.ViewReports);
        var research = ProjectAccess.PolicyName(Capability.ManageFindings);

        group.MapGet("/questionnaires", async Task<Ok<IReadOnlyList<Questionnaire>>> (long id, QuestionnaireStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.ListAsync(id, cancellationToken))).RequireAuthorization(reports);
        group.MapPost("/questionnaires", CreateQuestionnaireAsync).RequireAuthorization(research);
        group.MapPost("/questionnaires/copy", CopyQuestionnaireAsync).RequireAuthorization(research);
        group.MapPost("/questionnaires/{questionnaireId:long}/versions", NewVersionAsync).RequireAuthorization(research);
        group.MapGet("/survey-rounds", async Task<Ok<IReadOnlyList<MeasurementRound>>> (long id, SurveyRoundStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.ListAsync(id, cancellationToken))).RequireAuthorization(reports);
        group.MapPost("/questionnaires/{questionnaireId:long}/rounds", CreateRoundAsync).RequireAuthorization(research);
        group.MapPost("/survey-rounds/{roundId:long}/links", CreateLinkAsync).RequireAuthorization(research);
        group.MapPost("/survey-rounds/{roundId:long}/paper", AddPaperAsync).RequireAuthorization(research);
        group.MapGet("/survey-rounds/{roundId:long}/analysis", AnalyseAsync).RequireAuthorization(reports);
        group.MapGet("/survey-rounds/{roundId:long}/responses.csv", ResponsesCsvAsync).RequireAuthorization(research);
        return group;
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> CreateQuestionnaireAsync(long id, QuestionnaireBody body, HttpContext http,
        QuestionnaireStore store, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var target = input.RequiredCode<TargetGroup>(body.TargetGroup, "targetGroup", "doelgroep");
        var items = new List<ItemDraft>();
        foreach (var item in body.Items ?? [])
        {
            if (input.RequiredCode<ItemKind>(item.Kind, "items", "soort vraag") is { } kind)
            {
                items.Add(new ItemDraft(item.Text ?? "", kind, item.ReverseScored, item.Section ?? "")
                {
                    Options = [.. (item.Options ?? []).Select(o => o ?? "")],
                    Labels = [.. (item.Labels ?? []).Select(l => l ?? "")],
                    Minimum = item.Minimum,
                    Maximum = item.Maximum,
                });
            }
        }

        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await store.CreateAsync(id, body.Title ?? "", target!.Value, items, http.User.ToActor(), cancellationToken) is { } questionnaireId
            ? ApiResults.Created($"/api/v1/projects/{id}/questionnaires#{questionnaireId}", questionnaireId)
            : ApiResults.ProjectNotFound(id);
    }

    /// <summary>A copy of a questionnaire of a project the user may read (not found when they may not: its existence is not told).</summary>
    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> CopyQuestionnaireAsync(long id, CopyBody body, HttpContext http,
        QuestionnaireStore store, AccountStore accounts, CancellationToken cancellationToken)
    {
        if (body.FromQuestionnaireId is not { } from)
        {
            var input = new FieldParser();
            input.Add("fromQuestionnaireId", "Kies de vragenlijst die u wilt kopiëren.");
            return input.Problem();
        }

        var readable = await ProjectAccess.ProjectsAllowingAsync(http.User, accounts, Capability.ViewReports, cancellationToken);
        return await store.CopyAsync(id, from, readable, http.User.ToActor(), cancellationToken) is { } questionnaireId
            ? ApiResults.Created($"/api/v1/projects/{id}/questionnaires#{questionnaireId}", questionnaireId)
            : ApiResults.NotFound("Vragenlijst niet gevonden", $"Er is geen vragenlijst {from} die u kunt kopiëren.");
    }

    /// <summary>"Nieuwe versie": the questionnaire copied as version n + 1; earlier rounds keep their version.</summary>
    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> NewVersionAsync(long id, long questionnaireId, HttpContext http,
        QuestionnaireStore store, CancellationToken cancellationToken) =>
        await store.NewVersionAsync(id, questionnaireId, http.User.ToActor(), cancellationToken) is { } versionId
            ? ApiResults.Created($"/api/v1/projects/{id}/questionnaires#{versionId}", versionId)
            : ApiResults.NotFound("Vragenlijst niet gevonden", $"Dit project heeft geen vragenlijst {questionnaireId}.");

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> CreateRoundAsync(long id, long questionnaireId, RoundBody body, HttpContext http,
        SurveyRoundStore store, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var measurement = input.RequiredCode<Measurement>(body.Measurement, "measurement", "meting");
        var opens = input.RequiredDate(body.OpensOn, "opensOn", "de openingsdatum");
        var closes = input.RequiredDate(body.ClosesOn, "closesOn", "de sluitingsdatum");
        var sidedness = input.Code<Sidedness>(body.Sidedness, "sidedness", "toetsrichting") ?? Sidedness.Tweezijdig;
        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await store.CreateAsync(id, questionnaireId, new RoundDraft(body.Name ?? "", measurement!.Value, opens!.Value, closes!.Value, body.Intended, sidedness), http.User.ToActor(), cancellationToken) is { } roundId
            ? ApiResults.Created($"/api/v1/projects/{id}/survey-rounds#{roundId}", roundId)
            : ApiResults.NotFound("Vragenlijst niet gevonden", $"Dit project heeft geen vragenlijst {questionnaireId}.");
    }

    private static async Task<Results<Ok<LinkResponse>, ValidationProblem, ProblemHttpResult>> CreateLinkAsync(long id, long roundId, ConditionBody body, HttpContext http,
        SurveyRoundStore store, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var condition = input.RequiredCode<Condition>(body.Condition, "condition", "conditie");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        return await store.CreateLinkAsync(id, roundId, condition!.Value, http.User.ToActor(), cancellationToken) is { } token
            ? TypedResults.Ok(new LinkResponse($"{http.Request.Scheme}://{http.Request.Host}/vragenlijst/{token}", condition.Value))
            : RoundNotFound(roundId);
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> AddPaperAsync(long id, long roundId, PaperBody body, HttpContext http,
        SurveyRoundStore store, CancellationToken cancellationToken)
    {
        var input = new FieldParser();
        var condition = input.RequiredCode<Condition>(body.Condition, "condition", "conditie (de kleur van de kaart)");
        var code = PaperCode(input, body.PersonalCode);
        if (input.HasErrors)
        {
            return input.Problem();
        }

        var answers = (body.Answers ?? new Dictionary<long, string>()).ToDictionary(a => a.Key, a => (string?)a.Value);
        return await store.AddPaperAsync(id, roundId, condition!.Value, answers, http.User.ToActor(), code, cancellationToken) is { } responseId
            ? ApiResults.Created($"/api/v1/projects/{id}/survey-rounds/{roundId}/analysis#{responseId}", responseId)
            : RoundNotFound(roundId);
    }

    /// <summary>The personal code written on a paper card ("MA073"), if any; a Dutch message when it is not one.</summary>
    internal static Monitor.Core.Effects.Linkage.PersonalCode? PaperCode(FieldParser input, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var code = Monitor.Core.Effects.Linkage.PersonalCode.Parse(text);
        if (code is null)
        {
            input.Add("personalCode", "De persoonlijke code bestaat uit twee letters, de geboortedag en één cijfer, bijvoorbeeld MA073.");
        }

        return code;
    }

    private static async Task<Results<Ok<SurveyAnalysis>, ProblemHttpResult>> AnalyseAsync(long id, long roundId, HttpContext http, QuestionnaireStore questionnaires,
        SurveyRoundStore rounds, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, roundId, questionnaires, rounds, cancellationToken) is not { } found)
        {
            return RoundNotFound(roundId);
        }

        // who works with the raw answers sees every item; management only items with 5 answers or more per group
        var research = (await authorization.AuthorizeAsync(http.User, http, ProjectAccess.PolicyName(Capability.ManageFindings))).Succeeded;
        return TypedResults.Ok(SurveyAnalysis.Analyse(found.Questionnaire, found.Round, await rounds.ResponsesAsync(id, roundId, cancellationToken),
            research ? 1 : SurveyAnalysis.ManagementMinimum));
    }

    /// <summary>
    /// One row per respondent, one column per item (reverse-scored items as answered), the condition and the round: for R or
    /// SPSS. A number item gives its value (decimal point), a single-choice item the option's number (1..k, the labels are in
    /// the questionnaire), a multiple-choice item one 0/1 column per option (v3_optie_1 …; empty when the item was not answered).
    /// </summary>
    private static async Task<IResult> ResponsesCsvAsync(long id, long roundId, string? scheiding, QuestionnaireStore questionnaires, SurveyRoundStore rounds, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, roundId, questionnaires, rounds, cancellationToken) is not { } found)
        {
            return RoundNotFound(roundId);
        }

        var items = found.Questionnaire.Items;
        static IEnumerable<string> Columns(QuestionnaireItem item) => item.Kind == ItemKind.MeerdereKeuzes
            ? item.Options.Select((_, o) => string.Create(CultureInfo.InvariantCulture, $"v{item.Position}_optie_{o + 1}"))
            : [string.Create(CultureInfo.InvariantCulture, $"v{item.Position}")];
        static IEnumerable<string?> Cells(QuestionnaireItem item, SurveyResponse response)
        {
            if (item.Kind == ItemKind.MeerdereKeuzes)
            {
                var ticked = response.Texts.TryGetValue(item.Id, out var stored) ? SurveyRoundStore.Ticked(stored) : null;
                return item.Options.Select((_, o) => ticked is null ? null : ticked.Contains(o + 1) ? "1" : "0");
            }

            return [response.Texts.TryGetValue(item.Id, out var text) ? text : response.Values.GetValueOrDefault(item.Id)?.ToString(CultureInfo.InvariantCulture)];
        }

        var csv = new CsvWriter(scheiding == "komma" ? ',' : ';').Row(["respondent", "ronde", "meting", "conditie", "bron", .. items.SelectMany(Columns)]);
        foreach (var response in await rounds.ResponsesAsync(id, roundId, cancellationToken))
        {
            csv.Row([response.Id.ToString(CultureInfo.InvariantCulture), found.Round.Name, found.Round.Measurement.ToCode(), response.Condition.ToCode(), response.Source.ToCode(),
                .. items.SelectMany(i => Cells(i, response))]);
        }

        return Results.File(csv.ToBytes(), "text/csv; charset=utf-8", $"antwoorden-ronde-{roundId}.csv");
    }

    private static async Task<(Questionnaire Questionnaire, MeasurementRound Round)?> FindAsync(long id, long roundId, QuestionnaireStore questionnaires, SurveyRoundStore rounds, CancellationToken cancellationToken)
    {
        var round = (await rounds.ListAsync(id, cancellationToken)).SingleOrDefault(r => r.Id == roundId);
        var questionnaire = round is null ? null : (await questionnaires.ListAsync(id, cancellationToken)).SingleOrDefault(q => q.Id == round.QuestionnaireId);
        return round is null || questionnaire is null ? null : (questionnaire, round);
    }

    internal static ProblemHttpResult RoundNotFound(long roundId) => ApiResults.NotFound("Ronde niet gevonden", $"Dit project heeft geen meetronde {roundId}.");

    /// <summary>An item as posted: options for a choice item, five own labels for a 5-point item, bounds for a number item.</summary>
    internal sealed record ItemBody(string? Text, string? Kind, bool ReverseScored, string? Section, IReadOnlyList<string?>? Options = null, IReadOnlyList<string?>? Labels = null,
        double? Minimum = null, double? Maximum = null);

    internal sealed record QuestionnaireBody(string? Title, string? TargetGroup, IReadOnlyList<ItemBody>? Items);

    internal sealed record RoundBody(string? Name, string? Measurement, string? OpensOn, string? ClosesOn, int? Intended, string? Sidedness);

    internal sealed record ConditionBody(string? Condition);

    internal sealed record CopyBody(long? FromQuestionnaireId);

    internal sealed record PaperBody(string? Condition, IReadOnlyDictionary<long, string>? Answers, string? PersonalCode = null);

    internal sealed record LinkResponse(string Url, Condition Condition);
}
