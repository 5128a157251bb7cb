using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Privacy;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Projects;

/// <summary>Per project: the names that exports and reports replace by a code, and the retention period with its report.</summary>
[ProjectPermission(Capability.ManagePrivacy)]
public sealed class PrivacyModel : ProjectPageModel
{
    private readonly PrivacyStore _privacy;

    public PrivacyModel(ProjectStore projects, PrivacyStore privacy) : base(projects) => _privacy = privacy;

    public Project? Project { get; private set; }

    public IReadOnlyList<Pseudonym> Pseudonyms { get; private set; } = [];

    public RetentionReport Report { get; private set; } = new(null, null, []);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await Projects.FindAsync(id, cancellationToken) is not { } project)
        {
            return NotFound();
        }

        Project = project;
        Pseudonyms = await _privacy.ListPseudonymsAsync(id, cancellationToken);
        Report = await _privacy.GetRetentionReportAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAddPseudonymAsync(long id, string? name, CancellationToken cancellationToken) =>
        ChangeAsync(async () => (await _privacy.AddPseudonymAsync(id, name ?? "", User.ToActor(), cancellationToken)).Code, "Privacy.Added", Back(id));

    public Task<IActionResult> OnPostRemovePseudonymAsync(long id, long pseudonymId, CancellationToken cancellationToken) =>
        ChangeAsync(() => _privacy.RemovePseudonymAsync(id, pseudonymId, User.ToActor(), cancellationToken), "Privacy.Removed", Back(id));

    public Task<IActionResult> OnPostRetentionAsync(long id, int? retentionMonths, CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            await _privacy.SetRetentionAsync(id, retentionMonths, User.ToActor(), cancellationToken);
            return true;
        }, "Privacy.RetentionSaved", Back(id));

    private static string Back(long id) => $"/projecten/{id}/privacy";
}
