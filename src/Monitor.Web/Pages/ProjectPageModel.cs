using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Projects;

namespace Monitor.Web.Pages;

/// <summary>
/// Shared plumbing of the project pages that change data with post-redirect-get: the project, and the message
/// or the Dutch validation messages of the last change, carried over the redirect in TempData.
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

    /// <summary>Runs a change; a validation failure becomes the page's error messages, "not found" a 404; then back.</summary>
    protected async Task<IActionResult> ChangeAsync(Func<Task<bool>> change, string message, string back)
    {
        try
        {
            if (!await change())
            {
                return NotFound();
            }

            Message = message;
        }
        catch (ValidationException ex)
        {
            Errors = string.Join("\n", ex.Errors.Select(e => e.Message));
        }

        return LocalRedirect(back);
    }
}
