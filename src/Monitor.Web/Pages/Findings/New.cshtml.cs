using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Findings;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Findings;

/// <summary>Adds a finding (concept) from the form on the findings page.</summary>
[ProjectPermission(Capability.ManageFindings)]
public sealed class NewModel : FindingsPageModel
{
    public NewModel(ProjectStore projects, FindingStore findings, IAuthorizationService authorization) : base(projects, findings, authorization)
    {
    }

    public IActionResult OnGet(long id) => LocalRedirect($"/projecten/{id}/bevindingen");

    public async Task<IActionResult> OnPostAsync(long id, string? kind, string? heading, string? title, string? explanation, string? determinants, string? bowen, string? phase, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var findingId = await Findings.CreateAsync(id, Draft(kind, heading, title, explanation, determinants, bowen, phase), [], User.ToActor(), cancellationToken);
            Message = T["Findings.Created"].Value;
            return LocalRedirect($"/projecten/{id}/bevindingen/{findingId}");
        }
        catch (ValidationException ex)
        {
            Errors = string.Join("\n", ex.Errors.Select(e => e.Message));
            return LocalRedirect($"/projecten/{id}/bevindingen");
        }
    }
}
