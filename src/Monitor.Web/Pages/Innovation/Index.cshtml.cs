using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Innovation;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Innovation;

/// <summary>
/// The innovation itself: its core elements (kernelementen) with what counts as delivered, fidelity per element and per
/// team over time, reach and adoption per month with sustainment after the project's end, and the personal checklist links.
/// </summary>
[ProjectPermission(Capability.ViewProject)]
public sealed class IndexModel : InnovationPageModel
{
    private readonly CoreElementStore _elements;
    private readonly FidelityStore _fidelity;
    private readonly ReachStore _reach;

    public IndexModel(ProjectStore projects, IAuthorizationService authorization, CoreElementStore elements, FidelityStore fidelity, ReachStore reach) : base(projects, authorization)
    {
        _elements = elements;
        _fidelity = fidelity;
        _reach = reach;
    }

    public IReadOnlyList<CoreElement> Elements { get; private set; } = [];

    public IReadOnlyList<CoreElementFramework> Frameworks { get; private set; } = [];

    public FidelitySummary? Fidelity { get; private set; }

    /// <summary>The checklists this user filled in (a deelnemer sees only these).</summary>
    public IReadOnlyList<Checklist> OwnChecklists { get; private set; } = [];

    public IReadOnlyList<ReachRow> ReachRows { get; private set; } = [];

    public ShownChart? FidelityChart { get; private set; }

    public ShownChart? ReachChart { get; private set; }

    public IReadOnlyList<Sustainment> Sustainment { get; private set; } = [];

    public IReadOnlyList<FidelityLink> Links { get; private set; } = [];

