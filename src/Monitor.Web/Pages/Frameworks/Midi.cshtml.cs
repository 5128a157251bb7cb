using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Frameworks;

namespace Monitor.Web.Pages.Frameworks;

public sealed class MidiModel : PageModel
{
    private readonly FrameworkStore _frameworks;

    public MidiModel(FrameworkStore frameworks) => _frameworks = frameworks;

    public IReadOnlyList<MidiGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Groups = await _frameworks.ListMidiGroupsAsync(cancellationToken);
}
