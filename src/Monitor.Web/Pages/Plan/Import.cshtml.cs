using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Monitor.Core.Common;
using Monitor.Core.Planning;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Plan;

/// <summary>
/// Imports a plan from CSV or Excel into this project. All or nothing: when any row is invalid, every invalid
/// row is listed with its row number and nothing is imported.
/// </summary>
[ProjectPermission(Capability.ManageProject)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
public sealed class ImportModel : PageModel
{
    public const int MaxBytes = 5 * 1024 * 1024;

    private readonly ProjectStore _projects;
    private readonly PlanStore _plans;
    private readonly IStringLocalizer<SharedResource> _t;

    public ImportModel(ProjectStore projects, PlanStore plans, IStringLocalizer<SharedResource> t)
    {
        _projects = projects;
        _plans = plans;
        _t = t;
    }

    public Project? Project { get; private set; }

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        (Project = await _projects.FindAsync(id, cancellationToken)) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(long id, IFormFile? file, CancellationToken cancellationToken)
    {
        if ((Project = await _projects.FindAsync(id, cancellationToken)) is null)
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            Errors = [new ValidationError("", _t["Import.NoFile"])];
            return Page();
        }

        if (file.Length > MaxBytes)
        {
            Errors = [new ValidationError("", _t["Import.TooLarge"])];
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        var result = extension switch
        {
            ".csv" => PlanCsv.Import(stream),
            ".xlsx" => PlanXlsx.Import(stream),
            _ => null,
        };
        if (result is null)
        {
            Errors = [new ValidationError("", _t["Import.WrongType"])];
            return Page();
        }

        if (result.Errors.Count > 0)
        {
            Errors = result.Errors;
            return Page();
        }

        try
        {
            await _plans.ImportAsync(id, result.Activities, result.Goals, User.ToActor(), cancellationToken);
        }
        catch (ValidationException ex)
        {
            Errors = ex.Errors;
            return Page();
        }

        Message = string.Format(System.Globalization.CultureInfo.CurrentCulture, _t["Import.Done"], result.Activities.Count, result.Goals.Count);
        return LocalRedirect($"/projecten/{id}/plan");
    }
}
