using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Frameworks;

namespace Monitor.Web.Pages.Frameworks;

public sealed class BowenModel : PageModel
{
    private readonly FrameworkStore _frameworks;

    public BowenModel(FrameworkStore frameworks) => _frameworks = frameworks;

    public IReadOnlyList<BowenArea> Areas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Areas = await _frameworks.ListBowenAreasAsync(cancellationToken);
}
