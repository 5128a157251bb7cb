using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Monitor.Core.Common;
using Monitor.Core.Privacy;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Projects;

/// <summary>Per project: the names that exports and reports replace by a code, and the retention period with its report.</summary>
[ProjectPermission(Capability.ManagePrivacy)]
public sealed class PrivacyModel : PageModel
{
    private readonly ProjectStore _projects;
    private readonly PrivacyStore _privacy;
    private readonly IStringLocalizer<SharedResource> _t;

    public PrivacyModel(ProjectStore projects, PrivacyStore privacy, IStringLocalizer<SharedResource> t)
    {
        _projects = projects;
        _privacy = privacy;
        _t = t;
    }

    public Project? Project { get; private set; }

    public IReadOnlyList<Pseudonym> Pseudonyms { get; private set; } = [];

    public RetentionReport Report { get; private set; } = new(null, null, []);

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAddPseudonymAsync(long id, string? name, CancellationToken cancellationToken) =>
        ChangeAsync(id, async () =>
        {
            var added = await _privacy.AddPseudonymAsync(id, name ?? "", User.ToActor(), cancellationToken);
            return string.Format(System.Globalization.CultureInfo.CurrentCulture, _t["Privacy.Added"], added.Code);
        }, cancellationToken);

    public Task<IActionResult> OnPostRemovePseudonymAsync(long id, long pseudonymId, CancellationToken cancellationToken) =>
        ChangeAsync(id, async () => await _privacy.RemovePseudonymAsync(id, pseudonymId, User.ToActor(), cancellationToken) ? _t["Privacy.Removed"].Value : null, cancellationToken);

    public Task<IActionResult> OnPostRetentionAsync(long id, int? retentionMonths, CancellationToken cancellationToken) =>
        ChangeAsync(id, async () =>
        {
            await _privacy.SetRetentionAsync(id, retentionMonths, User.ToActor(), cancellationToken);
            return _t["Privacy.RetentionSaved"].Value;
        }, cancellationToken);

    // A change to a project that no longer exists fails as a ValidationException; LoadAsync then answers 404.
    private async Task<IActionResult> ChangeAsync(long id, Func<Task<string?>> change, CancellationToken cancellationToken)
    {
        try
        {
            Message = await change();
        }
        catch (ValidationException ex)
        {
            Errors = ex.Errors;
        }

        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await _projects.FindAsync(id, cancellationToken) is not { } project)
        {
            return NotFound();
        }

        Project = project;
        Pseudonyms = await _privacy.ListPseudonymsAsync(id, cancellationToken);
        Report = await _privacy.GetRetentionReportAsync(id, cancellationToken);
        return Page();
    }
}
