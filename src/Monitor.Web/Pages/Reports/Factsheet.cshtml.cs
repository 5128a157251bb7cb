using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Findings;
using Monitor.Core.Projects;
using Monitor.Core.Reports;
using Monitor.Web.Endpoints;
using Monitor.Web.Forms;
using Monitor.Web.Pages.Findings;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Reports;

/// <summary>
/// The one-page factsheet for management and the funder (#23) over a chosen period (the previous month unless chosen),
/// shown here, printable on one A4 page and as a Word document. Made when asked for, like a look at the dashboard.
/// </summary>
[ProjectPermission(Capability.ViewReports)]
public sealed class FactsheetModel : FindingsPageModel
{
    private readonly ReportService _reports;
    private readonly TimeProvider _time;

    public FactsheetModel(ProjectStore projects, FindingStore findings, IAuthorizationService authorization, ReportService reports, TimeProvider time) : base(projects, findings, authorization)
    {
        _reports = reports;
        _time = time;
    }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public ReportParameters? Period { get; private set; }

    public Factsheet? Sheet { get; private set; }

    /// <summary>The period as the query of the print and Word links.</summary>
    public string Query => Period is { } p ? $"?from={p.From:yyyy-MM-dd}&to={p.To:yyyy-MM-dd}" : "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var input = new FieldParser();
        Period = ReportEndpoints.FactsheetPeriod(input, From, To, _time);
        try
        {
            Sheet = Period is null ? null : await _reports.FactsheetAsync(id, Period, cancellationToken);
        }
        catch (Monitor.Core.Common.ValidationException ex)
        {
            input.Add("to", string.Join(" ", ex.Errors.Select(e => e.Message)));
        }

        if (input.HasErrors)
        {
            Errors = string.Join("\n", input.Errors.Select(e => e.Message));
            Period = null;
            Sheet = null;
        }

        return Page();
    }
}
