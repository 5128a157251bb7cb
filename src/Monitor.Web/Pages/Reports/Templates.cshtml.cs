using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Findings;
using Monitor.Core.Projects;
using Monitor.Core.Reports.Templates;
using Monitor.Core.Reports;
using Monitor.Web.Pages.Findings;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Reports;

/// <summary>
/// Report templates of a project: the built-in ones (read-only) and the project's copies, which can be edited.
/// Saving checks the template and names the line and placeholder of every error.
/// </summary>
[ProjectPermission(Capability.ManageFindings)]
[RequestSizeLimit(ReportService.TemplateMaxLength * 4 + 64 * 1024)]
public sealed class TemplatesModel : FindingsPageModel
{
    private readonly ReportService _reports;

    public TemplatesModel(ProjectStore projects, FindingStore findings, IAuthorizationService authorization, ReportService reports) : base(projects, findings, authorization) => _reports = reports;

    public IReadOnlyList<TemplateInfo> Templates { get; private set; } = [];

    public TemplateInfo? Editing { get; private set; }

    /// <summary>Text of a template that was refused, so the edits are not lost.</summary>
    [TempData]
    public string? RefusedText { get; set; }

    private string Back => $"/projecten/{ProjectId}/rapporten/sjablonen";

    public async Task<IActionResult> OnGetAsync(long id, long? bewerk, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Templates = [.. await _reports.ListTemplatesAsync(id, ReportKind.Voortgang, cancellationToken), .. await _reports.ListTemplatesAsync(id, ReportKind.Procesevaluatie, cancellationToken)];
        Editing = bewerk is { } templateId ? Templates.FirstOrDefault(t => t.Id == templateId) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostCopyAsync(long id, string? kind, string? name, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        long created = 0;
        var result = await ChangeAsync(async () =>
        {
            if (!ReportService.TryParseKind(kind, out var parsed))
            {
                throw new Monitor.Core.Common.ValidationException([new("kind", "Kies voortgang of procesevaluatie.")]);
            }

            created = await _reports.CopyTemplateAsync(id, parsed, name ?? "", User.ToActor(), cancellationToken);
            return true;
        }, "Reports.TemplateCopied", Back);
        return created > 0 ? LocalRedirect($"{Back}?bewerk={created}") : result;
    }

    /// <summary>Makes a template (empty: the built-in one) the project's default for its kind; the scheduled report uses it.</summary>
    public async Task<IActionResult> OnPostDefaultAsync(long id, string? kind, long? templateId, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await ChangeAsync(async () =>
        {
            if (!ReportService.TryParseKind(kind, out var parsed))
            {
                throw new Monitor.Core.Common.ValidationException([new("kind", "Kies voortgang of procesevaluatie.")]);
            }

            return await _reports.SetDefaultTemplateAsync(id, parsed, templateId, User.ToActor(), cancellationToken);
        }, "Reports.DefaultSet", Back);
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, long templateId, string? body, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await ChangeAsync(() => _reports.SaveTemplateAsync(id, templateId, body ?? "", User.ToActor(), cancellationToken), "Reports.TemplateSaved", $"{Back}?bewerk={templateId}");
        if (Errors is not null)
        {
            RefusedText = body;
        }

        return result;
    }

    public static IEnumerable<string> Help(ReportKind kind) =>
        ReportPlaceholders.Catalog(kind).Where(k => k.Key != PlaceholderKind.Als)
            .SelectMany(k => k.Value.Order(StringComparer.Ordinal).Select(key => $"{{{{{PlaceholderKeywords.Of(k.Key)} {key}}}}}"));
}
