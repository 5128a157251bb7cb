using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Storage;
using Monitor.Core.Validation;

namespace Monitor.Web.Pages.Coding;

/// <summary>
/// Shared plumbing of the coding pages (all behind CodeData): the project, the message after a change and the
/// Dutch validation messages, carried over the redirect in TempData.
/// </summary>
public abstract class CodingPageModel : PageModel
{
    protected CodingPageModel(ProjectStore projects, CodingStore coding)
    {
        Projects = projects;
        Coding = coding;
    }

    protected ProjectStore Projects { get; }

    protected CodingStore Coding { get; }

    public long ProjectId { get; private set; }

    public string ProjectName { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Errors { get; set; }

    /// <summary>Loads the project; false when it does not exist.</summary>
    protected async Task<bool> LoadProjectAsync(long id, CancellationToken cancellationToken)
    {
        if (await Projects.FindAsync(id, cancellationToken) is not { } project)
        {
            return false;
        }

        ProjectId = id;
        ProjectName = project.Name;
        return true;
    }

    /// <summary>Runs a change; a validation failure becomes the page's error messages, "not found" a 404.</summary>
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
