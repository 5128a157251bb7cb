using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;
using Monitor.Core.Findings;
using Monitor.Core.Reports;
using Monitor.Web.Forms;
using Monitor.Web.Security;
using Monitor.Web.Startup;

namespace Monitor.Web.Endpoints;

/// <summary>
/// /api/v1/projects/{id}: findings (read: ViewReports; write: ManageFindings), suggestions, reports (generate,
/// list, fetch, diff), the factsheet, and the stored report files for the browser (/projecten/{id}/rapporten/{n}.html|.md,
/// factsheet.html|.docx).
/// </summary>
internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        var view = ProjectAccess.PolicyName(Capability.ViewReports);
        var manage = ProjectAccess.PolicyName(Capability.ManageFindings);
        var api = routes.MapGroup("/api/v1/projects/{id:long}").WithTags("Reports")
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .AddEndpointFilter(ApiResults.RefuseInvalidAsync);
        api.MapGet("/findings", async (long id, HttpContext http, IAuthorizationService authorization, FindingStore findings, CancellationToken ct) =>
            TypedResults.Ok(await findings.ListAsync(id, await Audiences.ForAsync(authorization, http), ct))).RequireAuthorization(view);
        api.MapPost("/findings", CreateFindingAsync).RequireAuthorization(manage);
        api.MapGet("/findings/{findingId:long}", async Task<Results<Ok<Finding>, ProblemHttpResult>> (long id, long findingId, HttpContext http, IAuthorizationService authorization, FindingStore findings, CancellationToken ct) =>
            await findings.FindAsync(id, findingId, await Audiences.ForAsync(authorization, http), ct) is { } finding ? TypedResults.Ok(finding) : FindingNotFound(findingId)).RequireAuthorization(view);
        api.MapPut("/findings/{findingId:long}", UpdateFindingAsync).RequireAuthorization(manage);
        api.MapDelete("/findings/{findingId:long}", async Task<Results<NoContent, ProblemHttpResult>> (long id, long findingId, HttpContext http, FindingStore findings, CancellationToken ct) =>
            await findings.DeleteAsync(id, findingId, http.User.ToActor(), ct) ? TypedResults.NoContent() : FindingNotFound(findingId)).RequireAuthorization(manage);
        api.MapPut("/findings/{findingId:long}/status", SetStatusAsync).RequireAuthorization(manage);
        api.MapPost("/findings/{findingId:long}/evidence", AddEvidenceAsync).RequireAuthorization(manage);
        api.MapDelete("/findings/{findingId:long}/evidence/{evidenceId:long}", async Task<Results<NoContent, ProblemHttpResult>> (long id, long findingId, long evidenceId, HttpContext http, FindingStore findings, CancellationToken ct) =>
            await findings.RemoveEvidenceAsync(id, findingId, evidenceId, http.User.ToActor(), ct) ? TypedResults.NoContent() : FindingNotFound(findingId)).RequireAuthorization(manage);
        api.MapGet("/findings/{findingId:long}/history", async Task<Results<Ok<IReadOnlyList<FindingHistoryEntry>>, ProblemHttpResult>> (long id, long findingId, HttpContext http, IAuthorizationService authorization, FindingStore findings, CancellationToken ct) =>
            await findings.HistoryAsync(id, findingId, await Audiences.ForAsync(authorization, http), ct) is { } history ? TypedResults.Ok(history) : FindingNotFound(findingId)).RequireAuthorization(view);

        api.MapGet("/finding-suggestions", async (long id, FindingSuggester suggester, CancellationToken ct) => TypedResults.Ok((await suggester.SuggestAsync(id, ct)).Select(s => new
        {
            s.Key, kind = Codes.ToCode(s.Kind), s.Title, s.Reason, s.Determinant, s.Facilitators, s.Barriers, s.Meetings,
            fragments = s.Fragments.Select(f => new { codingId = f.Coding.Id, f.Text, document = f.DocumentTitle, f.MeetingId }),
            related = s.RelatedFindings.Select(r => new { r.Id, r.Title }),
        }))).RequireAuthorization(manage);
        api.MapPost("/finding-suggestions/accept", async Task<Results<Created<CreatedId>, ProblemHttpResult>> (long id, SuggestionBody body, HttpContext http, FindingSuggester suggester, CancellationToken ct) =>
            await suggester.AcceptAsync(id, body.Key ?? "", http.User.ToActor(), ct) is { } findingId
                ? ApiResults.Created($"/api/v1/projects/{id}/findings/{findingId}", findingId)
                : ApiResults.NotFound("Suggestie niet gevonden", $"Er is (nu) geen suggestie '{body.Key}'.")).RequireAuthorization(manage);
        api.MapPost("/finding-suggestions/merge", async Task<Results<NoContent, ProblemHttpResult>> (long id, SuggestionBody body, HttpContext http, FindingSuggester suggester, CancellationToken ct) =>
            await suggester.MergeAsync(id, body.Key ?? "", body.FindingId ?? 0, http.User.ToActor(), ct)
                ? TypedResults.NoContent()
                : ApiResults.NotFound("Niet gevonden", "Suggestie of bevinding bestaat niet.")).RequireAuthorization(manage);
        api.MapPost("/finding-suggestions/dismiss", async (long id, SuggestionBody body, HttpContext http, FindingSuggester suggester, CancellationToken ct) =>
        {
            await suggester.DismissAsync(id, body.Key ?? "", http.User.ToActor(), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(manage);

        api.MapGet("/reports", async (long id, ReportService reports, CancellationToken ct) => TypedResults.Ok((await reports.ListSnapshotsAsync(id, ct)).Select(SnapshotBody.From))).RequireAuthorization(view);
        api.MapPost("/reports", GenerateAsync).RequireAuthorization(view);
        api.MapGet("/reports/{snapshotId:long}", async Task<Results<Ok<SnapshotBody>, ProblemHttpResult>> (long id, long snapshotId, ReportService reports, CancellationToken ct) =>
            await reports.FindSnapshotAsync(id, snapshotId, ct) is { } s ? TypedResults.Ok(SnapshotBody.From(s.Info)) : ReportNotFound(snapshotId)).RequireAuthorization(view);
        api.MapGet("/reports/{snapshotId:long}/report.html", HtmlAsync).RequireAuthorization(view);
        api.MapGet("/reports/{snapshotId:long}/report.md", MarkdownAsync).RequireAuthorization(view);
        api.MapGet("/reports/{snapshotId:long}/report.docx", WordAsync).RequireAuthorization(view);
        api.MapGet("/reports/{snapshotId:long}/report.zip", MarkdownPackageAsync).RequireAuthorization(view);
        api.MapGet("/reports/{snapshotId:long}/diff", async Task<Results<Ok<DiffBody>, ProblemHttpResult>> (long id, long snapshotId, ReportService reports, CancellationToken ct) =>
            await reports.DiffWithPreviousAsync(id, snapshotId, ct) is { } diff
                ? TypedResults.Ok(new DiffBody(diff.Previous.Id, diff.Lines.Where(l => l.Kind != ' ').Select(l => $"{l.Kind} {l.Text}").ToList()))
                : ReportNotFound(snapshotId)).RequireAuthorization(view);

        api.MapGet("/report-schedule", async Task<Results<Ok<ReportScheduleSetting>, ProblemHttpResult>> (long id, ReportSchedule schedules, CancellationToken ct) =>
            await schedules.FindAsync(id, ct) is { } setting ? TypedResults.Ok(setting) : ApiResults.NotFound("Project niet gevonden")).RequireAuthorization(view);
        api.MapPut("/report-schedule", async Task<Results<NoContent, ProblemHttpResult>> (long id, ReportScheduleSetting body, HttpContext http, ReportSchedule schedules, CancellationToken ct) =>
            await schedules.SaveAsync(id, body, http.User.ToActor(), ct) ? TypedResults.NoContent() : ApiResults.NotFound("Project niet gevonden"))
            .RequireAuthorization(ProjectAccess.PolicyName(Capability.ManageProject));

        api.MapGet("/factsheet", FactsheetAsync).RequireAuthorization(view);

        var pages = routes.MapGroup("/projecten/{id:long}/rapporten").RequireAuthorization(view);
        pages.MapGet("/factsheet.html", FactsheetHtmlAsync);
        pages.MapGet("/factsheet.docx", FactsheetWordAsync);
        pages.MapGet("/{snapshotId:long}.html", HtmlAsync);
        pages.MapGet("/{snapshotId:long}.md", MarkdownAsync);
        pages.MapGet("/{snapshotId:long}.docx", WordAsync);
        pages.MapGet("/{snapshotId:long}.zip", MarkdownPackageAsync);
    }

    private static async Task<Results<Created<CreatedId>, ValidationProblem>> CreateFindingAsync(long id, FindingBody body, HttpContext http, FindingStore findings, CancellationToken ct)
    {
        var input = new FieldParser();
        var evidence = (body.Evidence ?? []).Select(item => (Kind: input.RequiredCode<EvidenceKind>(item.Kind, "evidence", "soort bewijs"), item.TargetId)).ToList();
        if (body.ToDraft(input) is not { } draft)
        {
            return input.Problem();
        }

        var findingId = await findings.CreateAsync(id, draft, [.. evidence.Select(e => (e.Kind!.Value, e.TargetId))], http.User.ToActor(), ct);
        return ApiResults.Created($"/api/v1/projects/{id}/findings/{findingId}", findingId);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateFindingAsync(long id, long findingId, FindingBody body, HttpContext http, FindingStore findings, CancellationToken ct)
    {
        var input = new FieldParser();
        if (body.ToDraft(input) is not { } draft)
        {
            return input.Problem();
        }

        return await findings.UpdateAsync(id, findingId, draft, http.User.ToActor(), ct) ? TypedResults.NoContent() : FindingNotFound(findingId);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AddEvidenceAsync(long id, long findingId, EvidenceBody body, HttpContext http, FindingStore findings, CancellationToken ct)
    {
        var input = new FieldParser();
        if (input.RequiredCode<EvidenceKind>(body.Kind, "kind", "soort bewijs") is not { } kind)
        {
            return input.Problem();
        }

        return await findings.AddEvidenceAsync(id, findingId, kind, body.TargetId, body.Note ?? "", http.User.ToActor(), ct) ? TypedResults.NoContent() : FindingNotFound(findingId);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetStatusAsync(long id, long findingId, StatusBody body, HttpContext http, FindingStore findings, CancellationToken ct)
    {
        var input = new FieldParser();
        var status = input.RequiredCode<FindingStatus>(body.Status, "status", "status");
        var heldOn = body.Session is { } s ? input.RequiredDate(s.HeldOn, "session.heldOn", "de datum van de sessie") : null;
        if (input.HasErrors)
        {
            return input.Problem();
        }

        var session = body.Session is { } given ? new FindingSession(heldOn!.Value, given.Participants ?? "", given.Changes ?? "") : null;
        return await findings.SetStatusAsync(id, findingId, status!.Value, session, http.User.ToActor(), ct) ? TypedResults.NoContent() : FindingNotFound(findingId);
    }

    private static async Task<Results<Created<SnapshotBody>, ValidationProblem, ProblemHttpResult>> GenerateAsync(long id, GenerateBody body, HttpContext http, ReportService reports, TimeProvider time, CancellationToken ct)
    {
        var input = new FieldParser();
        var kind = input.RequiredCode<ReportKind>(body.Kind, "kind", "rapportsoort");
        var from = input.Date(body.From, "from", "het begin van de periode");
        var to = input.Date(body.To, "to", "het einde van de periode");
        if (input.HasErrors)
        {
            return input.Problem();
        }

        var today = DutchClock.Today(time);
        var period = ReportService.PreviousMonth(today);
        var snapshot = await reports.GenerateAsync(id, kind!.Value, body.TemplateId, new ReportParameters(from ?? period.From, to ?? period.To, today, body.Concept ?? false), http.User.ToActor(), ct);
        return snapshot is null
            ? ApiResults.NotFound("Niet gevonden", "Project of sjabloon bestaat niet.")
            : TypedResults.Created($"/api/v1/projects/{id}/reports/{snapshot.Info.Id}", SnapshotBody.From(snapshot.Info));
    }

    /// <summary>The stored HTML, byte for byte as generated, under a policy that allows its inline stylesheet and nothing else.</summary>
    private static async Task<IResult> HtmlAsync(long id, long snapshotId, HttpContext http, ReportService reports, CancellationToken ct)
    {
        if (await reports.FindSnapshotAsync(id, snapshotId, ct) is not { } snapshot)
        {
            return ReportNotFound(snapshotId);
        }

        http.Items[SecurityHeadersMiddleware.StandaloneDocumentKey] = true;
        return Results.Text(snapshot.Html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> MarkdownAsync(long id, long snapshotId, ReportService reports, CancellationToken ct) =>
        await reports.FindSnapshotAsync(id, snapshotId, ct) is { } snapshot
            ? Results.File(Encoding.UTF8.GetBytes(snapshot.Markdown), "text/markdown; charset=utf-8", $"{ReportService.Code(snapshot.Info.Kind)}-{snapshotId}.md")
            : ReportNotFound(snapshotId);

    /// <summary>The Word document stored with the snapshot; a snapshot made before Word output has none (regenerate it).</summary>
    private static async Task<IResult> WordAsync(long id, long snapshotId, ReportService reports, CancellationToken ct)
    {
        if (await reports.FindSnapshotAsync(id, snapshotId, ct) is not { } snapshot)
        {
            return ReportNotFound(snapshotId);
        }

        return await reports.FindDocxAsync(id, snapshotId, ct) is { } docx
            ? Results.File(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{ReportService.Code(snapshot.Info.Kind)}-{snapshotId}.docx")
            : ApiResults.NotFound("Geen Word-bestand", $"Rapport {snapshotId} is gemaakt voordat rapporten ook als Word-bestand werden bewaard; maak het rapport opnieuw.");
    }

    /// <summary>The Markdown with its charts as PNG images (a zip); a snapshot made before has none (regenerate it).</summary>
    private static async Task<IResult> MarkdownPackageAsync(long id, long snapshotId, ReportService reports, CancellationToken ct)
    {
        if (await reports.FindSnapshotAsync(id, snapshotId, ct) is not { } snapshot)
        {
            return ReportNotFound(snapshotId);
        }

        return await reports.FindMarkdownPackageAsync(id, snapshotId, ct) is { } package
            ? Results.File(package, "application/zip", $"{ReportService.Code(snapshot.Info.Kind)}-{snapshotId}.zip")
            : ApiResults.NotFound("Geen Markdown met afbeeldingen", $"Rapport {snapshotId} is gemaakt voordat rapporten ook zo werden bewaard; maak het rapport opnieuw.");
    }

    /// <summary>The factsheet's period from the query (jjjj-mm-dd); without one, the previous month, as a report.</summary>
    internal static ReportParameters? FactsheetPeriod(FieldParser input, string? from, string? to, TimeProvider time)
    {
        var fromDate = input.Date(from, "from", "het begin van de periode");
        var toDate = input.Date(to, "to", "het einde van de periode");
        var today = DutchClock.Today(time);
        var period = ReportService.PreviousMonth(today);
        return input.HasErrors ? null : new ReportParameters(fromDate ?? period.From, toDate ?? period.To, today);
    }

    /// <summary>The one-page factsheet (#23) over a period as Markdown and standalone HTML; made when asked for.</summary>
    private static async Task<Results<Ok<FactsheetBody>, ValidationProblem, ProblemHttpResult>> FactsheetAsync(long id, string? from, string? to, ReportService reports, TimeProvider time, CancellationToken ct)
    {
        var input = new FieldParser();
        if (FactsheetPeriod(input, from, to, time) is not { } period)
        {
            return input.Problem("Geen factsheet gemaakt");
        }

        return await reports.FactsheetAsync(id, period, ct) is { } factsheet
            ? TypedResults.Ok(new FactsheetBody(period.From, period.To, factsheet.Markdown, factsheet.Html))
            : ApiResults.ProjectNotFound(id);
    }

    /// <summary>The factsheet as a standalone page that prints on one A4 page.</summary>
    private static async Task<IResult> FactsheetHtmlAsync(long id, string? from, string? to, HttpContext http, ReportService reports, TimeProvider time, CancellationToken ct)
    {
        var input = new FieldParser();
        if (FactsheetPeriod(input, from, to, time) is not { } period)
        {
            return input.Problem("Geen factsheet gemaakt");
        }

        if (await reports.FactsheetAsync(id, period, ct) is not { } factsheet)
        {
            return ApiResults.ProjectNotFound(id);
        }

        http.Items[SecurityHeadersMiddleware.StandaloneDocumentKey] = true;
        return Results.Text(factsheet.Html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> FactsheetWordAsync(long id, string? from, string? to, ReportService reports, TimeProvider time, CancellationToken ct)
    {
        var input = new FieldParser();
        if (FactsheetPeriod(input, from, to, time) is not { } period)
        {
            return input.Problem("Geen factsheet gemaakt");
        }

        return await reports.FactsheetAsync(id, period, ct) is { } factsheet
            ? Results.File(factsheet.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"factsheet-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.docx")
            : ApiResults.ProjectNotFound(id);
    }

    private static ProblemHttpResult FindingNotFound(long findingId) => ApiResults.NotFound("Bevinding niet gevonden", $"Dit project heeft geen bevinding {findingId}.");

    private static ProblemHttpResult ReportNotFound(long snapshotId) => ApiResults.NotFound("Rapport niet gevonden", $"Dit project heeft geen rapport {snapshotId}.");

    internal sealed record EvidenceItem(string? Kind, long TargetId);

    internal sealed record FindingBody(string? Kind, string? Heading, string? Title, string? Explanation, int[]? Determinants, int[]? BowenAreas, int? Phase, EvidenceItem[]? Evidence)
    {
        /// <summary>The draft to store; null when a field could not be read (or <paramref name="input"/> already holds a message).</summary>
        public FindingDraft? ToDraft(FieldParser input)
        {
            var kind = input.RequiredCode<FindingKind>(Kind, "kind", "soort bevinding");
            return input.HasErrors ? null : new FindingDraft
            {
                Kind = kind!.Value,
                Heading = Heading ?? "",
                Title = Title ?? "",
                Explanation = Explanation ?? "",
                Determinants = Determinants ?? [],
                BowenAreas = BowenAreas ?? [],
                Phase = Phase,
            };
        }
    }

    internal sealed record SessionBody(string? HeldOn, string? Participants, string? Changes);

    internal sealed record StatusBody(string? Status, SessionBody? Session);

    internal sealed record EvidenceBody(string? Kind, long TargetId, string? Note);

    internal sealed record SuggestionBody(string? Key, long? FindingId);

    internal sealed record GenerateBody(string? Kind, long? TemplateId, string? From, string? To, bool? Concept = null);

    internal sealed record DiffBody(long PreviousId, IReadOnlyList<string> Changes);

    internal sealed record FactsheetBody(DateOnly From, DateOnly To, string Markdown, string Html);

    internal sealed record SnapshotBody(long Id, string Kind, string Template, string TemplateVersion, string Parameters, DateTimeOffset CreatedAt, string CreatedBy, string Sha256)
    {
        public static SnapshotBody From(SnapshotInfo s) => new(s.Id, ReportService.Code(s.Kind), s.TemplateName, s.TemplateVersion, s.Parameters, s.CreatedAt, s.CreatedBy, s.Sha256);
    }
}
