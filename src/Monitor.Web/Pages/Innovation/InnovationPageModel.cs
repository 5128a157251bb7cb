using Microsoft.AspNetCore.Authorization;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Innovation;

/// <summary>What the user may do with the innovation's core elements, checklists and reach (the table in ProjectAccess decides).</summary>
public abstract class InnovationPageModel : ProjectPageModel
{
    protected InnovationPageModel(ProjectStore projects, IAuthorizationService authorization) : base(projects) => Authorization = authorization;

    protected IAuthorizationService Authorization { get; }

    /// <summary>Describe the core elements, make checklist links, enter reach counts (projectleider).</summary>
    public bool CanManage { get; private set; }

    /// <summary>Turn the elements into a codebook and see every checklist (projectleider and onderzoeker).</summary>
    public bool CanAnalyse { get; private set; }

    /// <summary>Fill in a checklist (everyone who sees meeting details: projectleider, onderzoeker, deelnemer).</summary>
    public bool CanFillIn { get; private set; }

    /// <summary>Aggregates of fidelity and reach (all but the deelnemer); management only from 5 checklists up.</summary>
    public bool CanSeeAggregates { get; private set; }

    protected override async Task<bool> LoadProjectAsync(long id, CancellationToken cancellationToken)
    {
        if (!await base.LoadProjectAsync(id, cancellationToken))
        {
            return false;
        }

        CanManage = await AllowedAsync(Capability.ManageProject);
        CanAnalyse = await AllowedAsync(Capability.ManageFindings);
        CanFillIn = await AllowedAsync(Capability.ViewMeetingDetails);
        CanSeeAggregates = await AllowedAsync(Capability.ViewReports);
        return true;
    }

    private async Task<bool> AllowedAsync(Capability capability) =>
        (await Authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(capability))).Succeeded;
}
