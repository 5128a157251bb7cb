using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Frameworks;

namespace Monitor.Web.Pages.Frameworks;

public sealed class IndexModel : PageModel
{
    private readonly FrameworkStore _frameworks;

    public IndexModel(FrameworkStore frameworks) => _frameworks = frameworks;

    public IReadOnlyList<ReferenceFramework> Frameworks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Frameworks = await _frameworks.ListFrameworksAsync(cancellationToken);
}
