using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Frameworks;
using Monitor.Core.Projects;
using Monitor.Core.Storage;

namespace Monitor.Web.Pages.Projects;

public sealed class DetailModel : PageModel
{
    private readonly ProjectStore _projects;
    private readonly FrameworkStore _frameworks;

    public DetailModel(ProjectStore projects, FrameworkStore frameworks)
    {
        _projects = projects;
        _frameworks = frameworks;
    }

    /// <summary>Set by OnGetAsync before the page renders (a 404 is returned otherwise).</summary>
    public Project? Project { get; private set; }

    public IReadOnlyList<MovisiePhase> Phases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await _projects.FindAsync(id, cancellationToken) is not { } project)
        {
            return NotFound();
        }

        Project = project;
        Phases = await _frameworks.ListPhasesAsync(cancellationToken);
        return Page();
    }

    public string PhaseName(int number) => UiText.PhaseName(Phases, number);
}
