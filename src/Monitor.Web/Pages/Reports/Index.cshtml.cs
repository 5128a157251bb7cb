using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Findings;
using Monitor.Core.Projects;
using Monitor.Core.Reports;
using Monitor.Web.Forms;
using Monitor.Web.Pages.Findings;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Reports;

/// <summary>Generate a progress report or process evaluation with a chosen template and period; every generated report is kept.</summary>
[ProjectPermission(Capability.ViewReports)]
public sealed class IndexModel : FindingsPageModel
{
    private readonly ReportService _reports;
    private readonly ReportSchedule _schedules;
    private readonly TimeProvider _time;

    public IndexModel(ProjectStore projects, FindingStore findings, IAuthorizationService authorization, ReportService reports, ReportSchedule schedules, TimeProvider time) : base(projects, findings, authorization)
    {
        _reports = reports;
        _schedules = schedules;
        _time = time;
    }

    public ReportScheduleSetting? Schedule { get; private set; }

    public bool CanSchedule { get; private set; }

    private async Task<bool> MaySchedule() => (await Authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ManageProject))).Succeeded;

    /// <summary>The project's own schedule of the monthly progress report (projectleider); empty fields go back to the default.</summary>
    public async Task<IActionResult> OnPostScheduleAsync(long id, string? cron, string? timeZone, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!await MaySchedule())
        {
            return Forbid();
        }

        return await ChangeAsync(() => _schedules.SaveAsync(id, new ReportScheduleSetting(cron, timeZone), User.ToActor(), cancellationToken), "Reports.ScheduleSaved", $"/projecten/{id}/rapporten");
    }

    public IReadOnlyList<SnapshotInfo> Snapshots { get; private set; } = [];

    public IReadOnlyList<TemplateInfo> Templates { get; private set; } = [];

    public ReportParameters DefaultPeriod { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Snapshots = await _reports.ListSnapshotsAsync(id, cancellationToken);
        Templates = [.. await _reports.ListTemplatesAsync(id, ReportKind.Voortgang, cancellationToken), .. await _reports.ListTemplatesAsync(id, ReportKind.Procesevaluatie, cancellationToken)];
        DefaultPeriod = ReportService.PreviousMonth(DutchClock.Today(_time));
        Schedule = await _schedules.FindAsync(id, cancellationToken);
        CanSchedule = await MaySchedule();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? kind, string? template, string? from, string? to, bool concept, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var back = $"/projecten/{id}/rapporten";
        try
        {
            if (!ReportService.TryParseKind(kind, out var parsedKind))
            {
                throw new ValidationException([new ValidationError("kind", "Kies voortgangsrapportage of procesevaluatie.")]);
            }

            var input = new FieldParser();
            var fromDate = input.Date(from, "from", "het begin van de periode");
            var toDate = input.Date(to, "to", "het einde van de periode");
            input.ThrowIfAny();
            var today = DutchClock.Today(_time);
            var period = ReportService.PreviousMonth(today);
            var parameters = new ReportParameters(fromDate ?? period.From, toDate ?? period.To, today, concept);
            long? templateId = long.TryParse(template, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
            var snapshot = await _reports.GenerateAsync(id, parsedKind, templateId, parameters, User.ToActor(), cancellationToken);
            if (snapshot is null)
            {
                return NotFound();
            }

            Message = T["Reports.Generated"].Value;
            return LocalRedirect($"/projecten/{id}/rapporten/{snapshot.Info.Id}");
        }
        catch (ValidationException ex)
        {
            Errors = string.Join("\n", ex.Errors.Select(e => e.Message));
            return LocalRedirect(back);
        }
    }
}
