using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Frameworks;

namespace Monitor.Web.Pages.Frameworks;

public sealed class MovisieModel : PageModel
{
    private readonly FrameworkStore _frameworks;

    public MovisieModel(FrameworkStore frameworks) => _frameworks = frameworks;

    public IReadOnlyList<MovisiePhase> Phases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Phases = await _frameworks.ListPhasesAsync(cancellationToken);
}
