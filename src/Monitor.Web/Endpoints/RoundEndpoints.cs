using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Coding;
using Monitor.Core.Coding.Agreement;
using Monitor.Core.Common;
using Monitor.Web.Forms;
using Monitor.Web.Security;
using static Monitor.Web.Endpoints.CodingEndpoints;

namespace Monitor.Web.Endpoints;

/// <summary>
/// /api/v1/projects/{id}/coding-rounds: blind double-coding rounds (start, list, close), and once a round is
/// closed its agreement figures, its disagreements and their settlement. Blind until closed: an open round
/// answers 409 for its agreement and disagreements.
/// </summary>
internal static class RoundEndpoints
{
    public static RouteGroupBuilder MapRoundEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = MapCodingGroup(routes);
        group.MapGet("/coding-rounds", async (long id, RoundStore rounds, CancellationToken ct) => TypedResults.Ok((await rounds.ListRoundsAsync(id, ct)).Select(RoundBody.From)));
        group.MapPost("/coding-rounds", CreateRoundAsync);
        group.MapGet("/coding-rounds/{roundId:long}", GetRoundAsync);
        group.MapPost("/coding-rounds/{roundId:long}/close", CloseRoundAsync);
        group.MapGet("/coding-rounds/{roundId:long}/disagreements", DisagreementsAsync);
        group.MapPost("/coding-rounds/{roundId:long}/settlements", SettleAsync);
        group.MapGet("/coding-rounds/{roundId:long}/agreement", AgreementAsync);
        return group;
    }

    private static async Task<Created<CreatedId>> CreateRoundAsync(long id, RoundRequest body, HttpContext http, RoundStore rounds, CancellationToken ct)
    {
        var roundId = await rounds.CreateRoundAsync(id, body.Name ?? "", body.CoderIds ?? [], body.DocumentIds ?? [], http.User.ToActor(), ct);
        return ApiResults.Created($"/api/v1/projects/{id}/coding-rounds/{roundId}", roundId);
    }

    private static async Task<Results<Ok<RoundBody>, ProblemHttpResult>> GetRoundAsync(long id, long roundId, RoundStore rounds, CancellationToken ct) =>
        await rounds.FindRoundAsync(id, roundId, ct) is { } round ? TypedResults.Ok(RoundBody.From(round)) : RoundNotFound(roundId);

    private static async Task<Results<NoContent, ProblemHttpResult>> CloseRoundAsync(long id, long roundId, HttpContext http, RoundStore rounds, CancellationToken ct) =>
        await rounds.CloseRoundAsync(id, roundId, http.User.ToActor(), ct) ? TypedResults.NoContent() : ApiResults.NotFound("Ronde niet gevonden of al gesloten", $"Project {id} heeft geen open ronde {roundId}.");

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

        return TypedResults.Ok((await rounds.DifferencesAsync(id, roundId, ct)).Select(d => (object)new
        {
            id = d.Id,
            kind = Codes.ToCode(d.Kind),
            coding = CodingBody.From(d.CodedBy[0].Coding),
            codeId = d.CodeId,
            code = d.CodeName,
            documentId = d.DocumentId,
            document = d.DocumentTitle,
            versionId = d.VersionId,
            start = d.Start,
            end = d.End,
            text = d.Text,
            codedBy = d.CodedBy.Select(c => new { coderId = c.Coding.CoderId, coder = c.Coding.CoderName, codingId = c.Coding.Id, valence = Codes.ToCode(c.Valence) }),
            notCodedBy = d.NotCodedBy,
            others = d.OtherCodes.Select(o => new { coder = o.Coder, code = o.CodeName, text = o.Text }),
            decision = d.Decision,
            valence = d.Valence is { } v ? Codes.ToCode(v) : null,
        }));
    }

    /// <summary>
    /// Settles a difference by its <c>differenceId</c>; <c>valence</c> is the consensus valence when the coders gave
    /// different ones. A <c>codingId</c> alone (the earlier form) names the one open difference that coding is part of.
    /// </summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SettleAsync(long id, long roundId, SettleBody body, HttpContext http, RoundStore rounds, CancellationToken ct)
    {
        var input = new FieldParser();
        var valence = input.Code<Valence>(body.Valence, "valence", "valentie");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        var differenceId = body.DifferenceId;
        if (differenceId is null && body.CodingId is { } codingId)
        {
            var open = (await rounds.DifferencesAsync(id, roundId, ct)).Where(d => d.Decision is null && d.CodedBy.Any(c => c.Coding.Id == codingId)).ToList();
            if (open.Count > 1)
            {
                return ApiResults.Invalid("differenceId", $"Codering {codingId} hoort bij {open.Count} open verschillen; geef het verschil met differenceId.");
            }

            differenceId = open.SingleOrDefault()?.Id;
        }

        return differenceId is { } difference && await rounds.SettleAsync(id, roundId, difference, body.Accept, valence, http.User.ToActor(), ct)
            ? TypedResults.NoContent()
            : ApiResults.NotFound("Verschil niet gevonden", $"Ronde {roundId} is niet gesloten of heeft geen open verschil {body.DifferenceId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "bij codering " + body.CodingId}.");
    }

    private static async Task<Results<Ok<AgreementBody>, ProblemHttpResult>> AgreementAsync(long id, long roundId, RoundStore rounds, RoundAgreement agreement, CancellationToken ct)
    {
        if (await rounds.FindRoundAsync(id, roundId, ct) is not { } round)
        {
            return RoundNotFound(roundId);
        }

        if (round.Status == RoundStatus.Open)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Ronde is nog open", detail: "De overeenstemming is pas te zien als de ronde gesloten is (blind coderen).");
        }

        return TypedResults.Ok(AgreementBody.From((await agreement.ResultAsync(id, roundId, ct))!));
    }

    private static ProblemHttpResult RoundNotFound(long roundId) => ApiResults.NotFound("Ronde niet gevonden", $"Dit project heeft geen coderingsronde {roundId}.");

    internal sealed record RoundRequest(string? Name, long[]? CoderIds, long[]? DocumentIds);

    internal sealed record SettleBody(long? DifferenceId, long? CodingId, bool Accept, string? Valence);

    internal sealed record RoundBody(long Id, string Name, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, IEnumerable<object> Coders, IReadOnlyList<long> DocumentIds)
    {
        public static RoundBody From(CodingRound r) =>
            new(r.Id, r.Name, Codes.ToCode(r.Status), r.CreatedAt, r.ClosedAt, r.Coders.Select(c => (object)new { id = c.Id, name = c.Name }), r.DocumentIds);
    }

    /// <summary>
    /// The frozen figures: <c>report</c> (κ and the binary α per paragraph × code), <c>valence</c>, <c>nominalAlpha</c> (one code
    /// per paragraph, missing = not coded), <c>computedAt</c> (when the round closed, or first shown when <c>late</c>) and the document <c>versions</c> they were computed on.
    /// </summary>
    internal sealed record AgreementBody(IReadOnlyDictionary<string, string> CodeNames, AgreementReport Report, ValenceReport? Valence, AlphaResult? NominalAlpha, DateTimeOffset ComputedAt, bool Late, IEnumerable<object> Versions)
    {
        public static AgreementBody From(RoundResult r) => new(r.Figures.CodeNames, r.Figures.Report, r.Figures.Valence, r.Figures.NominalAlpha, r.ComputedAt, r.Late,
            r.Versions.Select(v => (object)new { documentId = v.DocumentId, title = v.Title, versionId = v.VersionId, versionNumber = v.VersionNumber, currentVersionNumber = v.CurrentVersionNumber }));
    }
}
