using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Findings;
using Monitor.Core.Projects;
using Monitor.Core.Reports;
using Monitor.Web.Pages.Findings;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Reports;

/// <summary>One stored report: what it was made with, its files, and what changed since the previous report of that type.</summary>
[ProjectPermission(Capability.ViewReports)]
public sealed class SnapshotModel : FindingsPageModel
{
    private readonly ReportService _reports;

    public SnapshotModel(ProjectStore projects, FindingStore findings, IAuthorizationService authorization, ReportService reports) : base(projects, findings, authorization) => _reports = reports;

    public SnapshotInfo Info { get; private set; } = null!;

    public SnapshotInfo? Previous { get; private set; }

    public IReadOnlyList<DiffLine> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, long snapshotId, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken) || await _reports.FindSnapshotAsync(id, snapshotId, cancellationToken) is not { } snapshot)
        {
            return NotFound();
        }

        Info = snapshot.Info;
        if (await _reports.DiffWithPreviousAsync(id, snapshotId, cancellationToken) is { } diff)
        {
            Previous = diff.Previous;
            Changes = diff.Lines;
        }

        return Page();
    }
}
