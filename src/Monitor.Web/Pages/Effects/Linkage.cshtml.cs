using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Linkage;
using Monitor.Core.Interop;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Effects;

/// <summary>
/// Pre/post linkage of a project's rounds: per round whether its form asks for the personal code and the personal
/// invitation links for the register (projectleider and onderzoeker; the links come as a CSV to mail from), and the paired
/// analysis of two rounds of one questionnaire (by default the first voormeting → the last nameting) with the linkage rate,
/// per condition and the difference of change (management: no item or condition under 5 pairs).
/// </summary>
[ProjectPermission(Capability.ViewReports)]
public sealed class LinkageModel : ProjectPageModel
{
    private readonly QuestionnaireStore _questionnaires;
    private readonly SurveyRoundStore _rounds;
    private readonly SurveyLinkageStore _linkage;
    private readonly IAuthorizationService _authorization;

    public LinkageModel(ProjectStore projects, QuestionnaireStore questionnaires, SurveyRoundStore rounds, SurveyLinkageStore linkage, IAuthorizationService authorization) : base(projects)
    {
        _questionnaires = questionnaires;
        _rounds = rounds;
        _linkage = linkage;
        _authorization = authorization;
    }

    public bool CanManage { get; private set; }

    public IReadOnlyList<Questionnaire> Questionnaires { get; private set; } = [];

    public IReadOnlyList<MeasurementRound> Rounds { get; private set; } = [];

    public IReadOnlySet<long> AsksCode { get; private set; } = new HashSet<long>();

    public long? Before { get; private set; }

    public long? After { get; private set; }

    public PairedAnalysis? Paired { get; private set; }

    public string? PairError { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long? voor, long? na, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Questionnaires = await _questionnaires.ListAsync(id, cancellationToken);
        Rounds = await _rounds.ListAsync(id, cancellationToken);
        AsksCode = await _linkage.RoundsAskingCodeAsync(id, cancellationToken);
        // without a choice: the first voormeting → the last nameting of the first questionnaire that has two rounds
        var pair = SurveyLinkageStore.DefaultPair(Rounds);
        (Before, After) = (voor ?? pair?.From.Id, na ?? pair?.To.Id);
        if (Before is { } before && After is { } after)
        {
            try
            {
                Paired = await _linkage.PairAsync(id, before, after, CanManage ? 1 : SurveyAnalysis.ManagementMinimum, cancellationToken);
            }
            catch (ValidationException ex)
            {
                PairError = string.Join(" ", ex.Errors.Select(e => e.Message));
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync(long id, long roundId, bool asks, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return CanManage
            ? await ChangeAsync(() => _linkage.SetPersonalCodeAsync(id, roundId, asks, User.ToActor(), cancellationToken), asks ? "Linkage.CodeOn" : "Linkage.CodeOff", $"/projecten/{id}/effectmeting/koppeling")
            : Forbid();
    }

    /// <summary>The personal links of a round as a CSV (label, group, condition, address): shown once, to mail from.</summary>
    public async Task<IActionResult> OnPostInviteAsync(long id, long roundId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        IReadOnlyList<Invitation>? invitations;
        try
        {
            invitations = await _linkage.CreateInvitationsAsync(id, roundId, User.ToActor(), cancellationToken);
        }
        catch (ValidationException ex)
        {
            Errors = string.Join("\n", ex.Errors.Select(e => e.Message));
            return LocalRedirect($"/projecten/{id}/effectmeting/koppeling");
        }

        if (invitations is null)
        {
            return NotFound();
        }

        var csv = new CsvWriter(';').Row(["professional", "groep", "conditie", "link"]);
        foreach (var invitation in invitations)
        {
            csv.Row([invitation.Invitee.Label, invitation.Invitee.Cohort, invitation.Invitee.Condition.ToCode(), $"{Request.Scheme}://{Request.Host}/vragenlijst/{invitation.Token}"]);
        }

        return File(csv.ToBytes(), "text/csv; charset=utf-8", $"uitnodigingen-ronde-{roundId}.csv");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return false;
        }

        CanManage = (await _authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ManageFindings))).Succeeded;
        return true;
    }
}
