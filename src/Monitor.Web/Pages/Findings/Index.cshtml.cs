using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Findings;
using Monitor.Core.Frameworks;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Findings;

/// <summary>The findings of a project by kind and heading, with status and evidence count; a form to add one.</summary>
[ProjectPermission(Capability.ViewReports)]
public sealed class IndexModel : FindingsPageModel
{
    private readonly FrameworkStore _frameworks;

    public IndexModel(ProjectStore projects, FindingStore findings, IAuthorizationService authorization, FrameworkStore frameworks) : base(projects, findings, authorization) =>
        _frameworks = frameworks;

    /// <summary>The names of the MIDI determinants the findings name by number.</summary>
    public FrameworkLabels Labels { get; private set; } = null!;

    public IReadOnlyList<Finding> All { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        All = await Findings.ListAsync(id, Audience, cancellationToken);
        Labels = await _frameworks.LabelsAsync(cancellationToken);
        return Page();
    }
}
