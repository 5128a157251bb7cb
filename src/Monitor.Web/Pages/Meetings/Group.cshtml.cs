using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Accounts;
using Monitor.Core.Charts;
using Monitor.Core.Common;
using Monitor.Core.Meetings;
using Monitor.Core.Networks;
using Monitor.Core.Privacy;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Meetings;

/// <summary>
/// A group: settings, members with their history, meetings, and the metrics of the reflection loop with
/// charts. Management sees the figures and the meeting dates; the meetings themselves need ViewMeetingDetails.
/// </summary>
[ProjectPermission(Capability.ViewProject)]
public sealed class GroupModel : PageModel
{
    private readonly GroupStore _groups;
    private readonly MeetingQueries _queries;
    private readonly ProjectStore _projects;
    private readonly TimeProvider _time;
    private readonly IAuthorizationService _authorization;
    private readonly AccountStore _accounts;
    private readonly IChartRenderer _charts;
    private readonly GroupGuestStore _guests;

    public GroupModel(GroupStore groups, MeetingQueries queries, ProjectStore projects, TimeProvider time, IAuthorizationService authorization, AccountStore accounts, IChartRenderer charts, GroupGuestStore guests)
    {
        _guests = guests;
        _charts = charts;
        _accounts = accounts;
        _groups = groups;
        _queries = queries;
        _projects = projects;
        _time = time;
        _authorization = authorization;
    }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Errors { get; set; }

    public long ProjectId { get; private set; }

    public string ProjectName { get; private set; } = "";

    public GroupDetail Detail { get; private set; } = null!;

    public GroupMetrics Metrics { get; private set; } = null!;

    public IReadOnlyList<CadenceGap> Gaps { get; private set; } = [];

    /// <summary>Meetings over time, closing-question answers per meeting and attendance per meeting, each with title, description and table.</summary>
    public IReadOnlyList<ShownChart> Charts { get; private set; } = [];

    public bool CanManage { get; private set; }

    /// <summary>Accounts with a role in this project, to link to a member (only for those who manage the group).</summary>
    public IReadOnlyList<Monitor.Core.Accounts.Account> ProjectAccounts { get; private set; } = [];

    public bool ShowDetails { get; private set; }

    /// <summary>People from other organisations invited into this group (shown with the members, not to management).</summary>
    public IReadOnlyList<GroupGuest> Guests { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long groupId, CancellationToken cancellationToken)
    {
        if (await _groups.FindGroupAsync(id, groupId, cancellationToken) is not { } detail || await _projects.FindAsync(id, cancellationToken) is not { } project)
        {
            return NotFound();
        }

        ProjectId = id;
        ProjectName = project.Name;
        // the same rule as the API: management sees the group's figures, not its members or anyone's attendance
        var audience = await Audiences.ForAsync(_authorization, HttpContext);
        Detail = detail.For(audience);
        Today = DutchClock.Today(_time);
        Metrics = MeetingMetrics.Compute(await _queries.GetFactsAsync(groupId, cancellationToken)).For(audience);
        var held = detail.Meetings.Where(m => m.Status == MeetingStatus.Gehouden).Select(m => m.HeldOn).ToList();
        Gaps = detail.Group.CadenceDays is null ? [] : CadenceCheck.FindGaps(held, detail.Group.CadenceDays, Today, project.EndDate);
        Charts =
        [
            ShownChart.Of(_charts, MeetingCharts.Rhythm(detail.Group.Name, held, detail.Group.CadenceDays, Gaps, Today)),
            ShownChart.Of(_charts, MeetingCharts.Reflections(Metrics)),
            ShownChart.Of(_charts, MeetingCharts.Attendance(Metrics)),
        ];
        CanManage = await IsAllowedAsync(Capability.ManageProject);
        if (CanManage)
        {
            ProjectAccounts = [.. (await _accounts.ListAsync(cancellationToken)).Where(a => a.Roles.ContainsKey(id)).Select(a => a.Account).OrderBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase)];
        }

        ShowDetails = audience == Audience.Team;
        if (ShowDetails)
        {
            Guests = await _guests.ListAsync(id, groupId, cancellationToken) ?? [];
        }

        return Page();
    }

    public static string Percent(double? rate) => rate is { } r ? r.ToString("0%", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")) : "–";

    private async Task<bool> IsAllowedAsync(Capability capability) =>
        (await _authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(capability))).Succeeded;
}
