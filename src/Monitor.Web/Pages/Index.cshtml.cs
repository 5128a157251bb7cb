using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Accounts;
using Monitor.Core.Frameworks;
using Monitor.Core.Networks;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages;

public sealed class IndexModel : PageModel
{
    private readonly ProjectStore _projects;
    private readonly FrameworkStore _frameworks;
    private readonly AccountStore _accounts;
    private readonly GroupGuestStore _guests;

    public IndexModel(ProjectStore projects, FrameworkStore frameworks, AccountStore accounts, GroupGuestStore guests)
    {
        _guests = guests;
        _projects = projects;
        _frameworks = frameworks;
        _accounts = accounts;
    }

    public IReadOnlyList<ProjectSummary> Projects { get; private set; } = [];

    public IReadOnlyList<MovisiePhase> Phases { get; private set; } = [];

    /// <summary>The groups of other organisations' projects the user was invited into as a guest.</summary>
    public IReadOnlyList<GuestGroup> GuestGroups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await _projects.ListAsync(cancellationToken);
        if (User.IsAdmin())
        {
            Projects = all;
        }
        else
        {
            var roles = User.UserId() is { } id ? await _accounts.GetProjectRolesAsync(id, cancellationToken) : new Dictionary<long, Core.Accounts.ProjectRole>();
            Projects = all.Where(p => roles.ContainsKey(p.Id)).ToList();
        }
        Phases = await _frameworks.ListPhasesAsync(cancellationToken);
        if (User.UserId() is { } user)
        {
            GuestGroups = await _guests.GroupsOfAsync(user, cancellationToken);
        }
    }

    public string PhaseName(int number) => UiText.PhaseName(Phases, number);

    public string FormatPeriod(DateOnly start, DateOnly? end) => UiText.Period(start, end);
}
