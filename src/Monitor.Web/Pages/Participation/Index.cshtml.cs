using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Participation;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Participation;

/// <summary>
/// Client participation (issue #23): every moment a party such as the cliëntenraad was involved, its rung on the
/// participation ladder, what was asked, what was done with it and whether that was reported back; a small overview per
/// rung. Every project role reads it; projectleider and onderzoeker record (through <see cref="ManageModel"/>).
/// </summary>
[ProjectPermission(Capability.ViewProject)]
public sealed class IndexModel : ProjectPageModel
{
    private readonly ParticipationStore _participation;
    private readonly IAuthorizationService _authorization;
    private readonly TimeProvider _time;

    public IndexModel(ProjectStore projects, ParticipationStore participation, IAuthorizationService authorization, TimeProvider time) : base(projects)
    {
        _participation = participation;
        _authorization = authorization;
        _time = time;
    }

    public IReadOnlyList<ParticipationMoment> Moments { get; private set; } = [];

    public ParticipationOverview Overview { get; private set; } = ParticipationOverview.Of([]);

    public IReadOnlyList<ProjectGroup> Groups { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>The moment being edited (?wijzig=id), or null for a new one.</summary>
    public ParticipationMoment? Editing { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery(Name = "wijzig")] long? edit, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken) || await _participation.ListAsync(id, cancellationToken) is not { } moments)
        {
            return NotFound();
        }

        Moments = moments;
        Overview = ParticipationOverview.Of([.. moments]);
        Groups = (await Projects.FindAsync(id, cancellationToken))?.Groups ?? [];
        CanEdit = (await _authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ManageFindings))).Succeeded;
        Editing = CanEdit && edit is { } e ? moments.FirstOrDefault(m => m.Id == e) : null;
        Today = DutchClock.Today(_time);
        return Page();
    }
}
