using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Monitor.Core.Common;
using Monitor.Core.Projects;

namespace Monitor.Web.Pages;

/// <summary>
/// The one way project pages change data: post, run the change in Core, redirect back (post-redirect-get), and show the
/// outcome after the redirect — a confirmation from the UI strings in the user's language, Core's Dutch validation
/// messages, or 404 when the thing is not (or no longer) in the project. Messages travel in TempData.
/// </summary>
public abstract class ProjectPageModel : PageModel
{
    protected ProjectPageModel(ProjectStore projects) => Projects = projects;

    protected ProjectStore Projects { get; }

    public long ProjectId { get; private set; }

    public string ProjectName { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Errors { get; set; }

    /// <summary>The UI strings (Resources/*.tsv) in the user's language.</summary>
    protected IStringLocalizer T => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>Loads the project; false when it does not exist.</summary>
    protected virtual async Task<bool> LoadProjectAsync(long id, CancellationToken cancellationToken)
    {
        if (await Projects.FindAsync(id, cancellationToken) is not { } project)
        {
            return false;
        }

        ProjectId = id;
        ProjectName = project.Name;
        return true;
    }

    /// <summary>
    /// Runs a change; false from the change is a 404. Afterwards the confirmation <paramref name="messageKey"/> (a UI
    /// string) or the validation messages are shown on <paramref name="back"/>.
    /// </summary>
    protected async Task<IActionResult> ChangeAsync(Func<Task<bool>> change, string messageKey, string back) =>
        await ChangeAsync(async () => await change() ? "" : null, messageKey, back);

    /// <summary>
    /// Runs a change that returns the value the confirmation names ({0} in <paramref name="messageKey"/>), or null when
    /// the thing is not in the project (404).
    /// </summary>
    protected async Task<IActionResult> ChangeAsync(Func<Task<string?>> change, string messageKey, string back)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            if (await change() is not { } value)
            {
                return NotFound();
            }

            Message = string.Format(System.Globalization.CultureInfo.CurrentCulture, T[messageKey].Value, value);
        }
        catch (ValidationException ex)
        {
            Errors = string.Join("\n", ex.Errors.Select(e => e.Message));
        }

        return LocalRedirect(back);
    }
}
