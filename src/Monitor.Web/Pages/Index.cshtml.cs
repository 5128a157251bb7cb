using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Frameworks;
using Monitor.Core.Projects;
using Monitor.Core.Storage;

namespace Monitor.Web.Pages;

public sealed class IndexModel : PageModel
{
    private readonly ProjectStore _projects;
    private readonly FrameworkStore _frameworks;

    public IndexModel(ProjectStore projects, FrameworkStore frameworks)
    {
        _projects = projects;
        _frameworks = frameworks;
    }

    public IReadOnlyList<ProjectSummary> Projects { get; private set; } = [];

    public IReadOnlyList<MovisiePhase> Phases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Projects = await _projects.ListAsync(cancellationToken);
        Phases = await _frameworks.ListPhasesAsync(cancellationToken);
    }

    public string PhaseName(int number) => UiText.PhaseName(Phases, number);

    public string FormatPeriod(DateOnly start, DateOnly? end) => UiText.Period(start, end);
}
