using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Innovation;

namespace Monitor.Web.Pages.Frameworks;

/// <summary>The built-in frameworks of core elements (read-only), which a project can adopt as its own.</summary>
public sealed class CoreElementsModel : PageModel
{
    private readonly CoreElementStore _elements;

    public CoreElementsModel(CoreElementStore elements) => _elements = elements;

    public IReadOnlyList<CoreElementFramework> Frameworks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Frameworks = await _elements.ListFrameworksAsync(cancellationToken);
}