    public IReadOnlyList<string> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken) || await _elements.ListAsync(id, cancellationToken) is not { } elements)
        {
            return NotFound();
        }

        Elements = elements;
        Frameworks = await _elements.ListFrameworksAsync(cancellationToken);
        if (CanSeeAggregates)
        {
            // management sees aggregates only from 5 checklists up; the team that fills them in sees every count
            var minimum = CanFillIn ? 1 : Monitor.Core.Innovation.Fidelity.ManagementMinimum;
            Fidelity = Monitor.Core.Innovation.Fidelity.Summarise(elements, await _fidelity.ListAsync(id, cancellationToken: cancellationToken), minimum);
            var counts = (await _reach.ListAsync(id, cancellationToken))!;
            ReachRows = Reach.PerMonth(counts);
            var charts = HttpContext.RequestServices.GetRequiredService<Monitor.Core.Charts.IChartRenderer>();
            if (InnovationCharts.Fidelity(Fidelity, T["Innovation.FidelityChart"].Value, T["Innovation.FidelityChartDescription"].Value) is { } fidelityChart)
            {
                FidelityChart = ShownChart.Of(charts, fidelityChart);
            }

            if (InnovationCharts.Reach(Reach.Totals(counts), T["Innovation.ReachChart"].Value, T["Innovation.ReachChartDescription"].Value, UiText.Language) is { } reachChart)
            {
                ReachChart = ShownChart.Of(charts, reachChart);
            }

            Sustainment = Reach.Sustain(counts, (await Projects.FindAsync(id, cancellationToken))!.EndDate);
        }

        if (CanFillIn && User.UserId() is { } userId)
        {
            OwnChecklists = await _fidelity.ListAsync(id, userId, cancellationToken: cancellationToken);
        }

        if (CanManage)
        {
            Links = await _fidelity.ListLinksAsync(id, cancellationToken);
        }

        Teams = await _fidelity.TeamsAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(long id, string? name, string? deliveredWhen, CancellationToken cancellationToken) =>
        await ManageAsync(id, Capability.ManageProject, async () =>
            await _elements.AddAsync(id, name ?? "", deliveredWhen ?? "", User.ToActor(), cancellationToken) is null ? null : (name ?? "").Trim(), "Innovation.ElementAdded", cancellationToken);

    public async Task<IActionResult> OnPostUpdateAsync(long id, long elementId, string? name, string? deliveredWhen, CancellationToken cancellationToken) =>
        await ManageAsync(id, Capability.ManageProject, async () =>
            await _elements.UpdateAsync(id, elementId, name ?? "", deliveredWhen ?? "", User.ToActor(), cancellationToken) ? (name ?? "").Trim() : null, "Innovation.ElementSaved", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(long id, long elementId, CancellationToken cancellationToken) =>
        await ManageAsync(id, Capability.ManageProject, async () =>
            await _elements.DeleteAsync(id, elementId, User.ToActor(), cancellationToken) ? "" : null, "Innovation.ElementDeleted", cancellationToken);

    public async Task<IActionResult> OnPostAdoptAsync(long id, string? framework, CancellationToken cancellationToken) =>
        await ManageAsync(id, Capability.ManageProject, async () =>
            await _elements.AdoptAsync(id, framework ?? "", User.ToActor(), cancellationToken) is { } added ? added.ToString(CultureInfo.CurrentCulture) : null, "Innovation.Adopted", cancellationToken);

    public async Task<IActionResult> OnPostCodebookAsync(long id, CancellationToken cancellationToken) =>
        await ManageAsync(id, Capability.ManageFindings, async () =>
            await _elements.UseAsCodebookAsync(id, User.ToActor(), cancellationToken) is { } book ? book.ToString(CultureInfo.InvariantCulture) : null, "Innovation.CodebookMade", cancellationToken);

    public async Task<IActionResult> OnPostLinkAsync(long id, string? label, string? team, CancellationToken cancellationToken) =>
        await ManageAsync(id, Capability.ManageProject, async () =>
        {
            if (await _fidelity.CreateLinkAsync(id, label ?? "", team ?? "", User.ToActor(), cancellationToken) is not { } link)
            {
                return null;
            }

            // the token is shown once, in the confirmation; only its hash is stored
            return $"{Request.Scheme}://{Request.Host}/checklist/{link.Token}";
        }, "Innovation.LinkMade", cancellationToken);

    public async Task<IActionResult> OnPostRevokeAsync(long id, long linkId, CancellationToken cancellationToken) =>
        await ManageAsync(id, Capability.ManageProject, async () =>
            await _fidelity.RevokeLinkAsync(id, linkId, User.ToActor(), cancellationToken) ? "" : null, "Innovation.LinkRevoked", cancellationToken);

    public async Task<IActionResult> OnPostReachAsync(long id, string? team, string? month, string? professionals, string? trained, string? users, string? targetClients,
        string? clientsReached, CancellationToken cancellationToken) =>
        await ManageAsync(id, Capability.ManageProject, async () =>
        {
            var fields = new FieldParser();
            var parsed = fields.Month(month, "month", "de maand");
            if (parsed is null && !fields.HasErrors)
            {
                fields.Add("month", "Vul de maand in.");
            }

            var count = new ReachCount
            {
                Team = team ?? "",
                Month = parsed is { } m ? new DateOnly(m.Year, m.Month, 1) : default,
                Professionals = fields.Integer(professionals, "professionals", "het aantal professionals") ?? 0,
                Trained = fields.Integer(trained, "trained", "het aantal getrainde professionals") ?? 0,
                Users = fields.Integer(users, "users", "het aantal gebruikers") ?? 0,
                TargetClients = fields.Integer(targetClients, "targetClients", "de doelgroep") ?? 0,
                ClientsReached = fields.Integer(clientsReached, "clientsReached", "het aantal bereikte cliënten") ?? 0,
            };
            fields.ThrowIfAny();
            return await _reach.SaveAsync(id, count, User.ToActor(), cancellationToken) ? $"{count.Team.Trim()} {month}" : null;
        }, "Innovation.ReachSaved", cancellationToken);

    private async Task<IActionResult> ManageAsync(long id, Capability capability, Func<Task<string?>> change, string messageKey, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!(await Authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(capability))).Succeeded)
        {
            return Forbid();
        }

        return await ChangeAsync(change, messageKey, $"/projecten/{id}/kernelementen");
    }
}
