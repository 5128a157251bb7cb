using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Effects.Linkage;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Effects;

/// <summary>
/// The training register of a project (projectleider and onderzoeker): which professionals were trained, in which group
/// and when, and the untrained ones of the comparison group; each entry can be changed or removed (audited). Personal
/// invitation links take their condition from it.
/// </summary>
[ProjectPermission(Capability.ManageFindings)]
public sealed class RegisterModel : ProjectPageModel
{
    private readonly TrainingRegisterStore _register;

    public RegisterModel(ProjectStore projects, TrainingRegisterStore register) : base(projects) => _register = register;

    public IReadOnlyList<RegisterEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Entries = await _register.ListAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? label, string? cohort, string? trainedOn, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await ChangeAsync(async () =>
        {
            var fields = new FieldParser();
            var day = fields.Date(trainedOn, "trainedOn", "de trainingsdatum");
            fields.ThrowIfAny();
            return await _register.AddAsync(id, label ?? "", cohort ?? "", day, User.ToActor(), cancellationToken) is null ? null : (label ?? "").Trim();
        }, "Register.Added", $"/projecten/{id}/effectmeting/trainingsregister");
    }

    /// <summary>Changes an entry's label, training group or training day (an empty date: not trained).</summary>
    public async Task<IActionResult> OnPostUpdateAsync(long id, long entryId, string? label, string? cohort, string? trainedOn, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await ChangeAsync(async () =>
        {
            var fields = new FieldParser();
            var day = fields.Date(trainedOn, "trainedOn", "de trainingsdatum");
            fields.ThrowIfAny();
            return await _register.UpdateAsync(id, entryId, label ?? "", cohort ?? "", day, User.ToActor(), cancellationToken) ? (label ?? "").Trim() : null;
        }, "Register.Updated", $"/projecten/{id}/effectmeting/trainingsregister");
    }

    /// <summary>Removes an entry (asked first in the browser); its responses stay, anonymous.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(long id, long entryId, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await ChangeAsync(async () =>
            await _register.FindAsync(id, entryId, cancellationToken) is { } entry && await _register.DeleteAsync(id, entryId, User.ToActor(), cancellationToken) ? entry.Label : null,
            "Register.Deleted", $"/projecten/{id}/effectmeting/trainingsregister");
    }
}
