using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Coding;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Coding;

/// <summary>Determinant × phase and determinant × group matrices with facilitator/barrier counts, and code frequencies.</summary>
[ProjectPermission(Capability.CodeData)]
public sealed class MatrixModel : CodingPageModel
{
    private readonly FragmentQueries _fragments;

    public MatrixModel(ProjectStore projects, FragmentQueries fragments) : base(projects) => _fragments = fragments;

    public CodeMatrix Matrix { get; private set; } = new([], []);

    public bool ByGroup { get; private set; }

    public bool ShowEmpty { get; private set; }

    public IReadOnlyList<CodeFrequency> Frequencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, string? per, bool alle, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ByGroup = per == "groep";
        ShowEmpty = alle;
        Matrix = await _fragments.MatrixAsync(id, ByGroup, cancellationToken);
        Frequencies = await _fragments.FrequenciesAsync(id, cancellationToken);
        return Page();
    }

    public string CellLink(Code code, string columnKey) =>
        $"/projecten/{ProjectId}/codering/fragmenten?code={code.Id}&{(ByGroup ? "groep" : "fase")}={columnKey}";
}
