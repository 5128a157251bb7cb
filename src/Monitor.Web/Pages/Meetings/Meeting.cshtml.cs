using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Meetings;

/// <summary>
/// A meeting: the look-back at the previous one, attendance, agenda, minutes, decisions, action items and the
/// closing reflections. Project leaders see the forms; they post to <see cref="ManageModel"/>.
/// </summary>
[ProjectPermission(Capability.ViewMeetingDetails)]
public sealed class MeetingModel : PageModel
{
    private readonly MeetingStore _meetings;
    private readonly ProjectStore _projects;
    private readonly IAuthorizationService _authorization;

    public MeetingModel(MeetingStore meetings, ProjectStore projects, IAuthorizationService authorization)
    {
        _meetings = meetings;
        _projects = projects;
        _authorization = authorization;
    }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Errors { get; set; }

    /// <summary>A reflection link made just now; shown once.</summary>
    [TempData]
    public string? NewLink { get; set; }

    /// <summary>What was just removed and can be put back ("agenda:12"); set by <see cref="ManageModel"/>.</summary>
    [TempData]
    public string? Undo { get; set; }

    /// <summary>The value of ?modus= for the compact view used during the meeting.</summary>
    public const string CompactMode = "compact";

    /// <summary>
    /// The compact view used during the meeting: attendance, agenda, minutes, decisions and action items in one flow,
    /// without the look-back at the previous meeting, the reflections and the meeting's details.
    /// </summary>
    public bool Compact { get; private set; }

    public long ProjectId { get; private set; }

    public string ProjectName { get; private set; } = "";

    public MeetingDetail Detail { get; private set; } = null!;

    public bool CanManage { get; private set; }

    /// <summary>Open action items carried over from earlier meetings are shown this many at a time.</summary>
    public const int ActionItemsPerPage = 25;

    /// <summary>The page of carried-over open action items shown (1-based).</summary>
    public int ActionPage { get; private set; } = 1;

    public int ActionPageCount => Math.Max(1, (Detail.CarriedActionItems.Count + ActionItemsPerPage - 1) / ActionItemsPerPage);

    public IReadOnlyList<ActionItem> CarriedOnPage => [.. Detail.CarriedActionItems.Skip((ActionPage - 1) * ActionItemsPerPage).Take(ActionItemsPerPage)];

    public async Task<IActionResult> OnGetAsync(long id, long meetingId, [FromQuery(Name = "actiepagina")] int? actionPage, [FromQuery(Name = "modus")] string? mode, CancellationToken cancellationToken)
    {
        if (await _meetings.FindMeetingAsync(id, meetingId, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        ProjectId = id;
        ProjectName = (await _projects.FindAsync(id, cancellationToken))?.Name ?? "";
        Detail = detail;
        Compact = mode == CompactMode;
        ActionPage = Math.Clamp(actionPage ?? 1, 1, ActionPageCount);
        CanManage = (await _authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ManageProject))).Succeeded;
        return Page();
    }

    public string Author(Reflection reflection) => reflection.AuthorLabel ?? "Anoniem";

    public string ManageUrl(string handler) => $"/projecten/{ProjectId}/bijeenkomsten/{Detail.Meeting.Id}/wijzigen?handler={handler}" + (Compact ? "&modus=" + CompactMode : "");

    /// <summary>The undo button's kind and id, when something was just removed.</summary>
    public (string Kind, long Id)? UndoTarget =>
        Undo?.Split(':') is [var kind and ("agenda" or "decision"), var id] && long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var childId) ? (kind, childId) : null;
}
