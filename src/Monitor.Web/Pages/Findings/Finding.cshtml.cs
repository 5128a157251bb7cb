using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Coding;
using Monitor.Core.Findings;
using Monitor.Core.Frameworks;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Findings;

/// <summary>One finding: text, framework links, status with its joint sessions, evidence as quotes with their source, history.</summary>
[ProjectPermission(Capability.ViewReports)]
public sealed class FindingModel : FindingsPageModel
{
    private readonly FragmentQueries _fragments;

    private readonly FrameworkStore _frameworks;

    public FindingModel(ProjectStore projects, FindingStore findings, IAuthorizationService authorization, FragmentQueries fragments, FrameworkStore frameworks) : base(projects, findings, authorization)
    {
        _fragments = fragments;
        _frameworks = frameworks;
    }

    /// <summary>The names of the MIDI determinants and Bowen areas the finding names by number.</summary>
    public FrameworkLabels Labels { get; private set; } = null!;

    public Finding Finding { get; private set; } = null!;

    public IReadOnlyList<FindingHistoryEntry> History { get; private set; } = [];

    /// <summary>Coded fragments of the finding's determinants that are not evidence yet (for researchers to link).</summary>
    public IReadOnlyList<Fragment> Candidates { get; private set; } = [];

    public string ManageUrl(string handler) => $"/projecten/{ProjectId}/bevindingen/{Finding.Id}/wijzigen?handler={handler}";

    public async Task<IActionResult> OnGetAsync(long id, long findingId, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken) || await Findings.FindAsync(id, findingId, Audience, cancellationToken) is not { } finding)
        {
            return NotFound();
        }

        Finding = finding;
        Labels = await _frameworks.LabelsAsync(cancellationToken);
        History = await Findings.HistoryAsync(id, findingId, Audience, cancellationToken) ?? [];
        if (CanManage && finding.Fields.Determinants.Count > 0)
        {
            var linked = finding.Evidence.Where(e => e.Kind == EvidenceKind.Codering).Select(e => e.TargetId).ToHashSet();
            var candidates = new List<Fragment>();
            foreach (var determinant in finding.Fields.Determinants)
            {
                candidates.AddRange(await _fragments.ListFragmentsAsync(id, new FragmentFilter { CodeKey = $"midi-{determinant}", Limit = 200 }, cancellationToken));
            }

            Candidates = candidates.Where(f => !linked.Contains(f.Coding.Id)).Take(50).ToList();
        }

        return Page();
    }
}
