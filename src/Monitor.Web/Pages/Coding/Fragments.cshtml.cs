using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Coding;

/// <summary>Retrieval: every fragment of a code with its context and source, filtered by group, phase, period, valence and coder.</summary>
[ProjectPermission(Capability.CodeData)]
public sealed class FragmentsModel : CodingPageModel
{
    private readonly CodebookStore _codebooks;
    private readonly FragmentQueries _fragments;
    private readonly GroupStore _groups;

    public FragmentsModel(ProjectStore projects, CodebookStore codebooks, FragmentQueries fragments, GroupStore groups) : base(projects)
    {
        _codebooks = codebooks;
        _fragments = fragments;
        _groups = groups;
    }

    public IReadOnlyList<Fragment> Fragments { get; private set; } = [];

    public IReadOnlyList<Codebook> Codebooks { get; private set; } = [];

    public IReadOnlyList<GroupInfo> Groups { get; private set; } = [];

    public IReadOnlyList<(long Id, string Name)> Coders { get; private set; } = [];

    public IReadOnlyList<DocumentVariable> Attributes { get; private set; } = [];

    public FragmentFilter Filter { get; private set; } = new();

    public const int PageLimit = 500;

    public async Task<IActionResult> OnGetAsync(long id, long? code, long? groep, int? fase, string? van, string? tot, string? valentie, long? codeur, string? kenmerk, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Codebooks = await _codebooks.ListCodebooksAsync(id, cancellationToken);
        Groups = await _groups.ListGroupsAsync(id, cancellationToken) ?? [];
        Filter = new FragmentFilter
        {
            CodeId = code,
            GroupId = groep,
            Phase = fase is >= 0 and <= 5 ? fase : null,
            // a filter in the address: an unreadable date is no filter (the form only sends jjjj-mm-dd)
            From = new FieldParser().Date(van, "van", "van"),
            To = new FieldParser().Date(tot, "tot", "tot"),
            Valence = Codes.TryParse<Valence>(valentie, out var v) ? v : null,
            CoderId = codeur,
            Attribute = DocumentVariable.Parse(kenmerk),
            Limit = PageLimit,
        };
        Fragments = await _fragments.ListFragmentsAsync(id, Filter, cancellationToken);
        Coders = await _fragments.ListCodersAsync(id, cancellationToken);
        Attributes = await _fragments.ListAttributesAsync(id, cancellationToken);
        return Page();
    }
}
