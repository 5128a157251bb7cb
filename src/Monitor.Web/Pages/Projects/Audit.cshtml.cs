using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Data;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Projects;

/// <summary>The project's audit trail, filterable per entity (CSV: ExportEndpoints, …/audit.csv).</summary>
[ProjectPermission(Capability.ViewAudit)]
public sealed class AuditModel : PageModel
{
    private readonly ProjectStore _projects;
    private readonly AuditStore _audit;

    public AuditModel(ProjectStore projects, AuditStore audit)
    {
        _projects = projects;
        _audit = audit;
    }

    public Project? Project { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? EntityId { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> Entities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await _projects.FindAsync(id, cancellationToken) is not { } project)
        {
            return NotFound();
        }

        Project = project;
        var all = await _audit.ListAsync(projectId: id, cancellationToken: cancellationToken);
        Entities = all.Select(e => e.Entity).Distinct().Order(StringComparer.Ordinal).ToList();
        Entries = all.Where(e => (Entity is null || e.Entity == Entity) && (EntityId is null || e.EntityId == EntityId)).ToList();
        return Page();
    }
}
